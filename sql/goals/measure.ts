// The values goals are judged on, for many goals at once: every goal measured the same way (metric, statistic,
// preset, hours, period) is answered by one statement over all their scopes, so 200 goals cost a few scans of the
// facts rather than 200. Read-only: nothing here writes.
import type { Database } from '../db.ts';
import { dimensionSql, dimensions, type Dimension } from '../metrics/dimensions.ts';
import { metrics, type Metric } from '../metrics/registry.ts';
import { rollupFor } from '../metrics/rollups.ts';
import { querySeriesRows, unscopedSeriesSource, type Filters, type HoursMode, type Stat } from '../metrics/series.ts';
import type { GoalPeriodKind } from './periods.ts';

/** How a goal's value is measured: everything of its definition but the scope, the comparator and the target. */
export interface Measure {
  metric: string;
  stat: Stat | 'value';
  variant: string | null;
  hours: HoursMode;
  period: GoalPeriodKind;
}

export interface MeasureRequest {
  measure: Measure;
  scope: Filters;
  /** The first period's start and the last period's end (UTC midnights). */
  from: Date;
  to: Date;
}

export interface PeriodValue {
  value: number | null;
  tickets: number;
}

/** Period start (ISO day) → value; a period without a row the metric is measured over is absent. */
export type PeriodValues = Map<string, PeriodValue>;

/** Two measures are the same when this key is. */
export const measureKey = (m: Measure) => JSON.stringify([m.metric, m.stat, m.variant, m.hours, m.period]);

/** A scope with its empty lists dropped and its values sorted and deduplicated: equal filters, equal keys. */
export function canonicalScope(scope: Filters): Filters {
  return Object.fromEntries(
    (Object.keys(dimensions) as Dimension[])
      .filter((name) => (scope[name]?.length ?? 0) > 0)
      .map((name) => [name, [...new Set(scope[name])].sort()]),
  );
}

/** The values of every request, in the order asked. */
export async function measureGoals(db: Database, requests: MeasureRequest[], asOf: Date): Promise<PeriodValues[]> {
  const results = requests.map((): PeriodValues => new Map());
  const groups = new Map<string, number[]>();
  requests.forEach((request, i) => groups.set(measureKey(request.measure), [...(groups.get(measureKey(request.measure)) ?? []), i]));
  await Promise.all(
    [...groups.values()].map(async (indices) => {
      const asked = indices.map((i) => requests[i]!);
      const answers = await measureGroup(db, asked, asOf);
      indices.forEach((i, k) => (results[i] = answers[k]!));
    }),
  );
  return results;
}

interface ScopeRange {
  filters: Filters;
  from: Date;
  to: Date;
}

/** Requests of one measure: their distinct scopes, each over the union of its requests' ranges. */
async function measureGroup(db: Database, requests: MeasureRequest[], asOf: Date): Promise<PeriodValues[]> {
  const metric = metrics.get(requests[0]!.measure.metric)!;
  const scopes = new Map<string, ScopeRange>();
  const scopeOf = requests.map((request) => {
    const filters = canonicalScope(request.scope);
    const key = JSON.stringify(filters);
    const known = scopes.get(key);
    scopes.set(key, {
      filters,
      from: known && known.from < request.from ? known.from : request.from,
      to: known && known.to > request.to ? known.to : request.to,
    });
    return key;
  });
  const ranges = [...scopes.values()];
  const byScope = await valuesByScope(db, metric, requests[0]!.measure, ranges, asOf);
  const keys = [...scopes.keys()];
  return requests.map((request, i) => {
    const values = byScope[keys.indexOf(scopeOf[i]!)]!;
    const [from, to] = [isoDay(request.from), isoDay(request.to)];
    return new Map([...values].filter(([period]) => period >= from && period < to));
  });
}

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

async function valuesByScope(db: Database, metric: Metric, measure: Measure, scopes: ScopeRange[], asOf: Date): Promise<PeriodValues[]> {
  const options = { stat: measure.stat === 'value' ? 'p50' : measure.stat, hours: measure.hours, variant: measure.variant ?? undefined, asOf } as const;
  if (metric.aggregation === 'backlog' || metric.aggregation === 'recurring_share') {
    // Each period of these is computed from instants or periods before it, not as one aggregate over rows: goals on
    // them are measured one scope at a time.
    return Promise.all(
      scopes.map(async (scope) => {
        const rows = await querySeriesRows(db, { metric, grain: measure.period, by: null, filters: scope.filters, from: scope.from, to: scope.to, ...options });
        return new Map(rows.map((row) => [row.period, { value: row.value, tickets: row.tickets }]));
      }),
    );
  }
  // The scopes the daily rollup holds are read from it, the rest from the facts: one statement for each kind.
  const inRollup = scopes.map((scope) => rollupFor(metric, { filters: scope.filters, by: null, from: scope.from, to: scope.to }) !== null);
  const answers = scopes.map((): PeriodValues => new Map());
  for (const useRollups of [true, false]) {
    const chosen = scopes.flatMap((scope, i) => (inRollup[i] === useRollups ? [i] : []));
    if (chosen.length === 0) continue;
    const rows = await scopedStatement(db, metric, measure, chosen.map((i) => scopes[i]!), useRollups, options);
    for (const row of rows) answers[chosen[row.goal_scope]!]!.set(row.period, { value: row.value, tickets: row.tickets });
  }
  return answers;
}

interface ScopedRow extends Record<string, unknown> {
  goal_scope: number;
  period: string;
  value: number | null;
  tickets: number;
}

/**
 * One statement for every scope: the metric's rows joined to the scopes they fall in, then aggregated per scope and
 * period. Each scope is joined on one of its dimensions by equality (a row per value, the dimension with the fewest),
 * its other dimensions checked on the joined rows; scopes joined on the same dimension share one join, and the
 * scope without filters takes every row. A row is joined to a scope at most once, so counts stay exact.
 */
async function scopedStatement(
  db: Database, metric: Metric, measure: Measure, scopes: ScopeRange[], useRollups: boolean,
  options: { stat: Stat; hours: HoursMode; variant?: string; asOf: Date },
): Promise<ScopedRow[]> {
  const used = (Object.keys(dimensions) as Dimension[]).filter((name) => scopes.some((scope) => scope.filters[name]));
  const from = new Date(Math.min(...scopes.map((scope) => scope.from.getTime())));
  const to = new Date(Math.max(...scopes.map((scope) => scope.to.getTime())));
  // The filters stand only for which dimensions are used: they decide the source (rollup or facts, answers joined
  // to tickets or not); the scopes' values are joined below.
  const source = unscopedSeriesSource({
    metric, grain: measure.period, by: null, from, to, useRollups, filters: Object.fromEntries(used.map((name) => [name, ['']])), ...options,
  });
  const keyDimension = (scope: ScopeRange) =>
    used.filter((name) => scope.filters[name]).sort((a, b) => scope.filters[a]!.length - scope.filters[b]!.length)[0] ?? null;
  const scopeRows = scopes.flatMap((scope, i) => {
    const key = keyDimension(scope);
    const base = {
      goal_scope: i, goal_key_dim: key, goal_from: isoDay(scope.from), goal_to: isoDay(scope.to),
      ...Object.fromEntries(used.map((name) => [`goal_in_${name}`, scope.filters[name] ?? null])),
    };
    const keyValues: Array<string | null> = key ? scope.filters[key]! : [null];
    return keyValues.map((value) => ({ ...base, goal_key_value: value }));
  });
  const shape = {
    goal_scope: 'INTEGER', goal_key_dim: 'VARCHAR', goal_key_value: 'VARCHAR', goal_from: 'VARCHAR', goal_to: 'VARCHAR',
    ...Object.fromEntries(used.map((name) => [`goal_in_${name}`, 'VARCHAR[]'])),
  };
  const keys = [...new Set(scopes.map(keyDimension))];
  const branches = keys.map((key) => {
    const join = key ? `${dimensionSql(key)} = s.goal_key_value` : 'true';
    const others = used.filter((name) => name !== key).map((name) => `(s.goal_in_${name} IS NULL OR list_contains(s.goal_in_${name}, ${dimensionSql(name)}))`);
    const where = [key ? `s.goal_key_dim = '${key}'` : 's.goal_key_dim IS NULL', 'f.period_start >= s.goal_from::TIMESTAMP', 'f.period_start < s.goal_to::TIMESTAMP', ...others];
    return `SELECT s.goal_scope, f.period_start, (${source.value})::DOUBLE AS value, (${source.tickets})::INTEGER AS tickets
              FROM (${source.rows}) AS f JOIN goal_scopes s ON ${join}
             WHERE ${where.join(' AND ')}
             GROUP BY s.goal_scope, f.period_start
            HAVING (${source.tickets}) > 0`;
  });
  return db.read<ScopedRow>(
    `WITH goal_scopes AS (SELECT unnest(from_json($scopes, $shape), recursive := true))
     SELECT goal_scope, strftime(period_start, '%Y-%m-%d') AS period, value, tickets
       FROM (${branches.join('\n UNION ALL\n')}) AS scoped
      ORDER BY goal_scope, period`,
    { ...(source.params as Record<string, never>), grain: measure.period, scopes: JSON.stringify(scopeRows), shape: JSON.stringify([shape]) },
  );
}
