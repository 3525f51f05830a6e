// Two kinds whose effect docs/importing.md ("Event kinds") states and which once did otherwise, each worked by hand:
// an `assign` from one agent to another in an event log is a reassignment though the ticket names no assignee; and
// events without a `solved` one leave the solve a ticket export states as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingFromJson } from '../../../pipelines/mapping/file.ts';
import { servicepulseEvents } from '../../../pipelines/sources/servicepulse.ts';
import type { Database } from '../../../sql/db.ts';
import { freshDb } from '../../helpers/db.ts';
import { textFiles } from '../../helpers/text-files.ts';

const file = textFiles('kinds');

let db: Database;
afterEach(async () => {
  await db.close();
});

describe('event kinds', () => {
  it('assign: with the agent before, a reassignment; without, a first assignment that counts nothing', async () => {
    db = await freshDb();
    const log = file('assign.csv', [
      'case,at,activity,before,after',
      'A1,2026-03-02T09:00:00Z,created,,', 'A1,2026-03-02T09:10:00Z,assign,,ana', 'A1,2026-03-02T10:00:00Z,assign,ana,ben', 'A1,2026-03-02T11:00:00Z,solved,,',
      'A2,2026-03-02T09:00:00Z,created,,', 'A2,2026-03-02T09:10:00Z,assign,,ana', 'A2,2026-03-02T11:00:00Z,solved,,',
    ]);
    const { mapping } = mappingFromJson({
      source: 'log', kind: 'events', creates_tickets: true,
      fields: { ticket_external_id: 'case', occurred_at: 'at', kind: 'activity', from_value: 'before', to_value: 'after' },
      defaults: { ticket_channel: 'email' },
    }, 'assign mapping');
    await loadFile(db, { file: log, mapping });
    expect(await db.read('SELECT t.external_id, f.assignee_stations FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY 1')).toEqual([
      { external_id: 'A1', assignee_stations: 2 },
      // Like a team: a ticket that names no assignee and was never reassigned has no station to count.
      { external_id: 'A2', assignee_stations: 0 },
    ]);
  });

  it('solved: a ticket whose events have none keeps the solve its export states', async () => {
    db = await freshDb();
    const tickets = file('tickets.csv', ['id,opened,state,medium,resolved', 'S1,2026-03-02T09:00:00Z,solved,email,2026-03-02T12:00:00Z']);
    const { mapping } = mappingFromJson({
      source: 'desk', kind: 'tickets',
      fields: { external_id: 'id', created_at: 'opened', status: 'state', channel: 'medium', solved_at: 'resolved' },
    }, 'tickets mapping');
    await loadFile(db, { file: tickets, mapping });
    // A log of replies only: the first response is dated, the solve stays the export's (180 minutes after creation).
    const events = file('events.csv', [
      'ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value',
      'S1,2026-03-02T09:20:00Z,agent_reply,ana,agent,,', 'S1,2026-03-02T10:00:00Z,customer_reply,,customer,,',
    ]);
    await loadFile(db, { file: events, mapping: servicepulseEvents, source: 'desk' });
    expect(await db.read(
      `SELECT f.first_response_minutes AS response, f.first_resolution_minutes AS first_resolution, f.full_resolution_minutes AS resolution, f.is_solved
         FROM ticket_facts f`,
    )).toEqual([{ response: 20, first_resolution: 180, resolution: 180, is_solved: true }]);
  });
});
