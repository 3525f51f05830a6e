// Stages an XES event log as the temp table `raw`, one text row per event, like a CSV event log: the
// event's attributes under their keys (`concept:name`, `time:timestamp`, `org:resource`, …) and its
// trace's attributes as `case:<key>` (the trace's `concept:name` is `case:concept:name`), with the
// <global> defaults filling keys an element does not carry. The parser streams; rows go through DuckDB's
// appender into a long (element, key, value) form and are pivoted set-wise by DuckDB, so memory in
// JavaScript stays that of one element whatever the log's size.
import type { DuckDBAppender } from '@duckdb/node-api';
import type { Query } from '../../sql/db.ts';
import { quoteIdentifier } from '../mapping/to-sql.ts';
import type { FileShape } from '../read.ts';
import { parseXes, type XesSink } from './xes-parse.ts';

/** The raw column holding the XML line of each event's <event> tag, so rejects name that line. */
export const xesLineColumn = '#xes_line';

/** How many events are read to list a log's columns before loading (mapping detection, skeletons). */
const sampleEvents = 1_000;

/** The keys seen on events and traces and the <global> defaults, in order of first appearance. */
class XesKeys {
  readonly event = new Set<string>();
  readonly trace = new Set<string>();
  readonly defaults = { event: new Map<string, string>(), trace: new Map<string, string>() };

  /** Output columns: trace keys as `case:<key>` first (as event-log CSVs put the case first), then event keys. */
  columns(): Array<{ name: string; eventKey?: string; traceKey?: string }> {
    const byName = new Map<string, { name: string; eventKey?: string; traceKey?: string }>();
    for (const key of [...this.trace, ...this.defaults.trace.keys()]) byName.set(`case:${key}`, { name: `case:${key}`, traceKey: key });
    for (const key of [...this.event, ...this.defaults.event.keys()]) {
      const name = key;
      byName.set(name, { ...byName.get(name), name, eventKey: key });
    }
    return [...byName.values()];
  }

  sink(): XesSink {
    return {
      trace: () => {},
      event: () => {},
      eventAttribute: (_eventNo, key) => void this.event.add(key),
      traceAttribute: (_traceNo, key) => void this.trace.add(key),
      globalDefault: (scope, key, value) => void this.defaults[scope].set(key, value),
    };
  }
}

/** The column names of a log, from its first events (a key that first appears later is not listed). */
export async function readXesColumns(file: string, shape: FileShape): Promise<string[]> {
  const keys = new XesKeys();
  await parseXes(file, shape, keys.sink(), sampleEvents);
  return keys.columns().map((column) => column.name);
}

function appendRow(appender: DuckDBAppender, numbers: number[], texts: string[]) {
  for (const number of numbers) appender.appendInteger(number);
  for (const text of texts) appender.appendVarchar(text);
  appender.endRow();
}

/** Streams the log into long temp tables; returns the keys seen. Appenders are closed however it ends. */
async function stageLong(tx: Query, file: string, shape: FileShape): Promise<XesKeys> {
  await tx.run('CREATE OR REPLACE TEMP TABLE xes_events (event_no INTEGER, trace_no INTEGER, line INTEGER)');
  await tx.run('CREATE OR REPLACE TEMP TABLE xes_event_values (event_no INTEGER, attr_no INTEGER, key VARCHAR, value VARCHAR)');
  await tx.run('CREATE OR REPLACE TEMP TABLE xes_trace_values (trace_no INTEGER, attr_no INTEGER, key VARCHAR, value VARCHAR)');
  const events = await tx.appendToTemp('xes_events');
  const eventValues = await tx.appendToTemp('xes_event_values');
  const traceValues = await tx.appendToTemp('xes_trace_values');
  const keys = new XesKeys();
  const collect = keys.sink();
  // Orders repeated keys on one element: the last one written wins.
  let attrNo = 0;
  const sink: XesSink = {
    ...collect,
    event: (eventNo, traceNo, line) => {
      events.appendInteger(eventNo);
      if (traceNo === null) events.appendNull();
      else events.appendInteger(traceNo);
      events.appendInteger(line);
      events.endRow();
    },
    eventAttribute: (eventNo, key, value) => {
      collect.eventAttribute(eventNo, key, value);
      appendRow(eventValues, [eventNo, attrNo++], [key, value]);
    },
    traceAttribute: (traceNo, key, value) => {
      collect.traceAttribute(traceNo, key, value);
      appendRow(traceValues, [traceNo, attrNo++], [key, value]);
    },
  };
  try {
    await parseXes(file, shape, sink);
  } finally {
    for (const appender of [events, eventValues, traceValues]) appender.closeSync();
  }
  return keys;
}

/** Stages the log as `raw` (see the top of this file); returns its columns, without the line column. */
export async function stageXes(tx: Query, file: string, shape: FileShape): Promise<string[]> {
  const keys = await stageLong(tx, file, shape);
  const params: Record<string, string> = {};
  const bind = (value: string) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  const pick = (key: string) => `arg_max(value, attr_no) FILTER (WHERE key = ${bind(key)})`;
  const eventKeys = [...new Set([...keys.event, ...keys.defaults.event.keys()])];
  const traceKeys = [...new Set([...keys.trace, ...keys.defaults.trace.keys()])];
  const columns = keys.columns();
  const selects = columns.map(({ name, eventKey, traceKey }) => {
    const candidates = [
      eventKey === undefined ? undefined : `ew.e${eventKeys.indexOf(eventKey)}`,
      traceKey === undefined ? undefined : `tw.t${traceKeys.indexOf(traceKey)}`,
      eventKey !== undefined && keys.defaults.event.has(eventKey) ? bind(keys.defaults.event.get(eventKey)!) : undefined,
      traceKey !== undefined && keys.defaults.trace.has(traceKey) ? bind(keys.defaults.trace.get(traceKey)!) : undefined,
    ].filter((candidate) => candidate !== undefined);
    return `CAST(coalesce(${candidates.join(', ')}) AS VARCHAR) AS ${quoteIdentifier(name)}`;
  });
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE raw AS
     WITH ew AS (SELECT ${['event_no', ...eventKeys.map((key, i) => `${pick(key)} AS e${i}`)].join(', ')}
                   FROM xes_event_values GROUP BY event_no),
          tw AS (SELECT ${['trace_no', ...traceKeys.map((key, i) => `${pick(key)} AS t${i}`)].join(', ')}
                   FROM xes_trace_values GROUP BY trace_no)
     SELECT ${[`e.line::BIGINT AS ${quoteIdentifier(xesLineColumn)}`, ...selects].join(',\n            ')}
       FROM xes_events e LEFT JOIN ew USING (event_no) LEFT JOIN tw USING (trace_no)
      ORDER BY e.event_no`,
    params,
  );
  for (const table of ['xes_events', 'xes_event_values', 'xes_trace_values']) await tx.run(`DROP TABLE temp.${table}`);
  return columns.map((column) => column.name);
}
