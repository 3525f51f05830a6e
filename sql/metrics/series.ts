// A metric as a time series, optionally grouped by one dimension.
import type { Database } from '../db.ts';
import { dimensions, type Dimension, type Grain } from './dimensions.ts';
import type { Metric } from './registry.ts';

export interface SeriesQuery {
  metric: Metric;
  grain: Grain;
  by: Dimension | null;
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

export async function querySeries(db: Database, query: SeriesQuery) {
  const time = `f.${query.metric.period_column}`;
  const group = query.by ? `f.${dimensions[query.by]}` : 'NULL';
  const range = { from: query.from.toISOString(), to: query.to.toISOString() };
  const where = `${time} >= $from::TIMESTAMPTZ AND ${time} < $to::TIMESTAMPTZ`;
  return db.withConnection(async (sql) => {
    const rows = await sql.all<SeriesRow & Record<string, unknown>>(
      `SELECT strftime(date_trunc($grain, ${time}), '%Y-%m-%d') AS period,
              ${group}::VARCHAR AS "group",
              (${query.metric.expression})::DOUBLE AS value,
              count(*)::INTEGER AS tickets
         FROM ticket_facts f
        WHERE ${where}
        GROUP BY ALL
        ORDER BY period, "group" NULLS LAST`,
      { ...range, grain: query.grain },
    );
    const total = await sql.one<{ value: number | null; tickets: number }>(
      `SELECT (${query.metric.expression})::DOUBLE AS value, count(*)::INTEGER AS tickets
         FROM ticket_facts f WHERE ${where}`,
      range,
    );
    return { rows: rows as SeriesRow[], total: total ?? { value: null, tickets: 0 } };
  });
}
