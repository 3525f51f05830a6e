// A metric as a time series (and its total), optionally grouped by one dimension and filtered by any.
// SQL text is assembled only from the registry and the dimension list; every request value is bound.
import { listValue } from '@duckdb/node-api';
import type { Database, Params } from '../db.ts';
import { dimensions, type Dimension, type Grain } from './dimensions.ts';
import type { Metric } from './registry.ts';

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

/** `$now` for the SQL that judges running clocks; DuckDB refuses a bound parameter the statement does not use. */
export function clockParams(sql: string, options: Pick<MetricOptions, 'asOf'>): { now?: string } {
  return sql.includes('$now') ? { now: (options.asOf ?? new Date()).toISOString() } : {};
}

export type Filters = Partial<Record<Dimension, string[]>>;

export interface SeriesQuery extends MetricOptions {
  metric: Metric;
  grain: Grain;
  by: Dimension | null;
  filters?: Filters;
  /** Inclusive start and exclusive end (UTC instants). */
  from: Date;
  to: Date;
}

export interface SeriesRow {
  period: string;
  group: string | null;
  value: number | null;
  tickets: number;
}

const statSql: Record<Stat, (column: string) => string> = {
  p50: (column) => `quantile_cont(${column}, 0.5)`,
  p90: (column) => `quantile_cont(${column}, 0.9)`,
  mean: (column) => `avg(${column})`,
};

/** The metric as SQL: its table, which rows it is measured over, and the aggregate. */
export function metricAggregate(metric: Metric, options: MetricOptions): { table: string; rows: string; value: string } {
  switch (metric.aggregation) {
    case 'count':
      return { table: 'ticket_facts', rows: metric.where, value: 'count(*)' };
    case 'duration': {
      const column = `f.${metric.minutes[options.hours]}`;
      return { table: 'ticket_facts', rows: `${column} IS NOT NULL`, value: statSql[options.stat](column) };
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
      return { table: 'feedback_facts', rows: metric.where, value: metric.expression };
  }
}

/** `f.column IN (values)` for each filtered dimension, the values bound as lists. */
export function filterSql(filters: Filters = {}): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Record<string, ReturnType<typeof listValue>> = {};
  for (const [name, values] of Object.entries(filters) as Array<[Dimension, string[] | undefined]>) {
    if (!values || values.length === 0) continue;
    where.push(`list_contains($filter_${name}, f.${dimensions[name]})`);
    params[`filter_${name}`] = listValue(values);
  }
  return { where, params };
}

export async function querySeries(db: Database, query: SeriesQuery) {
  const { table, rows, value } = metricAggregate(query.metric, query);
  const time = `f.${query.metric.period_column}`;
  const group = query.by ? `f.${dimensions[query.by]}` : 'NULL';
  const filters = filterSql(query.filters);
  const where = [`${time} >= $from::TIMESTAMPTZ`, `${time} < $to::TIMESTAMPTZ`, `(${rows})`, ...filters.where].join(' AND ');
  const params = {
    from: query.from.toISOString(), to: query.to.toISOString(), ...clockParams(where, query), ...(filters.params as Record<string, never>),
  };
  return db.withConnection(async (sql) => {
    const series = await sql.all<SeriesRow & Record<string, unknown>>(
      `SELECT strftime(date_trunc($grain, ${time}), '%Y-%m-%d') AS period,
              ${group}::VARCHAR AS "group",
              (${value})::DOUBLE AS value,
              count(*)::INTEGER AS tickets
         FROM ${table} f
        WHERE ${where}
        GROUP BY ALL
        ORDER BY period, "group" NULLS LAST`,
      { ...params, grain: query.grain },
    );
    const total = await sql.one<{ value: number | null; tickets: number }>(
      `SELECT (${value})::DOUBLE AS value, count(*)::INTEGER AS tickets FROM ${table} f WHERE ${where}`,
      params,
    );
    return { rows: series as SeriesRow[], total: total ?? { value: null, tickets: 0 } };
  });
}
