// Two status changes at the same instant (a wait ended and another begun in the same second, as exports rounded to the
// minute or second often show) leave the ticket waiting on us from then on, whatever order the rows come in: the facts
// must not depend on the order DuckDB happens to read the rows (at 300 k tickets, 40 of the 28,396 with such a tie
// came out differently from one run to the next). Worked by hand: created 09:00, both changes at 10:00, solved 12:00.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-wait-ties-'));
const write = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

const tickets = mappingFromJson({
  source: 'desk', kind: 'tickets', time_zone: 'UTC',
  fields: { external_id: 'Id', created_at: 'Created', status: 'Status' },
  defaults: { channel: 'email' },
}, 'tickets mapping').mapping;
const events = mappingFromJson({
  source: 'desk', kind: 'events', time_zone: 'UTC',
  fields: {
    ticket_external_id: 'Ticket', occurred_at: 'At',
    kind: { column: 'Activity', values: { Pending: 'wait_start', Back: 'wait_end', Solve: 'solved' } },
  },
  defaults: { actor_kind: 'agent' },
}, 'events mapping').mapping;

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadFile(db, { file: write('tickets.csv', ['Id,Created,Status', 'W1,2026-03-02 09:00:00,solved', 'W2,2026-03-02 09:00:00,solved']), mapping: tickets });
  // W1 lists the wait's start first, W2 its end first; otherwise the same.
  await loadFile(db, {
    file: write('events.csv', [
      'Ticket,At,Activity',
      'W1,2026-03-02 10:00:00,Pending', 'W1,2026-03-02 10:00:00,Back', 'W1,2026-03-02 12:00:00,Solve',
      'W2,2026-03-02 10:00:00,Back', 'W2,2026-03-02 10:00:00,Pending', 'W2,2026-03-02 12:00:00,Solve',
    ]),
    mapping: events,
  });
});
afterAll(async () => {
  await db.close();
});

describe('status changes at the same instant', () => {
  it('leave the ticket waiting on us, in whichever order the rows come: 180 minutes on us, none on the customer', async () => {
    expect(await db.read(
      `SELECT t.external_id, f.requester_wait_minutes AS on_us, f.agent_wait_minutes AS on_customer
         FROM ticket_facts f JOIN tickets t USING (ticket_id) ORDER BY t.external_id`,
    )).toEqual([
      { external_id: 'W1', on_us: 180, on_customer: 0 },
      { external_id: 'W2', on_us: 180, on_customer: 0 },
    ]);
  });
});
