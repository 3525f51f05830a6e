// Loads the organisation file (teams, calendars, agents, customers, SLA policies, users, suggestions).
// Customers and SLA policies are replaced as a whole. Teams and agents the file names are replaced (a team with its
// calendar); the others stay, since a load or the API created them and tickets name them. People's own data (users'
// passwords, suggestions and their votes and comments) is only ever added to, never overwritten.
import type { Database, Query } from '../../sql/db.ts';
import { recomputeFactsOf } from '../../sql/facts.ts';
import { unknownTimeZoneMessage, unknownTimeZones } from '../../sql/time-zones.ts';
import { readJsonFile } from '../load-error.ts';
import { organisationError } from './problems.ts';
import { organisationSchema, weekdayNames, type Organisation } from './schema.ts';

export interface OrganisationSummary {
  teams: number;
  agents: number;
  customers: number;
  users: number;
  suggestions: number;
}

/** The file, checked against its schema (schema.ts, published as docs/organisation.schema.json) and its time zones. */
export async function readOrganisation(file: string, db: Database): Promise<Organisation> {
  const raw = await readJsonFile(file, 'organisation file');
  const parsed = organisationSchema.safeParse(raw);
  if (!parsed.success) throw organisationError(file, raw, parsed.error.issues);
  const unknown = await unknownTimeZones((sql, params) => db.read(sql, params), parsed.data.teams.map((team) => team.time_zone));
  const unknownZones = parsed.data.teams.flatMap((team, i) =>
    unknown.has(team.time_zone) ? [{ path: ['teams', i, 'time_zone'], message: unknownTimeZoneMessage(team.time_zone) }] : [],
  );
  if (unknownZones.length > 0) throw organisationError(file, raw, unknownZones);
  return parsed.data;
}

/** Inserts a JSON array set-wise: DuckDB parses it against `shape` and unnests it into rows. */
async function insertJson(tx: Query, table: string, shape: Record<string, unknown>, rows: unknown[], conflict = '') {
  if (rows.length === 0) return;
  await tx.run(
    `INSERT INTO ${table} (${Object.keys(shape).join(', ')})
     SELECT ${Object.keys(shape).join(', ')} FROM (SELECT unnest(from_json($rows, $shape), recursive := true)) ${conflict}`,
    { rows: JSON.stringify(rows), shape: JSON.stringify([shape]) },
  );
}

export async function loadOrganisation(db: Database, file: string): Promise<OrganisationSummary> {
  const org = await readOrganisation(file, db);
  const calendarRows = org.teams.flatMap((team) =>
    weekdayNames.flatMap((day, index) =>
      (team.calendar.weekly[day] ?? []).map(([opens, closes]) => ({ team_id: team.team_id, weekday: index + 1, opens, closes })),
    ),
  );
  const holidayRows = org.teams.flatMap((team) => team.calendar.holidays.map(({ day, name }) => ({ team_id: team.team_id, day, name })));
  const holidayHourRows = org.teams.flatMap((team) =>
    team.calendar.holidays.flatMap(({ day, hours }) => hours.map(([opens, closes]) => ({ team_id: team.team_id, day, opens, closes }))),
  );
  const flagRows = org.customers.flatMap((c) => c.flags.map((f) => ({ customer_id: c.customer_id, ...f })));

  return db.write(async (tx) => {
    await replaceNamedTeamsAndAgents(tx, org);
    for (const table of ['customers', 'sla_policies']) {
      await tx.run(`DELETE FROM ${table}`);
    }
    // The file replaces the flags it gave; a lead's flags stay, and so does a file's flag a lead cleared (its row
    // keeps the key the file gives again, so the file's copy is skipped below).
    await tx.run(`DELETE FROM customer_flags WHERE origin = 'organisation' AND cleared_at IS NULL`);
    await insertJson(
      tx,
      'teams',
      { team_id: 'VARCHAR', name: 'VARCHAR', time_zone: 'VARCHAR', provider_kind: 'VARCHAR', provider_name: 'VARCHAR', support_level: 'SMALLINT', is_escalation_team: 'BOOLEAN' },
      org.teams,
    );
    await insertJson(tx, 'calendars', { team_id: 'VARCHAR', weekday: 'SMALLINT', opens: 'TIME', closes: 'TIME' }, calendarRows);
    await insertJson(tx, 'calendar_holidays', { team_id: 'VARCHAR', day: 'DATE', name: 'VARCHAR' }, holidayRows);
    await insertJson(tx, 'calendar_holiday_hours', { team_id: 'VARCHAR', day: 'DATE', opens: 'TIME', closes: 'TIME' }, holidayHourRows);
    await insertJson(
      tx,
      'agents',
      { agent_id: 'VARCHAR', name: 'VARCHAR', email: 'VARCHAR', team_id: 'VARCHAR', support_level: 'SMALLINT', is_bot: 'BOOLEAN' },
      org.agents,
    );
    await insertJson(tx, 'customers', { customer_id: 'VARCHAR', name: 'VARCHAR', email: 'VARCHAR', kind: 'VARCHAR', organization: 'VARCHAR' }, org.customers);
    await insertJson(
      tx,
      'customer_flags',
      { customer_id: 'VARCHAR', flag: 'VARCHAR', set_by: 'VARCHAR', set_at: 'TIMESTAMPTZ', note: 'VARCHAR' },
      flagRows,
      'ON CONFLICT DO NOTHING',
    );
    await insertJson(
      tx,
      'sla_policies',
      { policy_id: 'VARCHAR', priority: 'VARCHAR', target: 'VARCHAR', target_minutes: 'INTEGER', hours: 'VARCHAR' },
      org.sla_policies,
    );
    await insertJson(
      tx,
      'users',
      { user_id: 'VARCHAR', display_name: 'VARCHAR', email: 'VARCHAR', role: 'VARCHAR', team_id: 'VARCHAR', agent_id: 'VARCHAR' },
      org.users,
      'ON CONFLICT (user_id) DO NOTHING',
    );
    const suggestions = await insertSuggestions(tx, org);
    // Calendars, teams and SLA policies shape business minutes and SLA clocks of tickets already loaded.
    await recomputeFactsOf(tx, 'SELECT ticket_id FROM tickets');
    await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
    return {
      teams: org.teams.length,
      agents: org.agents.length,
      customers: org.customers.length,
      users: org.users.length,
      suggestions,
    };
  });
}

/**
 * The file's teams (with their calendars) and agents replace the stored ones of the same id; every other team and
 * agent stays. A stored team that has the name of a file's team under another id is the same team, as the file
 * names it (a load created it from its name before the file listed it): it is replaced too, and its tickets and
 * agents follow it to the file's id.
 */
async function replaceNamedTeamsAndAgents(tx: Query, org: Organisation) {
  const teams = { teams: JSON.stringify(org.teams.map(({ team_id, name }) => ({ team_id, name }))) };
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE replaced_teams AS
     SELECT stored.team_id AS old_id, named.team_id AS new_id
       FROM teams stored
       JOIN (SELECT unnest(from_json($teams, '[{"team_id": "VARCHAR", "name": "VARCHAR"}]'), recursive := true)) named
         ON named.team_id = stored.team_id OR named.name = stored.name`,
    teams,
  );
  for (const table of ['tickets', 'agents']) {
    await tx.run(
      `UPDATE ${table} SET team_id = r.new_id FROM replaced_teams r WHERE ${table}.team_id = r.old_id AND r.old_id <> r.new_id`,
    );
  }
  for (const table of ['teams', 'calendars', 'calendar_holidays', 'calendar_holiday_hours']) {
    await tx.run(`DELETE FROM ${table} WHERE team_id IN (SELECT old_id FROM replaced_teams UNION SELECT new_id FROM replaced_teams)`);
  }
  await tx.run(`DELETE FROM agents WHERE agent_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`, {
    ids: JSON.stringify(org.agents.map((agent) => agent.agent_id)),
  });
}

/**
 * Adds the file's suggestions that the database does not hold yet, with their votes, comments, responses and the
 * events that tell their story (sql/schema/012_suggestions.sql): the same trail the routes would have left.
 */
async function insertSuggestions(tx: Query, org: Organisation): Promise<number> {
  const existing = new Set(
    (await tx.all<{ id: number }>('SELECT suggestion_id::INTEGER AS id FROM suggestions')).map((row) => row.id),
  );
  const fresh = org.suggestions.filter((s) => !existing.has(s.suggestion_id));
  if (fresh.length === 0) return 0;
  const teamOf = new Map(org.users.map((u) => [u.user_id, u.team_id]));
  const lastMove = (s: (typeof fresh)[number]) => s.history.at(-1);
  await insertJson(
    tx,
    'suggestions',
    {
      suggestion_id: 'BIGINT', title: 'VARCHAR', body: 'VARCHAR', author_id: 'VARCHAR', anonymous: 'BOOLEAN', team_id: 'VARCHAR',
      status: 'VARCHAR', response: 'VARCHAR', responded_at: 'TIMESTAMPTZ', responded_by: 'VARCHAR', decline_reason: 'VARCHAR',
      implemented_on: 'DATE', issue_key: 'VARCHAR', first_response_at: 'TIMESTAMPTZ', created_at: 'TIMESTAMPTZ', updated_at: 'TIMESTAMPTZ',
    },
    fresh.map((s) => ({
      ...s,
      body: s.description,
      team_id: teamOf.get(s.author_id) ?? null,
      responded_at: s.response !== null ? lastMove(s)?.at ?? null : null,
      responded_by: s.response !== null ? lastMove(s)?.actor_id ?? null : null,
      first_response_at: s.history[0]?.at ?? null,
      updated_at: lastMove(s)?.at ?? s.created_at,
    })),
  );
  await insertJson(
    tx,
    'suggestion_votes',
    { suggestion_id: 'BIGINT', user_id: 'VARCHAR', voted_at: 'TIMESTAMPTZ' },
    fresh.flatMap((s) => s.votes.map((v) => ({ suggestion_id: s.suggestion_id, ...v }))),
  );
  const comments = fresh.flatMap((s) => s.comments.map((c) => ({ suggestion_id: s.suggestion_id, ...c })));
  const commentIds = await tx.all<{ id: number }>(`SELECT nextval('suggestion_comment_id_seq')::BIGINT AS id FROM range($n)`, { n: comments.length });
  const numbered = comments.map((c, i) => ({ ...c, comment_id: Number(commentIds[i]!.id) }));
  await insertJson(tx, 'suggestion_comments', { comment_id: 'BIGINT', suggestion_id: 'BIGINT', author_id: 'VARCHAR', created_at: 'TIMESTAMPTZ' }, numbered);
  await insertJson(
    tx,
    'suggestion_comment_texts',
    { comment_id: 'BIGINT', version: 'INTEGER', body: 'VARCHAR', written_at: 'TIMESTAMPTZ' },
    numbered.map((c) => ({ comment_id: c.comment_id, version: 1, body: c.body, written_at: c.created_at })),
  );
  const events = fresh.flatMap((s) => {
    const team_id = teamOf.get(s.author_id) ?? null;
    const last = lastMove(s);
    return [
      event(s.suggestion_id, 'create', s.author_id, s.created_at, {
        title: s.title, body: s.description, anonymous: s.anonymous, team_id, issue_id: null, issue_key: s.issue_key, goal_id: null, ticket_ids: [],
      }),
      ...s.history.map((h) =>
        event(s.suggestion_id, 'move', h.actor_id, h.at, {
          from: h.from, to: h.to,
          ...(h.to === 'declined' ? { reason: s.decline_reason } : h.to === 'implemented' ? { implemented_on: s.implemented_on } : {}),
          ...(h.note !== null && h.to !== 'declined' ? { note: h.note } : {}),
        }),
      ),
      ...(s.response !== null && last ? [event(s.suggestion_id, 'response', last.actor_id, last.at, { response: s.response })] : []),
      ...s.votes.map((v) => event(s.suggestion_id, 'vote', v.user_id, v.voted_at, {})),
    ];
  });
  events.push(...numbered.map((c) => event(c.suggestion_id, 'comment', c.author_id, c.created_at, { comment_id: c.comment_id, body: c.body })));
  events.sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  await insertJson(
    tx,
    'suggestion_events',
    { suggestion_id: 'BIGINT', kind: 'VARCHAR', actor_id: 'VARCHAR', occurred_at: 'TIMESTAMPTZ', payload: 'VARCHAR' },
    events,
  );
  await advanceSequencePast(tx, 'suggestion_id_seq', Math.max(...fresh.map((s) => s.suggestion_id)));
  return fresh.length;
}

function event(suggestion_id: number, kind: string, actor_id: string, occurred_at: string, payload: object) {
  return { suggestion_id, kind, actor_id, occurred_at, payload: JSON.stringify(payload) };
}

/** DuckDB cannot set a sequence's value, so draw numbers until the next one is past the ids already used. */
async function advanceSequencePast(tx: Query, sequence: string, usedMax: number) {
  const drawn = (await tx.one<{ v: number }>(`SELECT nextval('${sequence}')::INTEGER AS v`))!.v;
  if (drawn < usedMax) await tx.run(`SELECT max(nextval('${sequence}')) FROM range($n)`, { n: usedMax - drawn });
}
