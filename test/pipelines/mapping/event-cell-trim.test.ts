// An event row's cells are trimmed of surrounding spaces (Unicode ones too) as every mapped cell is. For an events
// file the mapping first tests the row's joined cells once and runs the cells' own tests only in rows that test
// flags (pipelines/mapping/to-sql.ts `rowMayNeedTrim`): each row below needs trimming for one reason only, so a
// row test that missed any of them would leave that row's cell untrimmed.
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../pipelines/load.ts';
import { servicepulseEvents } from '../../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import { freshDb } from '../../helpers/db.ts';
import { textFiles } from '../../helpers/text-files.ts';

const write = textFiles('event-cell-trim');
const tickets = write('tickets.csv', [
  'ID,Requester,Requester ID,Assignee,Group,Tags,Status,Priority,Via,Created at',
  '10001,Marko Horvat,c1,Ana Kovač,Zagreb Support,billing,Open,Normal,Mail,2026-01-05 09:00:00',
  '10002,Finance Dept,c2,Ana Kovač,Zagreb Support,access,Open,Normal,Mail,2026-01-06 14:00:00',
]);
const unitSeparator = String.fromCharCode(31);
const events = write('events.csv', [
  'ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value',
  // Nothing to trim.
  '10001,2026-01-05T10:00:00Z,agent_reply,A001,agent,,',
  // The row's first cell starts with a space.
  ' 10001,2026-01-05T11:00:00Z,internal_note,A001,agent,,',
  // Its last cell ends with one.
  '10001,2026-01-05T12:00:00Z,status_change,A001,agent,open,pending ',
  // A middle cell ends with one.
  '10001,2026-01-05T13:00:00Z,assign,A001 ,agent,,A002',
  // A middle cell starts with one.
  '10002,2026-01-06T15:00:00Z, team_change,A001,agent,Zagreb Support,Manila Contact Partners',
  // A no-break space ends the last cell: no ASCII space anywhere in the row.
  '10002,2026-01-06T16:00:00Z,internal_note,A001,agent,,Kovač\u00a0',
  // A non-ASCII cell with nothing to trim, and a cell holding the separator the row's joined cells are tested with.
  `10002,2026-01-06T17:00:00Z,internal_note,A001,agent,Kovač,x${unitSeparator} y`,
]);

describe('an events file whose cells have surrounding spaces', () => {
  it('stores every cell trimmed, wherever the space is, and leaves the others as written', async () => {
    const db = await freshDb();
    await loadFile(db, { file: tickets, mapping: zendeskTickets });
    const summary = await loadFile(db, { file: events, mapping: servicepulseEvents, source: 'zendesk' });
    expect([summary.inserted, summary.rejected]).toEqual([7, 0]);
    expect(await db.read(
      `SELECT t.external_id, e.kind::VARCHAR AS kind, e.actor, e.from_value, e.to_value
         FROM ticket_events e JOIN tickets t USING (ticket_id)
        ORDER BY e.occurred_at`,
    )).toEqual([
      { external_id: '10001', kind: 'agent_reply', actor: 'A001', from_value: null, to_value: null },
      { external_id: '10001', kind: 'internal_note', actor: 'A001', from_value: null, to_value: null },
      { external_id: '10001', kind: 'status_change', actor: 'A001', from_value: 'open', to_value: 'pending' },
      { external_id: '10001', kind: 'assign', actor: 'A001', from_value: null, to_value: 'A002' },
      { external_id: '10002', kind: 'team_change', actor: 'A001', from_value: 'Zagreb Support', to_value: 'Manila Contact Partners' },
      { external_id: '10002', kind: 'internal_note', actor: 'A001', from_value: null, to_value: 'Kovač' },
      { external_id: '10002', kind: 'internal_note', actor: 'A001', from_value: 'Kovač', to_value: `x${unitSeparator} y` },
    ]);
    await db.close();
  });
});
