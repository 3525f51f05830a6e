// Teams and agents the data names but the database does not know. Left alone they would vanish: a ticket's team
// and assignee are looked up by id or name, and a value that matches nothing became NULL without a word (a log in
// which half the incidents changed team then read 0 % reassignment). A load creates them instead, in its own
// transaction, and says so; with --strict it refuses the file, naming them (docs/importing.md, "Teams and agents
// the organisation file does not name").
//
// The preparation before the transaction resolves teams and agents and computes facts (escalation compares the
// support levels of teams), so it must already see the teams the transaction will create: while it runs, temp tables
// `teams` and `agents` hold the stored rows and the ones to create, and DuckDB resolves a name to the temp catalog
// first. They are dropped when the preparation ends, before the transaction writes the rows for real.
import { quoteIdentifier, type Query } from '../sql/db.ts';
import { runTransform } from '../sql/files.ts';
import type { LoadKind, Mapping } from './mapping/types.ts';

type Names = 'team' | 'agent';

/** Where rows of each kind name a team or an agent: a canonical field, and which rows of it do. */
export const namingFields: Record<LoadKind, ReadonlyArray<{ names: Names; field: string; when?: string }>> = {
  tickets: [
    { names: 'team', field: 'team' },
    { names: 'agent', field: 'assignee' },
  ],
  events: [
    { names: 'team', field: 'ticket_team' },
    { names: 'team', field: 'from_value', when: "kind = 'team_change'" },
    { names: 'team', field: 'to_value', when: "kind = 'team_change'" },
    { names: 'agent', field: 'from_value', when: "kind = 'assign'" },
    { names: 'agent', field: 'to_value', when: "kind = 'assign'" },
    { names: 'agent', field: 'actor', when: "actor_kind = 'agent'" },
  ],
  messages: [],
  feedback: [],
};

/** What the load creates: every name, in the order the file first gives it. */
export interface CreatedNames {
  teams: string[];
  agents: string[];
  /** With --strict, why the load is refused instead (after its rejects, which refuse it first). */
  refusal?: string;
}

/** How many names a message or a warning lists before it says "and N more". */
const namesShown = { strict: 20, warning: 5 } as const;

/**
 * In the preparation, once temp view `incoming` holds the rows to merge: finds the names no team or agent matches
 * (sql/transforms/unknown-names.sql) and shows them to the rest of the preparation as if stored. With `strict`, any
 * such name makes the refusal the transaction throws (`refusal`).
 */
export async function prepareUnknownNames(
  query: Query,
  load: { mapping: Mapping; timeZone: string; strict: boolean },
  incoming: string,
): Promise<CreatedNames> {
  const { mapping } = load;
  const naming = namingFields[mapping.kind].filter(({ field }) => mapping.fields[field]);
  if (naming.length === 0) return { teams: [], agents: [] };
  // Distinct values only (each with its first record): a file of millions of rows names a few thousand teams.
  const findUnknown = async (onlyRowsWithTicket: boolean) => {
    // An events file's mapped rows carry the ticket the mapping statement found for them (merge-events.ts
    // `withTheirTickets`): the rows are not matched a second time here.
    const rowsWithTicket = onlyRowsWithTicket ? ' AND ticket_id IS NOT NULL' : '';
    await query.run(
      `CREATE OR REPLACE TEMP TABLE named_values AS
       ${naming
         .map(({ names, field, when }) =>
           `SELECT '${names}' AS names, '${field}' AS field, ${quoteIdentifier(field)} AS value, min(record) AS record FROM ${incoming}
             WHERE ${quoteIdentifier(field)} IS NOT NULL${when ? ` AND ${when}` : ''}${rowsWithTicket} GROUP BY value`)
         .join('\n UNION ALL\n')}`,
    );
    await runTransform(query, 'unknown-names', { time_zone: load.timeZone });
  };
  await findUnknown(false);
  // An event whose ticket is not loaded is rejected (merge-events.ts): a name only such rows give is not created. Looked
  // for only when some name is unknown, since it scans every event again.
  if (mapping.kind === 'events' && !mapping.createsTickets && (await anyUnknown(query))) await findUnknown(true);
  const refusal = load.strict ? await strictRefusal(query, mapping) : undefined;
  const created = { teams: await createdNames(query, 'team'), agents: await createdNames(query, 'agent') };
  if (created.teams.length > 0) await showAsStored(query, 'teams');
  if (created.agents.length > 0) await showAsStored(query, 'agents');
  return { ...created, refusal };
}

/**
 * Temp table `teams` (or `agents`): the stored rows and those to create, temp table `created_<table>`. An earlier
 * file of the same load may have made it already (its names to create are in it): the file's own are added.
 */
async function showAsStored(query: Query, table: 'teams' | 'agents'): Promise<void> {
  const catalog = quoteIdentifier((await query.one<{ name: string }>('SELECT current_database() AS name'))!.name);
  await query.run(`CREATE TEMP TABLE IF NOT EXISTS ${table} AS SELECT * FROM ${catalog}.main.${table}`);
  await query.run(`INSERT INTO temp.main.${table} BY NAME SELECT * EXCLUDE (first_record) FROM created_${table}`);
}

/** At the end of the preparation (of every file of the load): the stored tables are what `teams` and `agents` name again. */
export async function endUnknownNamesPreview(query: Query): Promise<void> {
  await query.run('DROP TABLE IF EXISTS temp.main.teams');
  await query.run('DROP TABLE IF EXISTS temp.main.agents');
}

/**
 * Inside the load's transaction: stores the teams and agents the preparation found missing, from temp tables
 * `<prefix>teams` and `<prefix>agents` (a file of a load of several keeps them under a name of its own,
 * pipelines/folder-load.ts).
 */
export async function createUnknownNames(tx: Query, created: CreatedNames, prefix = 'created_'): Promise<void> {
  if (created.teams.length > 0) await tx.run(`INSERT INTO teams BY NAME SELECT * EXCLUDE (first_record) FROM ${quoteIdentifier(`${prefix}teams`)}`);
  if (created.agents.length > 0) await tx.run(`INSERT INTO agents BY NAME SELECT * EXCLUDE (first_record) FROM ${quoteIdentifier(`${prefix}agents`)}`);
}

/**
 * Inside a messages load's transaction, after its merge: a thread's team is the author of its first reply when no team
 * matches that author (merge-messages.sql, a brand's support account), so such teams are created as above, by the same
 * transform. Returns their names, in the order of their first ticket.
 */
export async function createThreadTeams(tx: Query, timeZone: string): Promise<string[]> {
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE named_values AS
     SELECT 'team' AS names, 'team' AS field, t.team_id AS value, min(t.ticket_id) AS record
       FROM tickets t JOIN touched_tickets USING (ticket_id)
      WHERE t.team_id IS NOT NULL
      GROUP BY t.team_id`,
  );
  await runTransform(tx, 'unknown-names', { time_zone: timeZone });
  const teams = await createdNames(tx, 'team');
  if (teams.length === 0) return [];
  await createUnknownNames(tx, { teams, agents: [] });
  // Their tickets' provider was looked up with the team, which did not exist then.
  await tx.run(
    `UPDATE tickets SET provider_kind = 'in_house' WHERE team_id IN (SELECT team_id FROM created_teams) AND provider_kind IS NULL`,
  );
  return teams;
}

async function anyUnknown(query: Query): Promise<boolean> {
  return (await query.one<{ any: boolean }>('SELECT count(*) > 0 AS any FROM unknown_names'))!.any;
}

/** The names unknown-names.sql found, in the order the file (or the tickets) first gives them. */
async function createdNames(query: Query, names: Names): Promise<string[]> {
  const table = names === 'team' ? 'created_teams' : 'created_agents';
  const id = names === 'team' ? 'team_id' : 'agent_id';
  return (await query.all<{ name: string }>(`SELECT ${id} AS name FROM ${table} ORDER BY first_record, ${id}`)).map((r) => r.name);
}

/** The load's warning (and the summary line's words) for what it created; none when it created nothing. */
export function createdNamesWarnings(created: CreatedNames): string[] {
  const warnings: string[] = [];
  if (created.teams.length > 0) {
    warnings.push(
      `${countOf(created.teams.length, 'team')} the organisation file does not name ${created.teams.length === 1 ? 'was' : 'were'} created: ` +
        `${listOf(created.teams, namesShown.warning)}. They are in-house, at support level 1, not escalation teams, in the load's ` +
        'time zone, and have no calendar, so their tickets have no business minutes until one is set (the organisation file, or ' +
        'PUT /api/teams/:id/calendar). Load with --strict to refuse unknown teams instead',
    );
  }
  if (created.agents.length > 0) {
    warnings.push(
      `${countOf(created.agents.length, 'agent')} the organisation file does not name ${created.agents.length === 1 ? 'was' : 'were'} created: ` +
        `${listOf(created.agents, namesShown.warning)} (at support level 1, in no team, not bots)`,
    );
  }
  return warnings;
}

async function strictRefusal(query: Query, mapping: Mapping): Promise<string | undefined> {
  const perField = await query.all<{ names: Names; field: string; count: number; first: string[] }>(
    `SELECT names, field, count(*)::INTEGER AS count, list(value ORDER BY first_record, value)[1:$shown] AS first
       FROM unknown_names GROUP BY names, field ORDER BY names = 'agent', min(first_record), field`,
    { shown: namesShown.strict },
  );
  if (perField.length === 0) return undefined;
  const parts = perField.map(
    ({ names, field, count, first }) =>
      `column "${mapping.fields[field]!.column}" (${field}): ${countOf(count, `unknown ${names}`)}, ${listOf(first, namesShown.strict, count)}`,
  );
  return (
    `unknown teams or agents with --strict, so nothing was loaded: ${parts.join('; ')}. Add them to the organisation file ` +
    '(or POST /api/teams), or load without --strict to create them'
  );
}

function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** `"a", "b", "c" and 4 more`. */
function listOf(names: string[], shown: number, total = names.length): string {
  const listed = names.slice(0, shown).map((name) => JSON.stringify(name)).join(', ');
  return total > shown ? `${listed} and ${(total - shown).toLocaleString('en')} more` : listed;
}
