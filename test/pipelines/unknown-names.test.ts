// Teams and agents the data names but the organisation file does not: created by the load and counted, or, with
// --strict, the load refused naming them. Every count below is read off the fixture rows by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile, loadFiles, type LoadSummary } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { formatSummary } from '../../pipelines/summary-line.ts';
import { freshDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-unknown-names-'));
const write = (name: string, lines: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
};

// Service Desk (sd) at level 1 and Network L2 (net) at level 2; one agent, Ana (a1).
const organisation = join(dir, 'organisation.json');
writeFileSync(organisation, JSON.stringify({
  teams: [
    { team_id: 'sd', name: 'Service Desk', time_zone: 'UTC', provider_kind: 'in_house', calendar: { weekly: { mon: [['08:00', '16:00']] } } },
    { team_id: 'net', name: 'Network L2', time_zone: 'UTC', provider_kind: 'in_house', support_level: 2, calendar: { weekly: {} } },
  ],
  agents: [{ agent_id: 'a1', name: 'Ana', team_id: 'sd' }],
}));

// T1 and T3 name known teams and agents (by name, by id); T2 and T4 the unknown team Field Ops and the unknown agents
// Bob and Cid; T5 the unknown team DB Team and no agent. Created: teams Field Ops, DB Team; agents Bob, Cid.
const tickets = write('tickets.csv', [
  'Id,Created,Status,Group,Agent',
  'T1,2026-03-02 09:00:00,open,Service Desk,Ana',
  'T2,2026-03-02 10:00:00,open,Field Ops,Bob',
  'T3,2026-03-02 11:00:00,open,net,a1',
  'T4,2026-03-02 12:00:00,open,Field Ops,Cid',
  'T5,2026-03-02 13:00:00,open,DB Team,',
]);
const ticketMapping = mappingFromJson({
  source: 'desk', kind: 'tickets', time_zone: 'UTC',
  fields: { external_id: 'Id', created_at: 'Created', status: 'Status', team: 'Group', assignee: 'Agent' },
  defaults: { channel: 'email' },
}, 'tickets mapping').mapping;

// For the stored tickets: T3 moves from Triage (unknown, so created at level 1) to Network L2 (level 2): escalated, which
// the facts can only tell if Triage exists when they are computed. T5 moves from DB Team to Storage (unknown), level 1
// to 1: not escalated. Dan (unknown) writes as an agent; Ana is known; the customer is no agent. Created: teams
// Triage, Storage; agent Dan.
const events = write('events.csv', [
  'Ticket,At,Activity,From,To,Who,Side',
  'T3,2026-03-02 11:30:00,Transfer,Triage,Network L2,Ana,agent',
  'T5,2026-03-02 13:30:00,Transfer,DB Team,Storage,Dan,agent',
  'T5,2026-03-02 14:00:00,Reply,,,Dan,agent',
  'T5,2026-03-02 15:00:00,Customer,,,Eve,customer',
]);
const eventMapping = mappingFromJson({
  source: 'desk', kind: 'events', time_zone: 'UTC',
  fields: {
    ticket_external_id: 'Ticket', occurred_at: 'At', from_value: 'From', to_value: 'To', actor: 'Who', actor_kind: 'Side',
    kind: { column: 'Activity', values: { Transfer: 'team_change', Reply: 'agent_reply', Customer: 'customer_reply' } },
  },
}, 'events mapping').mapping;

async function teamsAndAgents(db: Database) {
  return {
    teams: await db.read(
      `SELECT team_id, name, time_zone, provider_kind, provider_name, support_level::INTEGER AS support_level, is_escalation_team
         FROM teams ORDER BY team_id`,
    ),
    agents: await db.read('SELECT agent_id, name, email, team_id, support_level::INTEGER AS support_level, is_bot FROM agents ORDER BY agent_id'),
  };
}

const createdTeam = (id: string, time_zone = 'UTC') => ({
  team_id: id, name: id, time_zone, provider_kind: 'in_house', provider_name: null, support_level: 1, is_escalation_team: false,
});
const createdAgent = (id: string) => ({ agent_id: id, name: id, email: null, team_id: null, support_level: 1, is_bot: false });

describe('teams and agents the organisation file does not name', () => {
  let db: Database;
  let ticketLoad: LoadSummary;
  let eventLoad: LoadSummary;
  beforeAll(async () => {
    db = await freshDb();
    await loadOrganisation(db, organisation);
    ticketLoad = await loadFile(db, { file: tickets, mapping: ticketMapping, timeZone: 'Europe/Zagreb' });
    eventLoad = await loadFile(db, { file: events, mapping: eventMapping });
  });
  afterAll(async () => {
    await db.close();
  });

  it('are created by the load that names them, in its time zone, without a calendar', async () => {
    const { teams, agents } = await teamsAndAgents(db);
    expect(teams).toEqual([
      createdTeam('DB Team', 'Europe/Zagreb'),
      createdTeam('Field Ops', 'Europe/Zagreb'),
      createdTeam('Storage'),
      createdTeam('Triage'),
      { team_id: 'net', name: 'Network L2', time_zone: 'UTC', provider_kind: 'in_house', provider_name: null, support_level: 2, is_escalation_team: false },
      { team_id: 'sd', name: 'Service Desk', time_zone: 'UTC', provider_kind: 'in_house', provider_name: null, support_level: 1, is_escalation_team: false },
    ]);
    expect(agents).toEqual([createdAgent('Bob'), createdAgent('Cid'), createdAgent('Dan'), { agent_id: 'a1', name: 'Ana', email: null, team_id: 'sd', support_level: 1, is_bot: false }]);
    expect(await db.read(`SELECT DISTINCT team_id FROM calendars ORDER BY team_id`)).toEqual([{ team_id: 'sd' }]);
  });

  it('so no ticket loses its team or assignee', async () => {
    expect(await db.read('SELECT external_id, team_id, provider_kind, assignee_id FROM tickets ORDER BY external_id')).toEqual([
      { external_id: 'T1', team_id: 'sd', provider_kind: 'in_house', assignee_id: 'a1' },
      { external_id: 'T2', team_id: 'Field Ops', provider_kind: 'in_house', assignee_id: 'Bob' },
      { external_id: 'T3', team_id: 'net', provider_kind: 'in_house', assignee_id: 'a1' },
      { external_id: 'T4', team_id: 'Field Ops', provider_kind: 'in_house', assignee_id: 'Cid' },
      { external_id: 'T5', team_id: 'DB Team', provider_kind: 'in_house', assignee_id: null },
    ]);
  });

  it('count in the facts computed before the transaction: a move from a created level-1 team to level 2 escalates', async () => {
    expect(await db.read(`SELECT t.external_id, f.is_escalated FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY 1`)).toEqual([
      { external_id: 'T1', is_escalated: false },
      { external_id: 'T2', is_escalated: false },
      { external_id: 'T3', is_escalated: true },
      { external_id: 'T4', is_escalated: false },
      { external_id: 'T5', is_escalated: false },
    ]);
  });

  it('are counted and named in the summary, its line and the loads row', async () => {
    expect([ticketLoad.teamsCreated, ticketLoad.agentsCreated, eventLoad.teamsCreated, eventLoad.agentsCreated]).toEqual([2, 2, 2, 1]);
    expect(ticketLoad.warnings).toEqual([
      expect.stringMatching(/^2 teams the organisation file does not name were created: "Field Ops", "DB Team"\. They are in-house/),
      '2 agents the organisation file does not name were created: "Bob", "Cid" (at support level 1, in no team, not bots)',
    ]);
    expect(eventLoad.warnings[0]).toMatch(/^2 teams the organisation file does not name were created: "Triage", "Storage"\./);
    expect(formatSummary(ticketLoad, ticketMapping).split('\n')[0]).toContain('0 rejected, 2 teams created, 2 agents created in');
    expect(formatSummary(eventLoad, eventMapping).split('\n')[0]).toContain('2 teams created, 1 agent created in');
    const stored = await db.read<{ warnings: string }>('SELECT warnings::VARCHAR AS warnings FROM loads WHERE load_id = $id', { id: ticketLoad.loadId });
    expect(JSON.parse(stored[0]!.warnings)).toEqual(ticketLoad.warnings);
  });

  it('a file naming them again creates nothing more', async () => {
    const again = await loadFile(db, { file: tickets, mapping: ticketMapping });
    expect([again.teamsCreated, again.agentsCreated, again.warnings]).toEqual([0, 0, []]);
  });

  it('are not created from events the load rejects because their ticket is not loaded', async () => {
    // T9 is no loaded ticket: its row is rejected, so Night Shift and Gus, which only it names, are not created. T1's
    // row names Payroll and Hal: created.
    const orphans = write('orphan-events.csv', [
      'Ticket,At,Activity,From,To,Who,Side',
      'T9,2026-03-02 16:00:00,Transfer,Service Desk,Night Shift,Gus,agent',
      'T1,2026-03-02 16:30:00,Transfer,Service Desk,Payroll,Hal,agent',
    ]);
    const load = await loadFile(db, { file: orphans, mapping: eventMapping });
    expect([load.inserted, load.rejected, load.teamsCreated, load.agentsCreated]).toEqual([1, 1, 1, 1]);
    const names = await db.read<{ name: string }>(`SELECT name FROM teams WHERE name IN ('Night Shift', 'Payroll') UNION ALL SELECT name FROM agents WHERE name IN ('Gus', 'Hal') ORDER BY name`);
    expect(names.map((row) => row.name)).toEqual(['Hal', 'Payroll']);
  });
});

describe('teams and agents named in a folder loaded as one load', () => {
  it('are created from the events of tickets the folder\'s tickets file brings, not from events of no loaded ticket', async () => {
    const db = await freshDb();
    try {
      await loadOrganisation(db, organisation);
      // N1 is new in this folder's tickets file; its event moves it to Night Shift (unknown) by Gus (unknown). The row
      // of N9, a ticket no file has, names Day Shift and Hal: rejected, so neither is created.
      const folderTickets = write('folder-tickets.csv', ['Id,Created,Status,Group,Agent', 'N1,2026-03-03 09:00:00,open,Service Desk,Ana']);
      const folderEvents = write('folder-events.csv', [
        'Ticket,At,Activity,From,To,Who,Side',
        'N1,2026-03-03 09:30:00,Transfer,Service Desk,Night Shift,Gus,agent',
        'N9,2026-03-03 09:40:00,Transfer,Service Desk,Day Shift,Hal,agent',
      ]);
      const [ticketsLoad, eventsLoad] = await loadFiles(db, [
        { file: folderTickets, mapping: ticketMapping },
        { file: folderEvents, mapping: eventMapping },
      ]);
      expect([ticketsLoad!.teamsCreated, eventsLoad!.inserted, eventsLoad!.rejected, eventsLoad!.teamsCreated, eventsLoad!.agentsCreated]).toEqual([0, 1, 1, 1, 1]);
      const names = await db.read<{ name: string }>(
        `SELECT name FROM teams WHERE name IN ('Night Shift', 'Day Shift') UNION ALL SELECT name FROM agents WHERE name IN ('Gus', 'Hal') ORDER BY name`,
      );
      expect(names.map((row) => row.name)).toEqual(['Gus', 'Night Shift']);
    } finally {
      await db.close();
    }
  });
});

describe('an event log that creates its tickets', () => {
  it('keeps the teams its rows carry, so its transfers and team dimension are not empty', async () => {
    const db = await freshDb();
    // C1 at Desk then Hardware (a transfer), C2 at Desk throughout. Created: teams Desk, Hardware.
    const log = write('log.csv', [
      'Case,At,Activity,Group',
      'C1,2026-03-02 09:00:00,Open,Desk',
      'C1,2026-03-02 10:00:00,Move,Hardware',
      'C1,2026-03-02 11:00:00,Resolve,Hardware',
      'C2,2026-03-02 09:30:00,Open,Desk',
      'C2,2026-03-02 12:00:00,Resolve,Desk',
    ]);
    const { mapping } = mappingFromJson({
      source: 'itsm', kind: 'events', creates_tickets: true, time_zone: 'UTC',
      fields: { ticket_external_id: 'Case', occurred_at: 'At', ticket_team: 'Group', kind: { column: 'Activity', values: { Open: 'created', Move: 'team_change', Resolve: 'solved' } } },
      defaults: { ticket_channel: 'email' },
    }, 'log mapping');
    const summary = await loadFile(db, { file: log, mapping });
    expect([summary.teamsCreated, summary.agentsCreated]).toEqual([2, 0]);
    expect(await db.read('SELECT team_id FROM teams ORDER BY team_id')).toEqual([{ team_id: 'Desk' }, { team_id: 'Hardware' }]);
    expect(await db.read('SELECT t.external_id, t.team_id, f.team_stations FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY 1')).toEqual([
      { external_id: 'C1', team_id: 'Hardware', team_stations: 2 },
      { external_id: 'C2', team_id: 'Desk', team_stations: 1 },
    ]);
    await db.close();
  });
});

describe('a messages export', () => {
  it('creates the team a thread is answered by when no team matches its author, so its calendar can be set', async () => {
    const db = await freshDb();
    // Two threads answered by AppleSupport, one by AmazonHelp, one not answered: created AppleSupport, AmazonHelp.
    const messages = write('messages.csv', [
      'id,at,author,side,reply_to',
      'm1,2026-03-02 09:00:00,cust1,customer,', 'm2,2026-03-02 09:05:00,AppleSupport,agent,m1',
      'm3,2026-03-02 10:00:00,cust2,customer,', 'm4,2026-03-02 10:05:00,AmazonHelp,agent,m3',
      'm5,2026-03-02 11:00:00,cust3,customer,', 'm6,2026-03-02 11:05:00,AppleSupport,agent,m5',
      'm7,2026-03-02 12:00:00,cust4,customer,',
    ]);
    const { mapping } = mappingFromJson({
      source: 'twitter', kind: 'messages', time_zone: 'UTC',
      fields: { external_id: 'id', sent_at: 'at', author_id: 'author', author_side: { column: 'side', values: { customer: 'customer', agent: 'agent' } }, reply_to_external_id: 'reply_to' },
    }, 'messages mapping');
    const summary = await loadFile(db, { file: messages, mapping });
    expect(summary.teamsCreated).toBe(2);
    expect(summary.warnings[0]).toMatch(/^2 teams the organisation file does not name were created: "AppleSupport", "AmazonHelp"\./);
    expect(await teamsAndAgents(db)).toEqual({ teams: [createdTeam('AmazonHelp'), createdTeam('AppleSupport')], agents: [] });
    expect(await db.read('SELECT external_id, team_id, provider_kind FROM tickets ORDER BY 1')).toEqual([
      { external_id: 'm1', team_id: 'AppleSupport', provider_kind: 'in_house' },
      { external_id: 'm3', team_id: 'AmazonHelp', provider_kind: 'in_house' },
      { external_id: 'm5', team_id: 'AppleSupport', provider_kind: 'in_house' },
      { external_id: 'm7', team_id: null, provider_kind: null },
    ]);
    await db.close();
  });
});

describe('a load that stores nothing creates nothing', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
    await loadOrganisation(db, organisation);
  });
  afterAll(async () => {
    await db.close();
  });

  it('a dry run reports what it would create and rolls it back', async () => {
    const before = await teamsAndAgents(db);
    const summary = await loadFile(db, { file: tickets, mapping: ticketMapping, dryRun: true });
    expect([summary.teamsCreated, summary.agentsCreated]).toEqual([2, 2]);
    expect(await teamsAndAgents(db)).toEqual(before);
  });

  it('--strict refuses the file, naming the unknown values per column, and stores nothing', async () => {
    const before = await teamsAndAgents(db);
    await expect(loadFile(db, { file: tickets, mapping: ticketMapping, strict: true })).rejects.toThrow(
      `${tickets}: unknown teams or agents with --strict, so nothing was loaded: ` +
        'column "Group" (team): 2 unknown teams, "Field Ops", "DB Team"; column "Agent" (assignee): 2 unknown agents, "Bob", "Cid". ' +
        'Add them to the organisation file (or POST /api/teams), or load without --strict to create them',
    );
    expect(await teamsAndAgents(db)).toEqual(before);
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM tickets')).toEqual([{ n: 0 }]);
  });

  it('--strict lists the first 20 names of a column and counts the rest', async () => {
    const many = write('many.csv', ['Id,Created,Status,Group,Agent', ...Array.from({ length: 23 }, (_, i) => `M${i},2026-03-02 09:00:00,open,Team ${String(i).padStart(2, '0')},Ana`)]);
    const error = await loadFile(db, { file: many, mapping: ticketMapping, strict: true }).catch((e: Error) => e);
    const names = Array.from({ length: 20 }, (_, i) => `"Team ${String(i).padStart(2, '0')}"`).join(', ');
    expect((error as Error).message).toContain(`column "Group" (team): 23 unknown teams, ${names} and 3 more. Add them`);
  });
});
