// What a load of an event log that creates its tickets tells the person loading it: how many tickets it created,
// and a warning when some were closed but never solved (their resolution figures would be silently empty).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { formatSummary } from '../../pipelines/summary-line.ts';
import { freshDb } from '../helpers/db.ts';

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await freshDb();
  dir = mkdtempSync(join(tmpdir(), 'servicepulse-event-summary-'));
});
afterAll(async () => {
  await db.close();
});

const { mapping, timeZone } = mappingFromJson(
  {
    source: 'case_log', kind: 'events', creates_tickets: true, time_zone: 'UTC',
    fields: {
      ticket_external_id: 'Case', occurred_at: 'At',
      kind: { column: 'Activity', values: { Open: 'created', Reply: 'agent_reply', Resolve: 'solved', Close: 'closed' } },
    },
    defaults: { ticket_channel: 'email', actor_kind: 'agent' },
  },
  'case-log mapping',
);

function log(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `Case,At,Activity\n${rows.join('\n')}\n`);
  return path;
}

describe('an event log that creates its tickets', () => {
  it('says how many tickets it created, and warns that the ones closed but never solved have no resolution time', async () => {
    const file = log('cases.csv', [
      'C1,2026-01-05 09:00:00,Open', 'C1,2026-01-05 10:00:00,Reply', 'C1,2026-01-05 12:00:00,Resolve', 'C1,2026-01-06 12:00:00,Close',
      'C2,2026-01-05 09:30:00,Open', 'C2,2026-01-05 11:00:00,Close',
      'C3,2026-01-05 10:00:00,Open', 'C3,2026-01-07 10:00:00,Close',
      'C4,2026-01-05 10:30:00,Open',
    ]);
    const summary = await loadFile(db, { file, mapping, timeZone });
    expect([summary.rowsRead, summary.inserted, summary.ticketsCreated]).toEqual([9, 9, 4]);
    // C2 and C3 end in `closed` only; C1 was solved first; C4 is still open.
    expect(summary.warnings).toEqual([
      '2 tickets were closed but never solved (a `closed` event and no `solved` one): they have no resolution time, so ' +
        'resolution figures leave them out. If the activity that ends them means the problem was resolved, map it to ' +
        '`solved` (a later `closed` still closes the ticket)',
    ]);
    expect(formatSummary(summary, mapping).split('\n')[0]).toMatch(/— 9 read, 9 inserted, 0 updated, 0 unchanged, 0 rejected, 4 tickets created in \d+\.\d s$/);
    expect(await db.read(`SELECT warnings::VARCHAR AS warnings FROM loads WHERE load_id = $id`, { id: summary.loadId })).toEqual([
      { warnings: JSON.stringify(summary.warnings) },
    ]);
  });

  it('counts only the tickets a later load creates, and warns only about the tickets it touched', async () => {
    const file = log('more.csv', ['C1,2026-01-08 09:00:00,Reply', 'C5,2026-01-08 09:00:00,Open', 'C5,2026-01-08 10:00:00,Resolve']);
    const summary = await loadFile(db, { file, mapping, timeZone });
    expect([summary.inserted, summary.ticketsCreated, summary.warnings]).toEqual([3, 1, []]);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM tickets WHERE source = 'case_log'`)).toEqual([{ n: 5 }]);
  });
});
