// XES event logs: the hand-made fixtures of test/fixtures/xes (expected figures in its README).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile, type LoadSummary } from '../../pipelines/load.ts';
import { mappingFromFile } from '../../pipelines/mapping/file.ts';
import { inspectFile, readColumns, stageFile } from '../../pipelines/read.ts';
import { detectMapping } from '../../pipelines/sources/index.ts';
import { xesEvents } from '../../pipelines/sources/xes.ts';
import { freshDb } from '../helpers/db.ts';

const fixtures = fileURLToPath(new URL('../fixtures/xes/', import.meta.url));
const italianXes = JSON.parse(readFileSync(fileURLToPath(new URL('../../pipelines/mappings/helpdesk-italian-xes.json', import.meta.url)), 'utf8'));
// The shipped activity map, with the ticket category taken from the trace attribute "product".
const { mapping } = mappingFromFile({ ...italianXes, source: 'fixture', fields: { ...italianXes.fields, ticket_category: 'case:product' } }, 'test mapping');

const tickets = (db: Database) =>
  db.read(
    `SELECT t.external_id, strftime(t.created_at, '%Y-%m-%d %H:%M') AS created, t.status, t.category,
            f.first_response_minutes AS first_response, f.full_resolution_minutes AS resolution
       FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`,
  );

describe('tickets.xes: globals, trace attributes, nested and list attributes, an event without time', () => {
  let db: Database;
  let summary: LoadSummary;
  const file = `${fixtures}tickets.xes`;
  beforeAll(async () => {
    db = await freshDb();
    summary = await loadFile(db, { file, mapping });
  });
  afterAll(async () => {
    await db.close();
  });

  it('stages one row per event with the trace attributes as case:<key>, skipping meta-attributes and lists', async () => {
    expect(await readColumns(db, file)).toEqual([
      'case:concept:name', 'case:product', 'case:priority', 'concept:name', 'time:timestamp', 'org:resource', 'lifecycle:transition',
    ]);
    expect([summary.rowsRead, summary.inserted, summary.rejected]).toEqual([6, 5, 1]);
  });

  it('rejects the event without a timestamp naming the line of its <event>', async () => {
    expect(await db.read(`SELECT line::INTEGER AS line, column_name, value, reason FROM load_rejects WHERE load_id = $load_id`, { load_id: summary.loadId })).toEqual([
      { line: 51, column_name: 'time:timestamp', value: null, reason: 'missing occurred_at' },
    ]);
  });

  it('makes the tickets of the README, trace globals filling the missing product', async () => {
    expect(await tickets(db)).toEqual([
      { external_id: 'T-1', created: '2024-03-01 08:00', status: 'solved', category: 'Widget', first_response: 30, resolution: 120 },
      { external_id: 'T-2', created: '2024-03-02 08:00', status: 'open', category: 'unknown product', first_response: 45, resolution: null },
    ]);
  });

  it('fills event globals and keeps the own value of an attribute with nested meta-attributes', async () => {
    expect(
      await db.read(`SELECT strftime(occurred_at, '%d %H:%M') AS at_time, actor FROM ticket_events ORDER BY occurred_at`),
    ).toEqual([
      { at_time: '01 08:00', actor: 'Ana' }, { at_time: '01 08:30', actor: 'Ben' }, { at_time: '01 10:00', actor: 'nobody' },
      { at_time: '02 08:00', actor: 'Ana' }, { at_time: '02 08:45', actor: 'nobody' },
    ]);
  });

  it('loading the log again changes nothing', async () => {
    const again = await loadFile(db, { file, mapping });
    expect([again.inserted, again.unchanged, again.rejected]).toEqual([0, 5, 1]);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events`)).toEqual([{ n: 5 }]);
  });

  it('reads the gzipped log the same way', async () => {
    const other = await freshDb();
    const gz = join(mkdtempSync(join(tmpdir(), 'servicepulse-xes-')), 'tickets.xes.gz');
    writeFileSync(gz, gzipSync(readFileSync(file)));
    const zipped = await loadFile(other, { file: gz, mapping });
    expect([zipped.rowsRead, zipped.inserted, zipped.rejected]).toEqual([6, 5, 1]);
    expect(await tickets(other)).toEqual(await tickets(db));
    await other.close();
  });
});

describe('keys and values that need care', () => {
  it('keeps keys differing only in letter case apart, and values with entities and line breaks whole', async () => {
    const db = await freshDb();
    const file = join(mkdtempSync(join(tmpdir(), 'servicepulse-xes-')), 'care.xes');
    writeFileSync(file, [
      '<log>',
      '<trace><string key="concept:name" value="T &amp; 1"/>',
      '<event><string key="concept:name" value="created"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/>',
      '<string key="org" value="lower"/><string key="Org" value="upper"/><string key="note" value="line one&#10;&quot;two&quot;"/></event>',
      '</trace></log>',
    ].join('\n'));
    expect(await readColumns(db, file)).toEqual(['case:concept:name', 'concept:name', 'time:timestamp', 'org', 'Org_1', 'note']);
    await db.write(async (tx) => {
      await stageFile(tx, file, await inspectFile(file));
      expect(await tx.all(`SELECT "#xes_line"::INTEGER AS line, "case:concept:name" AS id, "org", "Org_1", note FROM raw`)).toEqual([
        { line: 3, id: 'T & 1', org: 'lower', Org_1: 'upper', note: 'line one\n"two"' },
      ]);
    });
    await db.close();
  });
});

describe('the built-in xes mapping (--source xes)', () => {
  it('is chosen for a log with the standard keys and knows canonical kinds only, rejecting others with the list', async () => {
    const db = await freshDb();
    const file = `${fixtures}canonical-kinds.xes`;
    expect(detectMapping(file, await readColumns(db, file))).toBe(xesEvents);
    const summary = await loadFile(db, { file, mapping: xesEvents });
    expect([summary.rowsRead, summary.inserted, summary.rejected]).toEqual([4, 3, 1]);
    const reject = (await db.readOne<{ line: number; value: string; reason: string }>(`SELECT line::INTEGER AS line, value, reason FROM load_rejects`))!;
    expect([reject.line, reject.value]).toEqual([14, 'Phone call']);
    expect(reject.reason).toMatch(/^unknown kind value \(known: created, agent_reply, customer_reply, /);
    expect(await tickets(db)).toEqual([
      { external_id: 'C-7', created: '2024-05-06 10:00', status: 'solved', category: null, first_response: 20, resolution: 120 },
    ]);
    await db.close();
  });
});

describe('files that are not XES logs: an error naming the file and line, nothing stored', () => {
  const cases = [
    { name: 'malformed.xes', error: /malformed\.xes: is not well-formed XML: line 7, column \d+: unexpected close tag/ },
    { name: 'not-a-log.xes', error: /not-a-log\.xes: is not a valid XES log: line 2: the root element is <html>, not <log>/ },
  ];
  for (const { name, error } of cases) {
    it(name, async () => {
      const db = await freshDb();
      const failure = await loadFile(db, { file: `${fixtures}${name}`, mapping }).catch((e: unknown) => e);
      expect((failure as Error).message).toMatch(error);
      expect(await db.read(`SELECT (SELECT count(*)::INTEGER FROM tickets) AS tickets, (SELECT count(*)::INTEGER FROM ticket_events) AS events`)).toEqual([{ tickets: 0, events: 0 }]);
      await db.close();
    });
  }

  it('a log cut off in the middle (truncated download) is refused at its end', async () => {
    const db = await freshDb();
    const cut = join(mkdtempSync(join(tmpdir(), 'servicepulse-xes-')), 'cut.xes');
    copyFileSync(`${fixtures}tickets.xes`, cut);
    writeFileSync(cut, readFileSync(cut, 'utf8').split('\n').slice(0, 30).join('\n'));
    await expect(loadFile(db, { file: cut, mapping })).rejects.toThrow(/cut\.xes: is not well-formed XML: line 30, column \d+: unclosed tag/);
    await db.close();
  });
});
