// Support levels and teams carried on every row of an event log (ITSM logs write the line, L1/L2/L3, and the
// assignment group on each status change): transfers and escalations come from their sequence per ticket, whatever
// each row's kind. Every expected count below is worked out by hand from the rows written here.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingFromJson } from '../../../pipelines/mapping/file.ts';
import { freshDb } from '../../helpers/db.ts';
import { textFiles } from '../../helpers/text-files.ts';

const write = textFiles('levels');
let files = 0;
const logFile = (rows: string[]) => write(`log-${files++}.csv`, ['Case,At,Status,Line,Group', ...rows]);

const statuses = { New: 'created', Transfer: 'team_change', 'In Progress': 'status_change', 'Awaiting Info': 'wait_start', Resolved: 'solved', Escalate: 'escalate' };
const common = { source: 'itsm', kind: 'events', creates_tickets: true, time_zone: 'UTC', defaults: { ticket_channel: 'email', actor_kind: 'agent' } };
/** The line as a column (L1/L2/L3, numbers allowed in the map), and the levels of two groups for rows whose line is empty. */
const withLevels = mappingFromJson({
  ...common,
  fields: {
    ticket_external_id: 'Case', occurred_at: 'At', kind: { column: 'Status', values: statuses }, ticket_team: 'Group',
    support_level: { column: 'Line', values: { L1: 1, L2: '2', L3: 3 } },
  },
  team_levels: { 'service desk': 1, Network: 2 },
}, 'levels mapping').mapping;
/** No level at all: levels come from the organisation's teams. */
const teamsOnly = mappingFromJson({
  ...common,
  fields: { ticket_external_id: 'Case', occurred_at: 'At', kind: { column: 'Status', values: statuses }, ticket_team: 'Group' },
}, 'teams mapping').mapping;

let db: Database;
afterEach(async () => {
  await db.close();
});

async function withTeams(): Promise<Database> {
  const fresh = await freshDb();
  await fresh.write((tx) => tx.run(
    `INSERT INTO teams (team_id, name, time_zone, provider_kind, support_level, is_escalation_team) VALUES
       ('sd', 'Service Desk', 'UTC', 'in_house', 1, false), ('net', 'Network', 'UTC', 'in_house', 2, false),
       ('mi', 'Major Incidents', 'UTC', 'in_house', 1, true)`,
  ));
  return fresh;
}

const facts = (of: Database) => of.read(
  `SELECT t.external_id, f.team_stations, f.escalations, f.escalation_level_max::INTEGER AS level_max, f.is_escalated
     FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`,
);

describe('levels and teams on every row', () => {
  it('give escalations, de-escalations and transfers whatever the row kind', async () => {
    db = await withTeams();
    const file = logFile([
      // A wait that is also "now at L2, Network": one escalation, one transfer.
      'T1,2026-03-02T09:00:00Z,New,L1,Service Desk', 'T1,2026-03-02T10:00:00Z,Awaiting Info,L2,Network',
      'T1,2026-03-02T11:00:00Z,In Progress,L2,Network', 'T1,2026-03-02T12:00:00Z,Resolved,L2,Network',
      // Up, down, up to L3 in one team: two escalations, no transfer, highest level 3.
      'T2,2026-03-02T09:00:00Z,New,L1,Service Desk', 'T2,2026-03-02T10:00:00Z,In Progress,L2,Service Desk',
      'T2,2026-03-02T11:00:00Z,In Progress,L1,Service Desk', 'T2,2026-03-02T12:00:00Z,In Progress,L3,Service Desk',
      'T2,2026-03-02T13:00:00Z,Resolved,L3,Service Desk',
      // A Transfer row that also carries the new group: one transfer, not two.
      'T3,2026-03-02T09:00:00Z,New,L1,Service Desk', 'T3,2026-03-02T10:00:00Z,Transfer,L1,Desk Two', 'T3,2026-03-02T11:00:00Z,Resolved,L1,Desk Two',
      // No line written: the mapping's team_levels (matched in any case) give Service Desk 1 and Network 2.
      'T4,2026-03-02T09:00:00Z,New,,SERVICE DESK', 'T4,2026-03-02T10:00:00Z,In Progress,,Network', 'T4,2026-03-02T11:00:00Z,Resolved,,Network',
      // Groups nobody knows, no level: a transfer all the same, no escalation.
      'T5,2026-03-02T09:00:00Z,New,,Alpha', 'T5,2026-03-02T10:00:00Z,In Progress,,Beta', 'T5,2026-03-02T11:00:00Z,Resolved,,Beta',
      // Through an escalation team and back at the same level: one escalation, two transfers.
      'T6,2026-03-02T09:00:00Z,New,L1,Service Desk', 'T6,2026-03-02T10:00:00Z,In Progress,L1,Major Incidents',
      'T6,2026-03-02T11:00:00Z,In Progress,L1,Service Desk', 'T6,2026-03-02T12:00:00Z,Resolved,L1,Service Desk',
      // An Escalate row that carries the new level too: one escalation, not two.
      'T7,2026-03-02T09:00:00Z,New,L1,Service Desk', 'T7,2026-03-02T10:00:00Z,Escalate,L2,Service Desk', 'T7,2026-03-02T11:00:00Z,Resolved,L2,Service Desk',
    ]);
    const summary = await loadFile(db, { file, mapping: withLevels });
    expect(summary.rejected).toBe(0);
    expect(await facts(db)).toEqual([
      { external_id: 'T1', team_stations: 2, escalations: 1, level_max: 2, is_escalated: true },
      { external_id: 'T2', team_stations: 1, escalations: 2, level_max: 3, is_escalated: true },
      { external_id: 'T3', team_stations: 2, escalations: 0, level_max: 1, is_escalated: false },
      { external_id: 'T4', team_stations: 2, escalations: 1, level_max: 2, is_escalated: true },
      // Alpha and Beta are in no organisation file: the ticket has no team, yet two stations.
      { external_id: 'T5', team_stations: 2, escalations: 0, level_max: 1, is_escalated: false },
      { external_id: 'T6', team_stations: 3, escalations: 1, level_max: 1, is_escalated: true },
      { external_id: 'T7', team_stations: 1, escalations: 1, level_max: 2, is_escalated: true },
    ]);
  });

  it('without levels in the log, take each team\'s level from the organisation', async () => {
    db = await withTeams();
    const file = logFile([
      'U1,2026-03-02T09:00:00Z,New,,Service Desk', 'U1,2026-03-02T10:00:00Z,Awaiting Info,,Network', 'U1,2026-03-02T11:00:00Z,Resolved,,Network',
      'U2,2026-03-02T09:00:00Z,New,,Network', 'U2,2026-03-02T10:00:00Z,In Progress,,Service Desk', 'U2,2026-03-02T11:00:00Z,Resolved,,Service Desk',
    ]);
    await loadFile(db, { file, mapping: teamsOnly });
    expect(await facts(db)).toEqual([
      { external_id: 'U1', team_stations: 2, escalations: 1, level_max: 2, is_escalated: true },
      // Down from Network (2) to the Service Desk (1): a de-escalation, which counts nothing.
      { external_id: 'U2', team_stations: 2, escalations: 0, level_max: 2, is_escalated: false },
    ]);
  });

  it('continue a ticket\'s sequence across loads', async () => {
    db = await withTeams();
    // T2 and T1 of the first case, split: the second file's first rows continue from the first file's last level and team.
    await loadFile(db, { file: logFile([
      'T1,2026-03-02T09:00:00Z,New,L1,Service Desk',
      'T2,2026-03-02T09:00:00Z,New,L1,Service Desk', 'T2,2026-03-02T10:00:00Z,In Progress,L2,Service Desk', 'T2,2026-03-02T11:00:00Z,In Progress,L1,Service Desk',
    ]), mapping: withLevels });
    await loadFile(db, { file: logFile([
      'T1,2026-03-02T10:00:00Z,Awaiting Info,L2,Network', 'T1,2026-03-02T11:00:00Z,In Progress,L2,Network', 'T1,2026-03-02T12:00:00Z,Resolved,L2,Network',
      'T2,2026-03-02T12:00:00Z,In Progress,L3,Service Desk', 'T2,2026-03-02T13:00:00Z,Resolved,L3,Service Desk',
    ]), mapping: withLevels });
    expect(await facts(db)).toEqual([
      { external_id: 'T1', team_stations: 2, escalations: 1, level_max: 2, is_escalated: true },
      { external_id: 'T2', team_stations: 1, escalations: 2, level_max: 3, is_escalated: true },
    ]);
  });

  it('reject a level outside the map, naming the line and the column', async () => {
    db = await freshDb();
    const summary = await loadFile(db, { file: logFile(['T1,2026-03-02T09:00:00Z,New,L4,Service Desk']), mapping: withLevels });
    expect(summary.rejected).toBe(1);
    expect(await db.read('SELECT line::INTEGER AS line, column_name, value, reason FROM load_rejects')).toEqual([
      { line: 2, column_name: 'Line', value: 'L4', reason: 'unknown support_level value (known: L1, L2, L3)' },
    ]);
  });

  it('refuse team_levels without a team field', () => {
    expect(() => mappingFromJson({ ...common, fields: { ticket_external_id: 'Case', occurred_at: 'At', kind: 'Status' }, team_levels: { A: 1 } }, 'm'))
      .toThrow('"team_levels" gives the levels of the teams in "ticket_team", which the mapping does not map');
    expect(() => mappingFromJson({ ...common, fields: { ticket_external_id: 'Case', occurred_at: 'At', kind: 'Status', ticket_team: 'G' }, team_levels: { A: 4 } }, 'm'))
      .toThrow('team_levels.A');
  });
});
