// Bad and unusual input: each gives a clear error naming the file, or loads/rejects with reasons,
// and nothing already stored changes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { defaultReadLimits } from '../../pipelines/read.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';

let db: Database;
let dir: string;
const header = 'ID,Requester,Requester ID,Subject,Status,Priority,Via,Created at,Solved at';
const row = (id: number, subject = 'Printer jam', created = '2026-01-20 10:00:00') =>
  `${id},Ana Kovač,c9,${subject},Open,Normal,Mail,${created},`;

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  dir = mkdtempSync(join(tmpdir(), 'servicepulse-bad-'));
});
afterAll(async () => {
  await db.close();
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const snapshot = () =>
  db.read(`SELECT (SELECT count(*)::INTEGER FROM tickets) AS tickets, (SELECT string_agg(row_hash, ',' ORDER BY ticket_id) FROM tickets) AS hashes,
                  (SELECT count(*)::INTEGER FROM ticket_facts) AS facts, (SELECT version::INTEGER FROM data_state) AS version`);

describe('files that cannot be loaded: a clear error and nothing changes', () => {
  const cases = [
    { title: 'an empty file', name: 'empty.csv', content: '', error: /: is empty \(0 bytes\)$/ },
    { title: 'a binary file', name: 'binary.csv', content: Buffer.concat([Buffer.from('ID,Subject\n'), Buffer.alloc(64, 0), Buffer.from([0xde, 0xad, 0xbe, 0xef])]), error: /: is a binary file, not a CSV export \(it contains NUL bytes\)$/ },
    { title: 'a truncated gzip', name: 'cut.csv.gz', content: gzipSync(`${header}\n${Array.from({ length: 500 }, (_, i) => row(900 + i)).join('\n')}\n`).subarray(0, 200), error: /: is not a complete gzip file \(it ends too early: truncated download\?\)$/ },
    { title: 'an unterminated quote', name: 'quote.csv', content: `${header}\n${row(1)}\n2,"Ana Kovač,c9,Never closed,Open,Normal,Mail,2026-01-20 10:00:00,\n`, error: /: cannot be read as CSV/ },
    { title: 'mixed encodings (UTF-8, then a Latin-1 line)', name: 'mixed.csv', content: Buffer.concat([Buffer.from(`${header}\n${row(1, 'Žarulja')}\n`), Buffer.from(`${row(2, 'Jos\xe9').replace('Kovač', 'Kovac')}\n`, 'latin1'), Buffer.from('x'.repeat(70_000))]), error: /: mixes text encodings: line 3 is not UTF-8 although earlier lines are; save the file as UTF-8$/ },
    // Line 3, the file's own count: DuckDB's message said "Line: 1" and nothing of the limit.
    { title: 'a record past the 64 MiB line limit', name: 'too-long.csv', content: `${header}\n${row(1)}\n${row(2, 'z'.repeat(defaultReadLimits.lineBytes + 1024))}\n`, error: /: line 3 is longer than 64 MiB, the longest a record may be \(is it a CSV export at all\?\)$/ },
    { title: 'a file with other columns', name: 'other.csv', content: 'a,b\n1,2\n', error: /: is not a zendesk tickets export: missing columns "ID" \(for external_id\)/ },
  ];
  for (const { title, name, content, error } of cases) {
    it(title, async () => {
      const before = await snapshot();
      const path = file(name, content);
      const failure = await loadFile(db, { file: path, mapping: zendeskTickets }).catch((e: unknown) => e);
      expect((failure as Error).message.startsWith(`${path}: `)).toBe(true);
      expect((failure as Error).message).toMatch(error);
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('unusual files that load', () => {
  const ids = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i);

  it('a header and no rows loads nothing, without error', async () => {
    const summary = await loadFile(db, { file: file('header-only.csv', `${header}\n`), mapping: zendeskTickets });
    expect([summary.rowsRead, summary.inserted, summary.rejected]).toEqual([0, 0, 0]);
  });

  it('semicolon, tab and pipe delimiters are recognised from the header', async () => {
    for (const [name, delimiter, first] of [['semi.csv', ';', 2000], ['tab.tsv', '\t', 2100], ['pipe.csv', '|', 2200]] as const) {
      const lines = [header, row(first), row(first + 1)].map((line) => line.replaceAll(',', delimiter));
      const summary = await loadFile(db, { file: file(name, `${lines.join('\n')}\n`), mapping: zendeskTickets });
      expect({ name, inserted: summary.inserted, rejected: summary.rejected }).toEqual({ name, inserted: 2, rejected: 0 });
    }
  });

  it('Latin-1, UTF-16 with BOM and UTF-8 with BOM keep their characters', async () => {
    const text = `${header}\n${row(3000, 'Café José').replace('Kovač', 'Kovac')}\n`;
    const files = [
      file('latin1.csv', Buffer.from(text, 'latin1')),
      file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('3000', '3001'), 'utf16le')])),
      file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('3000', '3002'))])),
    ];
    for (const path of files) expect((await loadFile(db, { file: path, mapping: zendeskTickets })).inserted).toBe(1);
    expect(await db.read(`SELECT external_id, subject FROM tickets WHERE external_id IN ('3000', '3001', '3002') ORDER BY 1`)).toEqual([
      { external_id: '3000', subject: 'Café José' },
      { external_id: '3001', subject: 'Café José' },
      { external_id: '3002', subject: 'Café José' },
    ]);
  });

  it('a complete gzip loads like the plain file', async () => {
    const summary = await loadFile(db, { file: file('ok.csv.gz', gzipSync(`${header}\n${ids(4000, 3).map((id) => row(id)).join('\n')}\n`)), mapping: zendeskTickets });
    expect(summary.inserted).toBe(3);
  });

  it('a 10 MB field and 2,000 columns', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    expect((await loadFile(db, { file: file('big-field.csv', `${header}\n${row(5000, big)}\n`), mapping: zendeskTickets })).inserted).toBe(1);
    expect(await db.read(`SELECT length(subject)::INTEGER AS n FROM tickets WHERE external_id = '5000'`)).toEqual([{ n: big.length }]);

    const extra = Array.from({ length: 1991 }, (_, i) => `Custom field ${i}`);
    const wide = `${[header, ...extra].join(',')}\n${[row(5001), ...extra.map((_, i) => String(i))].join(',')}\n`;
    const summary = await loadFile(db, { file: file('wide.csv', wide), mapping: zendeskTickets });
    expect([summary.inserted, summary.rejected]).toEqual([1, 0]);
  });

  it('a record just within the 64 MiB line limit loads', async () => {
    // The reader's buffers are sized for the limit (pipelines/read.ts): the longest record allowed must still fit.
    const within = 'y'.repeat(defaultReadLimits.lineBytes - 1024);
    expect((await loadFile(db, { file: file('long-record.csv', `${header}\n${row(5100, within)}\n${row(5101)}\n`), mapping: zendeskTickets })).inserted).toBe(2);
    expect(await db.read(`SELECT length(subject)::INTEGER AS n FROM tickets WHERE external_id = '5100'`)).toEqual([{ n: within.length }]);
  });

  it('future creation dates and negative durations are rejected with reasons and lines', async () => {
    const path = file('future.csv', `${header}\n${row(6000, 'Tomorrow', '2099-01-01 10:00:00')}\n6001,Ana Kovač,c9,Backwards,Solved,Normal,Mail,2026-01-20 10:00:00,2026-01-19 10:00:00\n${row(6002)}\n`);
    const summary = await loadFile(db, { file: path, mapping: zendeskTickets });
    expect([summary.inserted, summary.rejected]).toEqual([1, 2]);
    expect(await db.read(`SELECT line::INTEGER AS line, column_name, reason FROM load_rejects WHERE load_id = $id ORDER BY line`, { id: summary.loadId })).toEqual([
      { line: 2, column_name: 'Created at', reason: "created in the future (more than a day ahead of this machine's clock)" },
      { line: 3, column_name: 'Solved at', reason: 'solved before created' },
    ]);
  });
});

describe('a date in the future is judged alike on every path', () => {
  // 18 days ahead: the case a new user met, accepted from an event log while refused from a tickets file.
  const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
  const eventLog = { source: 'future_log', kind: 'events', creates_tickets: true, time_zone: 'UTC',
    fields: { ticket_external_id: 'Case', occurred_at: 'At', kind: { column: 'Activity', values: { Open: 'created', Answer: 'agent_reply' } } },
    defaults: { ticket_channel: 'email' } };

  it('an event log refuses a ticket created 18 days ahead, naming the line and column, as a tickets file does', async () => {
    const path = file('future-events.csv', `Case,At,Activity\nF1,${ahead(18)},Open\nF2,2026-01-20 10:00:00,Open\nF2,${ahead(18)},Answer\nF3,${ahead(0.5)},Open\n`);
    const { mapping, timeZone } = mappingFromJson(eventLog, 'future-log mapping');
    const summary = await loadFile(db, { file: path, mapping, timeZone });
    expect(await db.read(`SELECT line::INTEGER AS line, column_name, reason FROM load_rejects WHERE load_id = $id ORDER BY line`, { id: summary.loadId })).toEqual([
      { line: 2, column_name: 'At', reason: "dated in the future (more than a day ahead of this machine's clock)" },
      { line: 4, column_name: 'At', reason: "dated in the future (more than a day ahead of this machine's clock)" },
    ]);
    // Half a day ahead is within the stated clock-skew tolerance: F3 loads; F1 never existed; F2 has its past event only.
    expect(await db.read(`SELECT external_id, (SELECT count(*)::INTEGER FROM ticket_events e WHERE e.ticket_id = t.ticket_id) AS events
                            FROM tickets t WHERE source = 'future_log' ORDER BY external_id`)).toEqual([
      { external_id: 'F2', events: 1 },
      { external_id: 'F3', events: 1 },
    ]);
  });
});

describe('rejects in a file with multi-line values', () => {
  it('name the line each record starts on, counting the breaks of earlier records only', async () => {
    // Line 1 header; 7001 spans lines 2-3; 7002 is line 4; 7003 spans lines 5-7; 7001 again is line 8.
    const content = [
      header,
      row(7001, '"Two\nlines"'),
      row(7002, 'Plain', 'yesterday'),
      row(7003, '"Three\nline\nsubject"', 'never'),
      row(7001, 'Kept'),
    ].join('\n');
    const summary = await loadFile(db, { file: file('multiline.csv', `${content}\n`), mapping: zendeskTickets });
    expect([summary.rowsRead, summary.inserted, summary.rejected]).toEqual([4, 1, 3]);
    expect(await db.read(`SELECT line::INTEGER AS line, value, reason FROM load_rejects WHERE load_id = $id ORDER BY line`, { id: summary.loadId })).toEqual([
      { line: 2, value: '7001', reason: 'duplicate external_id in file: line 8 is kept' },
      { line: 4, value: 'yesterday', reason: 'unparseable created_at (expected %Y-%m-%d %H:%M:%S)' },
      { line: 5, value: 'never', reason: 'unparseable created_at (expected %Y-%m-%d %H:%M:%S)' },
    ]);
    expect(await db.read(`SELECT subject FROM tickets WHERE external_id = '7001'`)).toEqual([{ subject: 'Kept' }]);
  });
});

describe('rejects in an event log with multi-line values', () => {
  // An event's line breaks are counted in the text its identity is hashed over (pipelines/mapping/to-sql.ts): breaks in
  // two cells of one row count twice, an empty cell counts none, and the lines below move down by all of them.
  it('name the line each record starts on', async () => {
    const { mapping } = mappingFromJson({
      source: 'multiline_log', kind: 'events', creates_tickets: true, time_zone: 'UTC',
      fields: { ticket_external_id: 'Case', occurred_at: 'At', kind: { column: 'Activity', values: { Open: 'created', Note: 'internal_note' } }, actor: 'Who', to_value: 'Text' },
      defaults: { ticket_channel: 'email' },
    }, 'multi-line log mapping');
    // Line 1 header; M1 Open spans lines 2-5 (one break in Who, two in Text); the Bogus row is line 6 (Who and Text
    // empty); M2 Open spans lines 7-8; the row dated "yesterday" is line 9.
    const content = [
      'Case,At,Activity,Who,Text',
      'M1,2026-01-20 10:00:00,Open,"Ana\nKovač","first\nsecond\nthird"',
      'M1,2026-01-20 11:00:00,Bogus,,',
      'M2,2026-01-20 12:00:00,Open,,"one\nbreak"',
      'M2,yesterday,Note,Bo,x',
    ].join('\n');
    const summary = await loadFile(db, { file: file('multiline-events.csv', `${content}\n`), mapping });
    expect([summary.rowsRead, summary.inserted, summary.rejected]).toEqual([4, 2, 2]);
    expect(await db.read(`SELECT line::INTEGER AS line, column_name, value FROM load_rejects WHERE load_id = $id ORDER BY line`, { id: summary.loadId })).toEqual([
      { line: 6, column_name: 'Activity', value: 'Bogus' },
      { line: 9, column_name: 'At', value: 'yesterday' },
    ]);
    expect(await db.read(`SELECT e.actor, e.to_value FROM ticket_events e JOIN tickets t USING (ticket_id)
                            WHERE t.source = 'multiline_log' ORDER BY e.occurred_at`)).toEqual([
      { actor: 'Ana\nKovač', to_value: 'first\nsecond\nthird' },
      { actor: null, to_value: 'one\nbreak' },
    ]);
  });
});

describe('JSON, NDJSON and Parquet exports', () => {
  it('load the same tickets as the CSV they were written from, with record numbers as lines', async () => {
    const csv = join(smallFixture, 'tickets.csv');
    const fresh = await freshDb();
    try {
      const paths = { json: join(dir, 'tickets.json'), ndjson: join(dir, 'tickets.ndjson'), parquet: join(dir, 'tickets.parquet') };
      await fresh.write(async (tx) => {
        const source = `(SELECT * FROM read_csv('${csv}', header = true, all_varchar = true))`;
        await tx.run(`COPY ${source} TO '${paths.json}' (FORMAT json, ARRAY true)`);
        await tx.run(`COPY ${source} TO '${paths.ndjson}' (FORMAT json)`);
        await tx.run(`COPY ${source} TO '${paths.parquet}' (FORMAT parquet)`);
      });
      const expected = JSON.parse(readFileSync(paths.ndjson, 'utf8').split('\n')[0]!).ID;
      expect(expected).toBe('10001');
      for (const [format, path] of Object.entries(paths)) {
        const summary = await loadFile(fresh, { file: path, mapping: zendeskTickets, source: `zendesk_${format}` });
        expect({ format, inserted: summary.inserted, rejected: summary.rejected }).toEqual({ format, inserted: 5, rejected: 3 });
        // Without a header, the 6th record (10006, "yesterday") is line/record 6.
        expect(await fresh.read(`SELECT line::INTEGER AS line, value FROM load_rejects WHERE load_id = $id AND column_name = 'Created at'`, { id: summary.loadId })).toEqual([{ line: 6, value: 'yesterday' }]);
      }
      const bySource = await fresh.read(`SELECT source, string_agg(external_id || ':' || status || ':' || channel || ':' || strftime(created_at, '%Y-%m-%d %H:%M'), ',' ORDER BY external_id) AS rows FROM tickets GROUP BY source ORDER BY source`);
      expect(new Set(bySource.map((r) => r.rows)).size).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
