// The names a metric may be grouped or filtered by, and the ticket_facts column behind each (or, for `issue`, the
// table it is read from). Only these identifiers ever reach SQL text; every value arrives as a bound parameter.
export const dimensions = {
  team: 'team_id',
  channel: 'channel',
  priority: 'priority',
  category: 'category',
  provider: 'provider_kind',
  agent: 'assignee_id',
  requester_kind: 'requester_kind',
  organization: 'organization',
  issue: 'ticket_issues.issue_id',
} as const;

export type Dimension = keyof typeof dimensions;
export const dimensionNames = Object.keys(dimensions) as Dimension[];

/**
 * The value of a dimension for the row `alias` (ticket_facts, feedback_facts, or a series' rows over them), as text
 * SQL compares with bound values. A ticket's issue is read from ticket_issues, the one place that says which issue a
 * ticket is in now, by its ticket_id, rather than copied into ticket_facts: a copy would have to follow every load,
 * regroup and lead's edit of ticket_issues. A ticket has at most one row there (no issue: NULL, like an unassigned
 * agent); DuckDB turns the correlated subquery into one join, and fails rather than count a ticket twice.
 */
export function dimensionSql(name: Dimension, alias = 'f'): string {
  if (name === 'issue') return `(SELECT ti.issue_id::VARCHAR FROM ticket_issues ti WHERE ti.ticket_id = ${alias}.ticket_id)`;
  return `${alias}.${dimensions[name]}`;
}

export const grains = ['day', 'week', 'month', 'quarter'] as const;
export type Grain = (typeof grains)[number];

/** One period of each grain as a DuckDB interval (a quarter is three months). */
export const grainInterval: Record<Grain, string> = { day: 'INTERVAL 1 DAY', week: 'INTERVAL 1 WEEK', month: 'INTERVAL 1 MONTH', quarter: 'INTERVAL 3 MONTH' };

/**
 * The start of a UTC period holding the instant in `column`, for `$grain`. epoch_us and make_timestamp give the plain
 * UTC timestamp by arithmetic; `AT TIME ZONE 'UTC'` on a TIMESTAMPTZ goes through ICU for every row, several times
 * slower (bench/README.md, "Answering").
 */
export function utcPeriodStart(column: string): string {
  return `date_trunc($grain, make_timestamp(epoch_us(${column})))`;
}
