// The names a metric may be grouped or filtered by, and the ticket_facts column behind each.
// Only these identifiers ever reach SQL text; every value arrives as a bound parameter.
export const dimensions = {
  team: 'team_id',
  channel: 'channel',
  priority: 'priority',
  category: 'category',
  provider: 'provider_kind',
  agent: 'assignee_id',
  requester_kind: 'requester_kind',
  organization: 'organization',
} as const;

export type Dimension = keyof typeof dimensions;
export const dimensionNames = Object.keys(dimensions) as Dimension[];

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
