// Daily rollups: per UTC day and combination of the management dimensions, the sums every additive metric is made
// of (counts, a rate's numerator and denominator, a survey metric's sums), one table per instant that attributes
// rows to periods. A series or headline over whole days, filtered and grouped only by these dimensions, reads a
// few thousand rollup rows instead of every ticket: exact, since sums add up. Medians, rates judged against the
// current time and shares of distinct requesters do not add up, and are always computed from the facts.
// Everything here derives from the registry; sql/rollups.ts keeps the tables in step with the facts.
import { createHash } from 'node:crypto';
import { dimensions, type Dimension } from './dimensions.ts';
import type { Filters } from './filters.ts';
import { metrics, scoreValue, type Metric } from './registry.ts';

/** The dimensions a rollup is kept by: the few-valued ones management filters and compares by (PRODUCT.md §1). */
export const rollupDimensions = ['team', 'channel', 'priority', 'provider', 'requester_kind'] as const satisfies readonly Dimension[];

export interface RollupTable {
  name: string;
  /** The facts it sums, read as `f`. */
  source: 'ticket_facts' | 'feedback_facts';
  /** The instant whose UTC day a row is rolled up by. */
  time: string;
  /** Column name → aggregate over the source's rows of one day and dimension combination. */
  measures: Map<string, string>;
}

type Rollable = Extract<Metric, { aggregation: 'count' | 'rate' | 'score' }>;

/** Whether a metric (with the chosen variant) is made of sums only. */
export function isRollable(metric: Metric): metric is Rollable {
  if (metric.aggregation === 'count' || metric.aggregation === 'score') return true;
  // A rate judged at the time of asking (a clock still running or already breached) changes without any load.
  return metric.aggregation === 'rate' && metric.share_of !== 'requesters' && !metric.judged_now;
}

const measure = {
  rows: (key: string) => `${key}__rows`,
  numerator: (key: string, variant?: string) => (variant ? `${key}__numerator__${variant}` : `${key}__numerator`),
  sum: (key: string, name: string) => `${key}__sum__${name}`,
};

function measuresOf(metric: Rollable): Array<[string, string]> {
  switch (metric.aggregation) {
    case 'count':
      return [[measure.rows(metric.key), `count(*) FILTER (WHERE ${metric.where})`]];
    case 'rate':
      return [
        [measure.rows(metric.key), `count(*) FILTER (WHERE ${metric.denominator})`],
        [measure.numerator(metric.key), `count(*) FILTER (WHERE (${metric.denominator}) AND (${metric.numerator}))`],
        ...Object.entries(metric.variants ?? {}).map(([name, variant]): [string, string] => [
          measure.numerator(metric.key, name),
          `count(*) FILTER (WHERE (${metric.denominator}) AND (${variant.numerator}))`,
        ]),
      ];
    case 'score':
      return [
        [measure.rows(metric.key), `count(*) FILTER (WHERE ${metric.where})`],
        // Stored as DOUBLE (exact for whole numbers below 2^53): DuckDB sums integers into HUGEINT, and summing a
        // HUGEINT column again is far slower than a BIGINT or DOUBLE one (bench/README.md, "Answering").
        ...Object.entries(metric.sums).map(([name, sql]): [string, string] => [
          measure.sum(metric.key, name),
          `(sum(${sql}) FILTER (WHERE ${metric.where}))::DOUBLE`,
        ]),
      ];
  }
}

function buildRollupTables(): RollupTable[] {
  const tables = new Map<string, RollupTable>();
  for (const metric of metrics.values()) {
    if (!isRollable(metric)) continue;
    const name = `rollup_${metric.period_column}`;
    const table = tables.get(name) ?? { name, source: metric.source, time: metric.period_column, measures: new Map() };
    for (const [column, sql] of measuresOf(metric)) table.measures.set(column, sql);
    tables.set(name, table);
  }
  return [...tables.values()];
}

export const rollupTables: readonly RollupTable[] = buildRollupTables();

/** The UTC day of the instant in `column` (arithmetic, no time-zone conversion per row). */
export const utcDay = (column: string) => `make_timestamp(epoch_us(${column}))::DATE`;

/** `SELECT` of a table's rows from its facts, for the days `dayFilter` (a condition on `day`, or none) keeps. */
export function rollupSelect(table: RollupTable, dayFilter?: string): string {
  const dims = rollupDimensions.map((d) => `f.${dimensions[d]}`);
  const columns = [...table.measures].map(([column, sql]) => `${sql} AS ${column}`);
  return `SELECT ${utcDay(`f.${table.time}`)} AS day, ${dims.join(', ')}, ${columns.join(', ')}
    FROM ${table.source} f
   WHERE f.${table.time} IS NOT NULL${dayFilter ? ` AND ${utcDay(`f.${table.time}`)} IN (${dayFilter})` : ''}
   GROUP BY ALL`;
}

/** Changes whenever the tables' shape or any measure's SQL does: stored tables with another signature are rebuilt. */
export const rollupSignature = createHash('sha256')
  .update(JSON.stringify(rollupTables.map((t) => [t.name, t.source, t.time, rollupDimensions, [...t.measures]])))
  .digest('hex');

const midnight = (instant: Date) => instant.getTime() % 86_400_000 === 0;

/**
 * The rollup table answering `metric` over [from, to) with these filters and grouping, or null when only the facts
 * can: the metric is not made of sums, a dimension is not kept, or the range does not start and end at UTC midnight.
 */
export function rollupFor(metric: Metric, query: { filters?: Filters; by: Dimension | null; from: Date; to: Date }): RollupTable | null {
  if (!isRollable(metric) || !midnight(query.from) || !midnight(query.to)) return null;
  const used = [...Object.entries(query.filters ?? {}).filter(([, values]) => values && values.length > 0).map(([name]) => name), ...(query.by ? [query.by] : [])];
  if (!used.every((name) => (rollupDimensions as readonly string[]).includes(name))) return null;
  return rollupTables.find((t) => t.name === `rollup_${metric.period_column}`) ?? null;
}

/**
 * A rollable metric over rollup rows `f` (already limited to its days and filters): its value and the rows it is
 * measured over (the scan's `count(*)` of its base), both as aggregates.
 */
export function rollupAggregate(metric: Rollable, variant?: string, filter = ''): { value: string; tickets: string } {
  // Summed over no rollup row, a sum is NULL where the facts' count(*) is 0.
  const sum = (column: string) => `coalesce(sum(f.${column})${filter}, 0)`;
  const rows = sum(measure.rows(metric.key));
  switch (metric.aggregation) {
    case 'count':
      return { value: rows, tickets: rows };
    case 'rate': {
      if (variant && !metric.variants?.[variant]) throw new Error(`metric ${metric.key} has no variant "${variant}"`);
      return { value: `100.0 * ${sum(measure.numerator(metric.key, variant))} / nullif(${rows}, 0)`, tickets: rows };
    }
    case 'score':
      return { value: scoreValue(metric, (name) => sum(measure.sum(metric.key, name))), tickets: rows };
  }
}
