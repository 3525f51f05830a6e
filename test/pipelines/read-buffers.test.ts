// A CSV file smaller than two of the reader's full buffers is read in quarters, so that DuckDB parses it on every core
// (pipelines/read.ts `quarterBuffers`). Records then cross buffer boundaries inside quoted, multi-line values; they must
// come out whole, in file order (a reject names its line), and a record too long for a quarter must still load.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb } from '../helpers/db.ts';

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await freshDb();
  dir = mkdtempSync(join(tmpdir(), 'servicepulse-buffers-'));
});
afterAll(async () => {
  await db.close();
});

const header = 'ID,Requester,Requester ID,Subject,Status,Priority,Via,Created at,Solved at';
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** A subject of 1 to 7 lines, of lengths that vary from record to record, with commas and quotes inside. */
function subjectOf(id: number): string {
  const lines = 1 + (id % 7);
  return Array.from({ length: lines }, (_, line) => `Ticket ${id}, line ${line}: "${'abcdefghij'.repeat(1 + ((id * 7 + line * 13) % 40))}"`).join('\n');
}

describe('a CSV file read in quarters', () => {
  it('gives every multi-line record whole and in order, and a reject names its file line', async () => {
    const count = 60_000;
    const badId = 59_000;
    const lines = [header];
    let badLine = 0;
    for (let id = 1; id <= count; id++) {
      const created = id === badId ? 'not a date' : '2026-03-02 09:00:00';
      // The record starts on the line after those written so far (the header is line 1).
      if (id === badId) badLine = lines.join('\n').split('\n').length + 1;
      lines.push(`${id},Ana Kovač,c9,${quoted(subjectOf(id))},Open,Normal,Mail,${created},`);
    }
    const path = join(dir, 'multi-line.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    // Several quarter buffers of at least 4 MiB, yet less than two full ones (192 MiB).
    expect(statSync(path).size).toBeGreaterThan(16 * 1024 ** 2);

    const summary = await loadFile(db, { file: path, mapping: zendeskTickets });
    expect([summary.inserted, summary.rejected]).toEqual([count - 1, 1]);
    expect(await db.read(`SELECT line::INTEGER AS line, column_name FROM load_rejects WHERE load_id = $id`, { id: summary.loadId })).toEqual([
      { line: badLine, column_name: 'Created at' },
    ]);
    const stored = await db.read<{ external_id: string; subject: string }>(
      'SELECT external_id, subject FROM tickets ORDER BY ticket_id',
    );
    const expected = Array.from({ length: count }, (_, i) => i + 1)
      .filter((id) => id !== badId)
      .map((id) => ({ external_id: String(id), subject: subjectOf(id) }));
    expect(stored.length).toBe(expected.length);
    // Ticket ids follow the file's order, so the rows compare one to one.
    expect(stored.filter((row, i) => row.external_id !== expected[i]!.external_id || row.subject !== expected[i]!.subject)).toEqual([]);
  });

  it('loads a record too long for a quarter buffer: the file is read again with the full ones', async () => {
    // A 6 MiB field in a file of 6 MiB: a quarter buffer (4 MiB) accepts records of up to 2.67 MiB.
    const long = 'y'.repeat(6 * 1024 ** 2);
    const path = join(dir, 'long-field.csv');
    writeFileSync(path, `${header}\n70001,Ana Kovač,c9,Short,Open,Normal,Mail,2026-03-02 09:00:00,\n70002,Ana Kovač,c9,${long},Open,Normal,Mail,2026-03-02 09:00:00,\n`);
    const summary = await loadFile(db, { file: path, mapping: zendeskTickets });
    expect([summary.inserted, summary.rejected]).toEqual([2, 0]);
    expect(await db.read(`SELECT external_id, length(subject)::INTEGER AS n FROM tickets WHERE external_id IN ('70001', '70002') ORDER BY 1`)).toEqual([
      { external_id: '70001', n: 5 },
      { external_id: '70002', n: long.length },
    ]);
  });
});
