// The landing page's figures for the range and the period before it: the metrics made of sums from the daily
// rollups when they hold the filters, the rest (medians, clocks judged now) from the facts.
import { quoteIdentifier, type Database, type Query } from '../db.ts';
import { metrics, type Metric } from './registry.ts';
import { factScopeSql, usesFilters } from './filters.ts';
import { isRollable, rollupAggregate, rollupFor, rollupTables } from './rollups.ts';
import { clockParams, filterSql, metricAggregate, sourceTable, type Filters, type HoursMode, type MetricOptions } from './series.ts';

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
  /** false: sum the facts even where a daily rollup holds the answer (to check one against the other). */
  useRollups?: boolean;
}

/** Each period's bounds, as the names of the parameters holding them. */
const periods = { current: ['from', 'to'], previous: ['previous_from', 'from'] } as const;

export async function headlineFigures(db: Database, query: HeadlineQuery): Promise<HeadlineFigure[]> {
  const chosen = headlineKeys.map((key) => metrics.get(key)!);
  const span = { filters: query.filters, by: null, from: query.previousFrom, to: query.to };
  const fromRollup = query.useRollups === false ? [] : chosen.filter((metric) => rollupFor(metric, span) !== null);
  const figures = new Map<string, HeadlineFigure>();
  await db.withConnection(async (sql) => {
    for (const figure of await rollupFigures(sql, query, fromRollup)) figures.set(figure.key, figure);
    const fromFacts = chosen.filter((metric) => !figures.has(metric.key));
    for (const figure of await factFigures(sql, query, fromFacts)) figures.set(figure.key, figure);
  });
  return headlineKeys.map((key) => figures.get(key)!);
}

const figureColumns = (i: number, period: 'current' | 'previous', value: string, tickets: string) =>
  [`(${value})::DOUBLE AS m${i}_${period}_value`, `(${tickets})::INTEGER AS m${i}_${period}_tickets`];

const figureOf = (row: Record<string, number | null>, key: string, i: number): HeadlineFigure => ({
  key,
  value: row[`m${i}_current_value`] ?? null,
  tickets: row[`m${i}_current_tickets`] ?? 0,
  previous_value: row[`m${i}_previous_value`] ?? null,
  previous_tickets: row[`m${i}_previous_tickets`] ?? 0,
});

/** The metrics made of sums, from the daily rollups: one small query per rollup table. */
async function rollupFigures(sql: Query, query: HeadlineQuery, chosen: Metric[]): Promise<HeadlineFigure[]> {
  const filters = filterSql(query.filters);
  const day = (instant: Date) => instant.toISOString().slice(0, 10);
  const inDays = { current: 'f.day >= $from::DATE AND f.day < $to::DATE', previous: 'f.day >= $previous_from::DATE AND f.day < $from::DATE' };
  const figures: HeadlineFigure[] = [];
  for (const table of rollupTables) {
    const here = chosen.filter(isRollable).filter((metric) => metric.period_column === table.time);
    if (here.length === 0) continue;
    const columns = here.flatMap((metric, i) =>
      (['current', 'previous'] as const).flatMap((period) => {
        const { value, tickets } = rollupAggregate(metric, undefined, ` FILTER (WHERE ${inDays[period]})`);
        return figureColumns(i, period, value, tickets);
      }),
    );
    const where = ['f.day >= $previous_from::DATE', 'f.day < $to::DATE', ...filters.where].join(' AND ');
    const row = (await sql.one<Record<string, number | null>>(
      `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(table.name)} f WHERE ${where}`,
      { from: day(query.from), to: day(query.to), previous_from: day(query.previousFrom), ...(filters.params as Record<string, never>) },
    ))!;
    here.forEach((metric, i) => figures.push(figureOf(row, metric.key, i)));
  }
  return figures;
}

/**
 * The other metrics from the facts, one statement per metric and period: a WHERE on the period lets DuckDB skip
 * the row groups outside it, which one pass with a FILTER per period cannot (measured: bench/README.md, "Answering").
 */
async function factFigures(sql: Query, query: HeadlineQuery, chosen: Metric[]): Promise<HeadlineFigure[]> {
  const options: MetricOptions = { stat: 'p50', hours: query.hours, asOf: query.asOf };
  const bounds = { from: query.from.toISOString(), to: query.to.toISOString(), previous_from: query.previousFrom.toISOString() };
  const figures: HeadlineFigure[] = [];
  for (const metric of chosen) {
    const { table, rows, value } = metricAggregate(metric, options);
    const from = sourceTable(table, usesFilters(query.filters));
    const answer = async (range: (typeof periods)[keyof typeof periods]) => {
      const [start, end] = range;
      const scope = factScopeSql({ time: `f.${metric.period_column}`, rows, filters: query.filters, range });
      const select = `SELECT (${value})::DOUBLE AS value, count(*)::INTEGER AS tickets FROM ${from} f WHERE ${scope.where.join(' AND ')}`;
      return (await sql.one<{ value: number | null; tickets: number }>(select, {
        [start]: bounds[start], [end]: bounds[end], ...(scope.params as Record<string, never>), ...clockParams(metric, options),
      }))!;
    };
    const [current, previous] = [await answer(periods.current), await answer(periods.previous)];
    figures.push({ key: metric.key, value: current.value, tickets: current.tickets, previous_value: previous.value, previous_tickets: previous.tickets });
  }
  return figures;
}
