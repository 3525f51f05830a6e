// The landing page's figures in as few scans as possible: every ticket headline metric, for the range and the
// period before it, in one pass over ticket_facts; survey metrics in their own small queries.
import type { Database } from '../db.ts';
import { metrics, type Metric } from './registry.ts';
import { clockParams, conditionalAggregate, filterSql, metricAggregate, sourceTable, type Filters, type HoursMode, type MetricOptions } from './series.ts';

/** What a manager sees first, in this order (PRODUCT.md §1: response, resolution, FCR, escalation, CSAT). */
export const headlineKeys = [
  'created', 'solved', 'first_response_time', 'resolution_time', 'first_contact_resolution', 'escalation_rate', 'reopen_rate',
  'sla_first_response_attainment', 'csat', 'nps',
] as const;

export interface HeadlineFigure {
  key: string;
  value: number | null;
  tickets: number;
  previous_value: number | null;
  previous_tickets: number;
}

export interface HeadlineQuery {
  from: Date;
  to: Date;
  /** Start of the period before, as long as the range. */
  previousFrom: Date;
  filters: Filters;
  hours: HoursMode;
  /** The instant running SLA clocks are judged at. */
  asOf: Date;
}

const periods = { current: ['$from', '$to'], previous: ['$previous_from', '$from'] } as const;

export async function headlineFigures(db: Database, query: HeadlineQuery): Promise<HeadlineFigure[]> {
  const options: MetricOptions = { stat: 'p50', hours: query.hours, asOf: query.asOf };
  const chosen = headlineKeys.map((key) => metrics.get(key)!);
  const filters = filterSql(query.filters);
  const params = {
    from: query.from.toISOString(), to: query.to.toISOString(), previous_from: query.previousFrom.toISOString(),
    ...(filters.params as Record<string, never>),
  };
  const inPeriod = (metric: Metric, [start, end]: readonly [string, string]) =>
    `f.${metric.period_column} >= ${start}::TIMESTAMPTZ AND f.${metric.period_column} < ${end}::TIMESTAMPTZ`;

  const ticketMetrics = chosen.filter((m) => m.source === 'ticket_facts');
  const columns = ticketMetrics.flatMap((metric, i) =>
    (['current', 'previous'] as const).flatMap((period) => {
      const { value, tickets } = conditionalAggregate(metric, options, inPeriod(metric, periods[period]));
      return [`(${value})::DOUBLE AS m${i}_${period}_value`, `(${tickets})::INTEGER AS m${i}_${period}_tickets`];
    }),
  );
  const timeColumns = [...new Set(ticketMetrics.map((m) => m.period_column))];
  const anyInRange = timeColumns.map((c) => `(f.${c} >= $previous_from::TIMESTAMPTZ AND f.${c} < $to::TIMESTAMPTZ)`).join(' OR ');
  const where = [`(${anyInRange})`, ...filters.where].join(' AND ');
  const figures = new Map<string, HeadlineFigure>();
  await db.withConnection(async (sql) => {
    const select = `SELECT ${columns.join(', ')} FROM ticket_facts f WHERE ${where}`;
    const row = (await sql.one<Record<string, number | null>>(select, { ...params, ...clockParams(select, options) }))!;
    ticketMetrics.forEach((metric, i) => {
      figures.set(metric.key, {
        key: metric.key,
        value: row[`m${i}_current_value`] ?? null,
        tickets: row[`m${i}_current_tickets`] ?? 0,
        previous_value: row[`m${i}_previous_value`] ?? null,
        previous_tickets: row[`m${i}_previous_tickets`] ?? 0,
      });
    });
    for (const metric of chosen.filter((m) => m.source === 'feedback_facts')) {
      const { table, rows, value } = metricAggregate(metric, options);
      const from = sourceTable(table, filters.where.length > 0);
      const answer = async (period: readonly [string, string]) =>
        (await sql.one<{ value: number | null; tickets: number }>(
          `SELECT (${value})::DOUBLE AS value, count(*)::INTEGER AS tickets FROM ${from} f
            WHERE ${inPeriod(metric, period)} AND (${rows})${filters.where.map((w) => ` AND ${w}`).join('')}`,
          period === periods.current
            ? { from: params.from, to: params.to, ...(filters.params as Record<string, never>) }
            : { previous_from: params.previous_from, from: params.from, ...(filters.params as Record<string, never>) },
        ))!;
      const [current, previous] = [await answer(periods.current), await answer(periods.previous)];
      figures.set(metric.key, { key: metric.key, value: current.value, tickets: current.tickets, previous_value: previous.value, previous_tickets: previous.tickets });
    }
  });
  return headlineKeys.map((key) => figures.get(key)!);
}
