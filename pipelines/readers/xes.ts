// Stages an XES event log as the temp table `raw`, one text row per event, like a CSV event log: the
// event's attributes under their keys (`concept:name`, `time:timestamp`, `org:resource`, …) and its
// trace's attributes as `case:<key>` (the trace's `concept:name` is `case:concept:name`), with the
// <global> defaults filling keys an element does not carry. The parser streams; each element becomes a
// line of JSON, written to DuckDB a megabyte at a time, and DuckDB turns them into columns set-wise, so
// memory in JavaScript stays about one batch whatever the log's size.
import type { Query } from '../../sql/db.ts';
import { quoteIdentifier } from '../mapping/to-sql.ts';
import type { FileShape } from '../read.ts';
import { parseXes, type XesAttributes, type XesSink } from './xes-parse.ts';

/** The raw column holding the XML line of each event's <event> tag, so rejects name that line. */
export const xesLineColumn = '#xes_line';

/** How many events are read to list a log's columns before loading (choosing a built-in mapping). */
const sampleEvents = 1_000;

/** The keys seen on events and traces and the <global> defaults, in order of first appearance. */
export class XesKeys {
  readonly event = new Set<string>();
  readonly trace = new Set<string>();
  readonly defaults = { event: new Map<string, string>(), trace: new Map<string, string>() };

  eventKeys = () => [...new Set([...this.event, ...this.defaults.event.keys()])];
  traceKeys = () => [...new Set([...this.trace, ...this.defaults.trace.keys()])];

  /**
   * Output columns: trace keys as `case:<key>` first (as event-log CSVs put the case first), then event
   * keys. Column names ignore letter case, so keys differing only in case get `_1`, `_2`… as DuckDB
   * does for a CSV header.
   */
  columns(): Array<{ name: string; eventKey?: string; traceKey?: string }> {
    const byName = new Map<string, { name: string; eventKey?: string; traceKey?: string }>();
    for (const key of this.traceKeys()) byName.set(`case:${key}`, { name: `case:${key}`, traceKey: key });
    for (const key of this.eventKeys()) byName.set(key, { ...byName.get(key), name: key, eventKey: key });
    const taken = new Set<string>();
    return [...byName.values()].map((column) => {
      let name = column.name;
      for (let n = 1; taken.has(name.toLowerCase()); n++) name = `${column.name}_${n}`;
      taken.add(name.toLowerCase());
      return { ...column, name };
    });
  }

  sink(): XesSink {
    const add = (keys: Set<string>, attributes: XesAttributes) => {
      for (const key in attributes) keys.add(key);
    };
    return {
      trace: (_traceNo, attributes) => add(this.trace, attributes),
      event: (_traceNo, _line, attributes) => add(this.event, attributes),
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

/** Rows of JSON lines, one per element, written to a temp table a batch at a time. */
class JsonLineBatches {
  private lines: string[] = [];
  private size = 0;

  constructor(
    private readonly tx: Query,
    readonly table: string,
  ) {}

  add(line: string) {
    this.lines.push(line);
    this.size += line.length;
  }

  async flush(force: boolean) {
    if (this.size < batchChars && !(force && this.lines.length > 0)) return;
    await this.tx.run(`INSERT INTO temp.${this.table} VALUES ($lines)`, { lines: this.lines.join('\n') });
    this.lines = [];
    this.size = 0;
  }
}

/** Characters of JSON per batch: few statements, and a bounded string in JavaScript. */
const batchChars = 1 << 20;

/**
 * Streams the log into two temp tables of JSON lines, one per event and trace (JSON.stringify escapes
 * line breaks, so a line is an element); returns the keys seen.
 */
async function stageElements(tx: Query, file: string, shape: FileShape): Promise<XesKeys> {
  const events = new JsonLineBatches(tx, 'xes_events');
  const traces = new JsonLineBatches(tx, 'xes_traces');
  for (const batches of [events, traces]) await tx.run(`CREATE OR REPLACE TEMP TABLE ${batches.table} (lines VARCHAR)`);
  const keys = new XesKeys();
  const collect = keys.sink();
  let eventNo = 0;
  await parseXes(file, shape, {
    ...collect,
    event: (traceNo, line, attributes) => {
      collect.event(traceNo, line, attributes);
      events.add(JSON.stringify({ n: eventNo++, t: traceNo, l: line, a: attributes }));
    },
    trace: (traceNo, attributes) => {
      collect.trace(traceNo, attributes);
      traces.add(JSON.stringify({ n: traceNo, a: attributes }));
    },
    afterChunk: async (end) => {
      await events.flush(end);
      await traces.flush(end);
    },
  });
  return keys;
}

/** Stages the log as `raw` (see the top of this file); returns its columns, without the line column. */
export async function stageXes(tx: Query, file: string, shape: FileShape): Promise<string[]> {
  const keys = await stageElements(tx, file, shape);
  const params: Record<string, string> = {};
  const bind = (value: string) => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  const columns = keys.columns();
  const selects = columns.map(({ name, eventKey, traceKey }) => {
    const candidates = [
      eventKey === undefined ? undefined : `e.x.a[${bind(eventKey)}]`,
      traceKey === undefined ? undefined : `t.x.a[${bind(traceKey)}]`,
      eventKey !== undefined && keys.defaults.event.has(eventKey) ? bind(keys.defaults.event.get(eventKey)!) : undefined,
      traceKey !== undefined && keys.defaults.trace.has(traceKey) ? bind(keys.defaults.trace.get(traceKey)!) : undefined,
    ].filter((candidate) => candidate !== undefined);
    return `CAST(coalesce(${candidates.join(', ')}) AS VARCHAR) AS ${quoteIdentifier(name)}`;
  });
  // json_transform parses each line once; attributes become a map, whose keys (unlike a struct's) keep their case.
  const elements = (table: string, numbers: string[]) => {
    const struct = { ...Object.fromEntries(numbers.map((n) => [n, 'INTEGER'])), a: 'MAP(VARCHAR, VARCHAR)' };
    return `(SELECT json_transform(line, ${bind(JSON.stringify(struct))}) AS x FROM (SELECT unnest(string_split(lines, chr(10))) AS line FROM temp.${table}))`;
  };
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE raw AS
     SELECT ${[`e.x.l::BIGINT AS ${quoteIdentifier(xesLineColumn)}`, ...selects].join(',\n            ')}
       FROM ${elements('xes_events', ['n', 't', 'l'])} e
       LEFT JOIN ${elements('xes_traces', ['n'])} t ON t.x.n = e.x.t
      ORDER BY e.x.n`,
    params,
  );
  for (const table of ['xes_events', 'xes_traces']) await tx.run(`DROP TABLE temp.${table}`);
  return columns.map((column) => column.name);
}
