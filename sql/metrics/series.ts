// A metric as a time series (and its total), optionally grouped by one dimension and filtered by any.
// SQL text is assembled only from the registry and the dimension list; every request value is bound.
import { quoteIdentifier, type Database } from '../db.ts';
import { dimensionSql, grainInterval, utcPeriodStart, type Dimension, type Grain } from './dimensions.ts';
import { factScopeSql, filterSql, usesFilters, type Filters } from './filters.ts';
import { queryRecurringShare } from './recurring-issues.ts';
import { isRollable, rollupAggregate, rollupFor } from './rollups.ts';
import { durationBuckets, scoreValue, type DurationMetric, type Metric } from './registry.ts';

export { filterSql, type Filters };

export const stats = ['p50', 'p90', 'mean'] as const;
export type Stat = (typeof stats)[number];
export const hoursModes = ['business', 'calendar'] as const;
export type HoursMode = (typeof hoursModes)[number];

/** How a metric is computed: the percentile or mean of durations, business or calendar hours, a rate's preset. */
export interface MetricOptions {
  stat: Stat;
  hours: HoursMode;
  variant?: string;
  /** The instant running clocks (SLA targets, promises) are judged at: still running, or already breached. */
  asOf?: Date;
}

/**
 * `$now` for a metric the registry says is judged at the time of asking (`judged_now`), nothing for the others:
 * DuckDB refuses a bound parameter the statement does not use.
 */
export function clockParams(metric: Metric | undefined, options: Pick<MetricOptions, 'asOf'>): { now?: string } {
  return metric?.aggregation === 'rate' && metric.judged_now ? { now: (options.asOf ?? new Date()).toISOString() } : {};
}

export interface SeriesQuery extends MetricOptions {
  metric: Metric;
  grain: Grain;
  by: Dimension | null;
  filters?: Filters;
  /** Inclusive start and exclusive end (UTC instants). */
  from: Date;
  to: Date;
  /** false: sum the facts even where a daily rollup holds the answer (to check one against the other). */
  useRollups?: boolean;
}

export interface SeriesTotal {
  value: number | null;
  tickets: number;
}

export interface SeriesRow {
  period: string;
  group: string | null;
  value: number | null;
  tickets: number;
}

/** A stat of a duration column in whole seconds, in minutes. */
export const statSql: Record<Stat, (column: string) => string> = {
  p50: (column) => `quantile_cont(${column}, 0.5) / 60`,
  p90: (column) => `quantile_cont(${column}, 0.9) / 60`,
  mean: (column) => `avg(${column}) / 60`,
};

/**
 * Where a metric's rows are read: survey metrics asked without any ticket dimension (no filter, no grouping) read
 * the answers alone, sparing feedback_facts' join to every ticket.
 */
export function sourceTable(table: string, usesDimensions: boolean): string {
  return table === 'feedback_facts' && !usesDimensions ? 'feedback_answers' : table;
}

/** The metric as SQL: its table, which rows it is measured over, and the aggregate. */
export function metricAggregate(metric: Metric, options: MetricOptions): { table: string; rows: string; value: string } {
  switch (metric.aggregation) {
    case 'count':
      return { table: 'ticket_facts', rows: metric.where, value: 'count(*)' };
    case 'duration': {
      const column = `f.${metric.seconds[options.hours]}`;
      return { table: metric.source, rows: `${column} IS NOT NULL`, value: statSql[options.stat](column) };
    }
    case 'rate': {
      const numerator = options.variant ? metric.variants?.[options.variant]?.numerator : metric.numerator;
      if (!numerator) throw new Error(`metric ${metric.key} has no variant "${options.variant}"`);
      const counted = metric.share_of === 'requesters' ? 'DISTINCT f.requester_id' : '*';
      return {
        table: 'ticket_facts',
        rows: metric.denominator,
        value: `100.0 * count(${counted}) FILTER (WHERE ${numerator}) / nullif(count(${counted}), 0)`,
      };
    }
    case 'score':
      return { table: 'feedback_facts', rows: metric.where, value: scoreValue(metric, (name) => `sum(${metric.sums[name]})`) };
    case 'backlog':
      return { table: 'ticket_facts', rows: backlogOpen('$to::TIMESTAMPTZ'), value: 'count(*)' };
    case 'recurring_share':
      throw new Error(`${metric.key} is computed per period from the periods before it (recurring-issues.ts), not as one aggregate`);
  }
}

/**
 * Open at `instant` by the ticket's end alone: created before it, and not solved (or closed) for the last time
 * before it. A ticket solved or closed at a time the export does not give was open at no instant we know of:
 * `ended_at` is NULL and the comparison leaves it out.
 */
function openUntilEnded(instant: string): string {
  return `f.created_at < ${instant} AND (NOT f.is_ended OR f.ended_at >= ${instant})`;
}

/** A solved stretch `g` of ticket_solved_gaps (one a later reopen ended) holds `instant`. */
function solvedGapHolds(instant: string): string {
  return `g.solved_at < ${instant} AND g.reopened_at >= ${instant}`;
}

/**
 * Open at `instant` (just before it, as a period's end is exclusive): created before it, not solved or closed
 * for the last time before it, and not inside a solved stretch that a later reopen ended.
 */
export function backlogOpen(instant: string): string {
  return `${openUntilEnded(instant)}
    AND NOT EXISTS (SELECT 1 FROM ticket_solved_gaps g WHERE g.ticket_id = f.ticket_id AND ${solvedGapHolds(instant)})`;
}

/** The backlog at the end of every period in the range (the last one ends at the range's end). */
async function queryBacklog(db: Database, query: SeriesQuery) {
  const group = query.by ? dimensionSql(query.by) : 'NULL';
  const filters = filterSql(query.filters);
  const params = { from: query.from.toISOString(), to: query.to.toISOString(), ...(filters.params as Record<string, never>) };
  const where = filters.where.length > 0 ? `WHERE ${filters.where.join(' AND ')}` : '';
  return db.withConnection(async (sql) => {
    // Open by the last solve, less those inside a solved gap at the period's end: a correlated NOT EXISTS per period
    // and ticket cost DuckDB several times the join (bench/README.md, "Answering"). A ticket is in at most one gap at
    // a time, and that gap lies before its last solve, so nothing is subtracted twice.
    const series = await sql.all<SeriesRow & Record<string, unknown>>(
      `WITH period_ends AS (
         SELECT g.period_start, least(g.period_start + ${grainInterval[query.grain]}, $to::TIMESTAMPTZ) AS period_end
           FROM generate_series(date_trunc($grain, $from::TIMESTAMPTZ), $to::TIMESTAMPTZ - INTERVAL 1 MICROSECOND, ${grainInterval[query.grain]}) AS g(period_start)
       )
       SELECT strftime(period_start, '%Y-%m-%d') AS period, "group", sum(sign)::DOUBLE AS value, sum(sign)::INTEGER AS tickets
         FROM (SELECT e.period_start, ${group}::VARCHAR AS "group", 1 AS sign
                 FROM period_ends e JOIN ticket_facts f ON ${openUntilEnded('e.period_end')}
                ${where}
               UNION ALL
               SELECT e.period_start, ${group}::VARCHAR, -1
                 FROM period_ends e
                 JOIN ticket_solved_gaps g ON ${solvedGapHolds('e.period_end')}
                 JOIN ticket_facts f ON f.ticket_id = g.ticket_id AND ${openUntilEnded('e.period_end')}
                ${where}) AS signed
        GROUP BY ALL
        HAVING sum(sign) > 0
        ORDER BY period, "group" NULLS LAST`,
      { ...params, grain: query.grain },
    );
    const open = factScopeSql({ time: null, rows: backlogOpen('$to::TIMESTAMPTZ'), filters: query.filters });
    const total = await sql.one<{ value: number; tickets: number }>(
      `SELECT count(*)::DOUBLE AS value, count(*)::INTEGER AS tickets FROM ticket_facts f WHERE ${open.where.join(' AND ')}`,
      { to: params.to, ...(open.params as Record<string, never>) },
    );
    return { rows: series as SeriesRow[], total: total ?? { value: 0, tickets: 0 } };
  });
}

/** The metric per period (and group), and over the whole range. */
export async function querySeries(db: Database, query: SeriesQuery): Promise<{ rows: SeriesRow[]; total: SeriesTotal }> {
  if (query.metric.aggregation === 'backlog') return queryBacklog(db, query);
  if (query.metric.aggregation === 'recurring_share') return queryRecurringShare(db, { ...query, metric: query.metric });
  const { rows, total } = await aggregateSeries(db, query, true);
  return { rows, total: total ?? { value: null, tickets: 0 } };
}

/** The metric per period (and group) only, for goals and charts that show no total: a duration's total is a second sort. */
export async function querySeriesRows(db: Database, query: SeriesQuery): Promise<SeriesRow[]> {
  if (query.metric.aggregation === 'backlog' || query.metric.aggregation === 'recurring_share') return (await querySeries(db, query)).rows;
  return (await aggregateSeries(db, query, false)).rows;
}

/** A series' rows in one scan of `rows` (its period, group and source columns, as `f`). */
export interface SeriesSource {
  rows: string;
  value: string;
  tickets: string;
  params: Record<string, unknown>;
}

async function aggregateSeries(db: Database, query: SeriesQuery, withTotal: boolean) {
  const group = query.by ? dimensionSql(query.by) : 'NULL';
  const source = seriesFromRollup(query, group) ?? seriesFromFacts(query, group);
  // The total rides on the same scan as a grouping set of its own: the row whose period is not grouped. Periods and
  // groups without a row the metric is measured over are left out (a scan of the facts never sees them); the total
  // is kept even then (a count over nothing is 0).
  const grouped = await db.read<SeriesRow & { is_total: boolean } & Record<string, unknown>>(
    `SELECT strftime(period_start, '%Y-%m-%d') AS period, "group", value, tickets, is_total
       FROM (SELECT period_start, "group", (${source.value})::DOUBLE AS value, (${source.tickets})::INTEGER AS tickets,
                    grouping(period_start) = 1 AS is_total
               FROM (${source.rows}) AS f
              GROUP BY ${withTotal ? 'GROUPING SETS ((period_start, "group"), ())' : 'period_start, "group"'}
             HAVING grouping(period_start) = 1 OR (${source.tickets}) > 0) AS grouped
      ORDER BY period, "group" NULLS LAST`,
    { ...source.params, grain: query.grain },
  );
  const total = grouped.find((row) => row.is_total);
  return {
    rows: grouped.filter((row) => !row.is_total).map(({ period, group, value, tickets }): SeriesRow => ({ period, group, value, tickets })),
    total: total ? { value: total.value, tickets: total.tickets } : null,
  };
}

/**
 * The rows a series aggregates, neither filtered nor grouped, for callers that join them to scopes of their own
 * (goals, sql/goals/measure.ts). `query.filters` only decides where they are read: the daily rollup when it keeps
 * every dimension filtered, and survey answers joined to their tickets when any is.
 */
export function unscopedSeriesSource(query: SeriesQuery): SeriesSource {
  return seriesFromRollup(query, 'NULL', {}) ?? seriesFromFacts(query, 'NULL', {}, usesFilters(query.filters));
}

/** `scopeFilters`: the filters applied to the rows (the query's own unless a caller scopes them itself). */
function seriesFromFacts(
  query: SeriesQuery, group: string, scopeFilters = query.filters, usesDimensions = query.by !== null || usesFilters(query.filters),
): SeriesSource {
  const { table, rows, value } = metricAggregate(query.metric, query);
  const time = `f.${query.metric.period_column}`;
  const from = sourceTable(table, usesDimensions);
  const scope = factScopeSql({ time, rows, filters: scopeFilters });
  const where = scope.where.join(' AND ');
  return {
    rows: `SELECT ${utcPeriodStart(time)} AS period_start, ${group}::VARCHAR AS "group", f.* FROM ${from} f WHERE ${where}`,
    value,
    tickets: 'count(*)',
    params: { from: query.from.toISOString(), to: query.to.toISOString(), ...scope.params, ...clockParams(query.metric, query) },
  };
}

/** The series from the daily rollup, when one holds the metric, the filters and the grouping (rollups.ts). */
function seriesFromRollup(query: SeriesQuery, group: string, scopeFilters = query.filters): SeriesSource | null {
  if (query.useRollups === false || !isRollable(query.metric)) return null;
  const rollup = rollupFor(query.metric, query);
  if (!rollup) return null;
  const { value, tickets } = rollupAggregate(query.metric, query.variant);
  const filters = filterSql(scopeFilters);
  const where = ['f.day >= $from::DATE', 'f.day < $to::DATE', ...filters.where].join(' AND ');
  return {
    rows: `SELECT date_trunc($grain, f.day::TIMESTAMP) AS period_start, ${group}::VARCHAR AS "group", f.* FROM ${quoteIdentifier(rollup.name)} f WHERE ${where}`,
    value,
    tickets,
    params: { from: isoDay(query.from), to: isoDay(query.to), ...filters.params },
  };
}

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

export interface DistributionQuery {
  metric: DurationMetric;
  hours: HoursMode;
  filters?: Filters;
  from: Date;
  to: Date;
}

/**
 * How many tickets fall in each duration bucket ([lower, upper) minutes), in bucket order, empty ones included; and
 * the median, 90th percentile and mean of the same durations, in minutes.
 */
export async function queryDistribution(db: Database, query: DistributionQuery) {
  const column = `f.${query.metric.seconds[query.hours]}`;
  const scope = factScopeSql({ time: `f.${query.metric.period_column}`, filters: query.filters });
  const counts = durationBuckets.map((bucket, i) => {
    const upper = bucket.to === null ? '' : ` AND ${column} < ${bucket.to * 60}`;
    return `count(*) FILTER (WHERE ${column} >= ${bucket.from * 60}${upper})::INTEGER AS b${i}`;
  });
  const summary = stats.map((stat) => `${statSql[stat](column)} AS ${stat}`);
  const row = (await db.readOne<Record<string, number>>(
    `SELECT ${counts.join(', ')}, count(${column})::INTEGER AS measured, ${summary.join(', ')} FROM ticket_facts f
      WHERE ${scope.where.join(' AND ')}`,
    { from: query.from.toISOString(), to: query.to.toISOString(), ...(scope.params as Record<string, never>) },
  ))!;
  return {
    buckets: durationBuckets.map((bucket, i) => ({ label: bucket.label, from_minutes: bucket.from, to_minutes: bucket.to, tickets: row[`b${i}`] ?? 0 })),
    tickets: row.measured ?? 0,
    stats: Object.fromEntries(stats.map((stat) => [stat, row[stat] ?? null])) as Record<Stat, number | null>,
  };
}
