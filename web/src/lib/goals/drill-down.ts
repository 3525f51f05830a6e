// Where a scorecard's click leads: the tickets behind a goal's period. Until the drill-down table lands, that is
// Explore with the goal's metric, statistic, hours, scope and the period as a custom range (`to` inclusive, as the
// filter bar's URL has it), so the view can be shared and the explorer can open the tickets from it.
import { addDays } from '../format';
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
