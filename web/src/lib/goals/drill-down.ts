// Where a scorecard's click leads: the tickets behind a goal's open period, in place (`goalDrilldown`, for the
// drill-down dialog), and, as a secondary link, Explore with the goal's metric, statistic, hours, scope and the
// period as a custom range (`to` inclusive, as the filter bar's URL has it).
import type { MetricInfo } from '$api/contracts';
import type { Drilldown } from '../drilldown/drilldown';
import { addDays, formatPeriod } from '../format';
import { filterDimensions } from '../filters/filters';

export interface DrillGoal {
  metric: string;
  stat: string;
  variant: string | null;
  hours: 'business' | 'calendar';
  period: 'week' | 'month' | 'quarter';
  scope: Record<string, string[]>;
}

/** The query string for the tickets behind `goal` in [periodStart, periodEnd) (`periodEnd` exclusive, as the API sends it). */
export function drillDownQuery(goal: DrillGoal, periodStart: string, periodEnd: string): string {
  const query = new URLSearchParams({ from: periodStart, to: addDays(periodEnd, -1) });
  for (const dimension of filterDimensions) for (const value of goal.scope[dimension] ?? []) query.append(dimension, value);
  if (goal.hours === 'business') query.set('hours', 'business');
  query.set('metric', goal.metric);
  if (goal.stat !== 'value') query.set('stat', goal.stat);
  if (goal.variant) query.set('variant', goal.variant);
  query.set('grain', goal.period);
  return query.toString();
}

/** The open period a scorecard shows (`current` of `GET /api/goals`). */
export interface DrillPeriod {
  period_start: string;
  period_end: string;
  /** The tickets the period's value is measured over (a count's value). */
  tickets: number;
}

/**
 * The tickets behind `goal`'s period: its metric, statistic, preset and hours over its scope, from the period's
 * start to its end (exclusive). As many as the period's measured tickets; for a count, that is its value.
 */
export function goalDrilldown(goal: DrillGoal & { name: string }, metric: Pick<MetricInfo, 'aggregation'>, period: DrillPeriod): Drilldown {
  const filters: Record<string, string[]> = {};
  for (const [dimension, values] of Object.entries(goal.scope)) if (values.length > 0) filters[dimension] = [...values];
  return {
    query: {
      metric: goal.metric,
      ...(metric.aggregation === 'duration' && goal.stat !== 'value' ? { stat: goal.stat as 'p50' | 'p90' | 'mean' } : {}),
      ...(goal.variant ? { variant: goal.variant } : {}),
      hours: goal.hours,
      from: period.period_start,
      to: period.period_end,
      filters,
    },
    title: `${goal.name}, ${formatPeriod(period.period_start, goal.period)}`,
    expected: period.tickets,
    basis: metric.aggregation === 'count' ? 'value' : 'measured',
  };
}
