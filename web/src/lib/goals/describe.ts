// A goal in words for its card: what it measures, over which scope, per which period.
import { fixedOptions } from '../filters/options';
import type { FilterDimension } from '../filters/filters';

const periodWords = { week: 'week', month: 'month', quarter: 'quarter' } as const;
const statWords: Record<string, string> = { p50: 'median', p90: '90th percentile', mean: 'mean', value: '' };

/** "median, business hours, weekly · Email · Team Berlin" */
export function describeGoalScope(
  goal: { stat: string; hours: string; period: 'week' | 'month' | 'quarter'; scope: Record<string, string[]> },
  teamName: (id: string) => string = (id) => id,
): string {
  const measure = [statWords[goal.stat] ?? goal.stat, goal.stat === 'value' ? '' : `${goal.hours} hours`].filter(Boolean).join(', ');
  const parts = [`${measure ? `${measure}, ` : ''}per ${periodWords[goal.period]}`];
  for (const [dimension, values] of Object.entries(goal.scope)) {
    const labels = values.map((value) =>
      dimension === 'team' ? teamName(value) : (fixedOptions[dimension as Exclude<FilterDimension, 'team'>]?.find((o) => o.value === value)?.label ?? value),
    );
    parts.push(labels.join(', '));
  }
  return parts.join(' · ');
}
