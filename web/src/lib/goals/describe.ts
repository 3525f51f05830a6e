// A goal in words for its card: what it measures, over which scope, per which period. A dimension with several
// values reads as alternatives ("Email or Chat"): a ticket counts when it has any of them.
import { fixedOptions } from '../filters/options';
import { dimensionLabels } from '../filters/describe';
import type { FilterDimension } from '../filters/filters';
import { eitherOf } from '../filters/multi-select';

const periodWords = { week: 'week', month: 'month', quarter: 'quarter' } as const;
const statWords: Record<string, string> = { p50: 'median', p90: '90th percentile', mean: 'mean', value: '' };

type TeamName = (id: string) => string;

function valueLabel(dimension: string, value: string, teamName: TeamName): string {
  if (dimension === 'team') return teamName(value);
  return fixedOptions[dimension as Exclude<FilterDimension, 'team'>]?.find((o) => o.value === value)?.label ?? value;
}

/** A scope's values of one dimension as alternatives: "Email or Chat". */
function valuesInWords(dimension: string, values: readonly string[], teamName: TeamName): string {
  return eitherOf(values.map((value) => valueLabel(dimension, value, teamName)));
}

/** "median, calendar hours, per week · Email or Chat · Berlin" */
export function describeGoalScope(
  goal: { stat: string; hours: string; period: 'week' | 'month' | 'quarter'; scope: Record<string, string[]> },
  teamName: TeamName = (id) => id,
): string {
  const measure = [statWords[goal.stat] ?? goal.stat, goal.stat === 'value' ? '' : `${goal.hours} hours`].filter(Boolean).join(', ');
  const parts = [`${measure ? `${measure}, ` : ''}per ${periodWords[goal.period]}`];
  for (const [dimension, values] of Object.entries(goal.scope)) if (values.length > 0) parts.push(valuesInWords(dimension, values, teamName));
  return parts.join(' · ');
}

/** "Channel: Email or Chat · Team: Berlin", naming each dimension; "All tickets" for a scope that limits nothing. */
export function describeScope(scope: Record<string, string[]>, teamName: TeamName = (id) => id): string {
  const parts = Object.entries(scope)
    .filter(([, values]) => values.length > 0)
    .map(([dimension, values]) => {
      const name = dimensionLabels[dimension as FilterDimension] ?? dimension.charAt(0).toUpperCase() + dimension.slice(1).replaceAll('_', ' ');
      return `${name}: ${valuesInWords(dimension, values, teamName)}`;
    });
  return parts.length > 0 ? parts.join(' · ') : 'All tickets';
}
