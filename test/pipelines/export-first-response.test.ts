// An export's own first response time: loaded as stated, checked against the resolution, and kept unless
// the ticket's events show a first public reply.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadFile } from '../../pipelines/load.ts';
import type { Mapping } from '../../pipelines/mapping/types.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { freshDb } from '../helpers/db.ts';

const folder = mkdtempSync(join(tmpdir(), 'servicepulse-first-response-'));
const write = (name: string, text: string) => {
  writeFileSync(join(folder, name), text);
  return join(folder, name);
};

// T1 has no events; T2 only an internal note; T3 an agent reply at 09:20, before the export's 09:45;
// T4 is solved at 10:00, before its first response at 11:00.
const tickets = write('tickets.csv', `id,created,first_response,solved,status,channel
T1,2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,2026-01-05T12:00:00Z,solved,email
T2,2026-01-05T09:00:00Z,2026-01-05T09:30:00Z,,open,email
T3,2026-01-05T09:00:00Z,2026-01-05T09:45:00Z,,open,email
T4,2026-01-05T09:00:00Z,2026-01-05T11:00:00Z,2026-01-05T10:00:00Z,solved,email
`);
const events = write('events.csv', `ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value
T2,2026-01-05T09:10:00Z,internal_note,a1,agent,,
T3,2026-01-05T09:20:00Z,agent_reply,a1,agent,,
`);

const ticketMapping: Mapping = {
  source: 'acme',
  kind: 'tickets',
  fields: {
    external_id: { column: 'id', type: 'text' },
    created_at: { column: 'created', type: 'timestamp' },
    first_response_at: { column: 'first_response', type: 'timestamp' },
    solved_at: { column: 'solved', type: 'timestamp' },
    status: { column: 'status', type: 'enum', values: { open: 'open', solved: 'solved' } },
    channel: { column: 'channel', type: 'enum', values: { email: 'email' } },
  },
};

it('loads the stated first response, rejects a solve before it, and lets a reply in the events decide', async () => {
  const db = await freshDb();
  const loaded = await loadFile(db, { file: tickets, mapping: ticketMapping });
  expect([loaded.inserted, loaded.rejected, loaded.topRejects]).toEqual([3, 1, [{ reason: 'solved before first response', count: 1 }]]);
  await loadFile(db, { file: events, mapping: servicepulseEvents, source: 'acme' });
  expect(
    await db.read(`SELECT t.external_id AS id, f.first_response_minutes AS minutes FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY id`),
  ).toEqual([{ id: 'T1', minutes: 60 }, { id: 'T2', minutes: 30 }, { id: 'T3', minutes: 20 }]);
  await db.close();
});
