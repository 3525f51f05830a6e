// Loads the organisation file (teams, calendars, agents, customers, SLA policies, users, suggestions).
// Configuration tables are replaced as a whole; people's own data (users' passwords, suggestions and
// their votes and comments) is only ever added to, never overwritten.
import type { Database, Query } from '../../sql/db.ts';
import { recomputeFactsOf } from '../../sql/facts.ts';
import { LoadError, readJsonFile } from '../load-error.ts';
import { organisationSchema, weekdayNames, type Organisation } from './schema.ts';

export interface OrganisationSummary {
  teams: number;
  agents: number;
  customers: number;
  users: number;
  suggestions: number;
}

export async function readOrganisation(file: string): Promise<Organisation> {
  const parsed = organisationSchema.safeParse(await readJsonFile(file, 'organisation file'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LoadError(file, `invalid organisation at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
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
  const org = await readOrganisation(file);
  const zones = new Set(
    (await db.read<{ name: string }>('SELECT name FROM pg_timezone_names()')).map((row) => row.name),
  );
  for (const team of org.teams) {
    if (!zones.has(team.time_zone)) throw new LoadError(file, `team ${team.team_id}: unknown time zone "${team.time_zone}"`);
  }
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
    for (const table of ['teams', 'calendars', 'calendar_holidays', 'calendar_holiday_hours', 'agents', 'customers', 'sla_policies']) {
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

/** Adds the file's suggestions that the database does not hold yet, with their votes, comments and history. */
async function insertSuggestions(tx: Query, org: Organisation): Promise<number> {
  const existing = new Set(
    (await tx.all<{ id: number }>('SELECT suggestion_id::INTEGER AS id FROM suggestions')).map((row) => row.id),
  );
  const fresh = org.suggestions.filter((s) => !existing.has(s.suggestion_id));
  if (fresh.length === 0) return 0;
  const lastChange = (s: (typeof fresh)[number]) => s.history.at(-1)?.at ?? s.created_at;
  await insertJson(
    tx,
    'suggestions',
    {
      suggestion_id: 'BIGINT', title: 'VARCHAR', description: 'VARCHAR', author_id: 'VARCHAR', anonymous: 'BOOLEAN',
      status: 'VARCHAR', response: 'VARCHAR', decline_reason: 'VARCHAR', implemented_on: 'DATE', issue_key: 'VARCHAR',
      created_at: 'TIMESTAMPTZ', updated_at: 'TIMESTAMPTZ',
    },
    fresh.map((s) => ({ ...s, updated_at: lastChange(s) })),
  );
  await insertJson(
    tx,
    'suggestion_votes',
    { suggestion_id: 'BIGINT', user_id: 'VARCHAR', voted_at: 'TIMESTAMPTZ' },
    fresh.flatMap((s) => s.votes.map((v) => ({ suggestion_id: s.suggestion_id, ...v }))),
  );
  await insertJson(
    tx,
    'suggestion_comments',
    { suggestion_id: 'BIGINT', author_id: 'VARCHAR', body: 'VARCHAR', created_at: 'TIMESTAMPTZ' },
    fresh.flatMap((s) => s.comments.map((c) => ({ suggestion_id: s.suggestion_id, ...c }))),
  );
  const audit = fresh.flatMap((s) => [
    { suggestion_id: s.suggestion_id, occurred_at: s.created_at, actor_id: s.author_id, kind: 'created', from_value: null, to_value: 'new', note: null },
    ...s.history.map((h) => ({
      suggestion_id: s.suggestion_id, occurred_at: h.at, actor_id: h.actor_id, kind: 'status_changed', from_value: h.from, to_value: h.to, note: h.note,
    })),
  ]);
  await insertJson(
    tx,
    'suggestion_events',
    { suggestion_id: 'BIGINT', occurred_at: 'TIMESTAMPTZ', actor_id: 'VARCHAR', kind: 'VARCHAR', from_value: 'VARCHAR', to_value: 'VARCHAR', note: 'VARCHAR' },
    audit,
  );
  await advanceSequencePast(tx, 'suggestion_id_seq', Math.max(...fresh.map((s) => s.suggestion_id)));
  return fresh.length;
}

/** DuckDB cannot set a sequence's value, so draw numbers until the next one is past the ids already used. */
async function advanceSequencePast(tx: Query, sequence: string, usedMax: number) {
  const drawn = (await tx.one<{ v: number }>(`SELECT nextval('${sequence}')::INTEGER AS v`))!.v;
  if (drawn < usedMax) await tx.run(`SELECT max(nextval('${sequence}')) FROM range($n)`, { n: usedMax - drawn });
}
