// Loading the organisation file again replaces the teams and agents it names and keeps the others: teams a load
// created from its rows (and their calendars, set since) survive, and a created team the file now lists by name under
// an id of its own becomes that team, its tickets with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { replaceCalendar } from '../../sql/calendars.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { freshDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-org-reload-'));
const organisation = (teams: object[], agents: object[]) => {
  const file = join(dir, `organisation-${teams.length}-${agents.length}.json`);
  writeFileSync(file, JSON.stringify({ teams, agents }));
  return file;
};
const team = (team_id: string, name: string, weekly: object = {}) => ({ team_id, name, time_zone: 'UTC', provider_kind: 'in_house', calendar: { weekly } });

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadOrganisation(db, organisation([team('sd', 'Service Desk', { mon: [['08:00', '16:00']] })], [{ agent_id: 'a1', name: 'Ana', team_id: 'sd' }]));
  // T1 at Service Desk (known), T2 at Field Ops and T3 at DB Team (both created, with agents Bob and Cid).
  const tickets = join(dir, 'tickets.csv');
  writeFileSync(tickets, 'Id,Created,Status,Group,Agent\nT1,2026-03-02 09:00:00,open,Service Desk,Ana\nT2,2026-03-02 10:00:00,open,Field Ops,Bob\nT3,2026-03-02 11:00:00,open,DB Team,Cid\n');
  const { mapping } = mappingFromJson({
    source: 'desk', kind: 'tickets', time_zone: 'UTC',
    fields: { external_id: 'Id', created_at: 'Created', status: 'Status', team: 'Group', assignee: 'Agent' }, defaults: { channel: 'email' },
  }, 'mapping');
  await loadFile(db, { file: tickets, mapping });
  await db.write((tx) => replaceCalendar(tx, 'Field Ops', { weekly: { tue: [['09:00', '17:00']] }, holidays: [] }));
  // The file again: Service Desk renamed, DB Team now listed under the id "db", Ana and a new agent Zoe.
  await loadOrganisation(db, organisation(
    [team('sd', 'Service Desk Zagreb', { wed: [['10:00', '12:00']] }), team('db', 'DB Team')],
    [{ agent_id: 'a1', name: 'Ana K.', team_id: 'sd' }, { agent_id: 'z1', name: 'Zoe', team_id: 'db' }],
  ));
});
afterAll(async () => {
  await db.close();
});

describe('loading the organisation file again', () => {
  it('replaces the teams it names and keeps the ones a load created', async () => {
    expect(await db.read('SELECT team_id, name FROM teams ORDER BY team_id')).toEqual([
      { team_id: 'Field Ops', name: 'Field Ops' },
      { team_id: 'db', name: 'DB Team' },
      { team_id: 'sd', name: 'Service Desk Zagreb' },
    ]);
  });

  it('keeps the calendar set on a created team and replaces the calendars of the teams it names', async () => {
    expect(await db.read(`SELECT team_id, weekday::INTEGER AS weekday, opens::VARCHAR AS opens FROM calendars ORDER BY team_id`)).toEqual([
      { team_id: 'Field Ops', weekday: 2, opens: '09:00:00' },
      { team_id: 'sd', weekday: 3, opens: '10:00:00' },
    ]);
  });

  it('moves the tickets of a created team the file now lists by name to the file’s id', async () => {
    expect(await db.read('SELECT t.external_id, t.team_id, f.team_id AS fact_team FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY 1')).toEqual([
      { external_id: 'T1', team_id: 'sd', fact_team: 'sd' },
      { external_id: 'T2', team_id: 'Field Ops', fact_team: 'Field Ops' },
      { external_id: 'T3', team_id: 'db', fact_team: 'db' },
    ]);
  });

  it('replaces the agents it names and keeps the created ones', async () => {
    expect(await db.read('SELECT agent_id, name, team_id FROM agents ORDER BY agent_id')).toEqual([
      { agent_id: 'Bob', name: 'Bob', team_id: null },
      { agent_id: 'Cid', name: 'Cid', team_id: null },
      { agent_id: 'a1', name: 'Ana K.', team_id: 'sd' },
      { agent_id: 'z1', name: 'Zoe', team_id: 'db' },
    ]);
  });
});
