// Which goals' targets a chart of a metric shows: the goals that judge the same measure (metric, statistic,
// preset, hours) over the same scope as the chart's filters. Pure, so the matching is unit-tested.
import type { Stat } from '../api/series';
import type { FilterDimension } from '../filters/filters';

/** What of a goal (`GET /api/goals`) the matching reads. */
export interface GoalLike {
  goal_id: number;
  name: string;
  metric: string;
  stat: 'value' | Stat;
  variant: string | null;
  hours: 'business' | 'calendar';
  comparator: string;
  target: number;
  scope: Record<string, string[]>;
  period: string;
  archived_at: string | null;
}

/** What the chart shows. */
export interface ChartMeasure {
  metric: string;
  /** Durations only; ignored for other metrics. */
  stat: Stat;
  variant: string | null;
  hours: 'business' | 'calendar';
  /** Whether the metric is a duration (a goal's `stat` is p50/p90/mean only then, else `value`). */
  duration: boolean;
  /** The chart's dimension filters; an empty list means all values. */
  dimensions: Partial<Record<FilterDimension | string, readonly string[]>>;
}

/** A horizontal target line: the goal's name, its comparator and target, in the metric's unit. */
export interface TargetLine {
  goalId: number;
  label: string;
  value: number;
}

function sameValues(a: readonly string[] = [], b: readonly string[] = []): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((value) => set.has(value));
}

/** True when `goal` judges what the chart draws: same measure, and exactly the same scope as the filters. */
export function goalMatches(goal: GoalLike, measure: ChartMeasure): boolean {
  if (goal.archived_at !== null || goal.metric !== measure.metric) return false;
  if ((goal.variant ?? null) !== (measure.variant ?? null)) return false;
  if (measure.duration && (goal.stat !== measure.stat || goal.hours !== measure.hours)) return false;
  const names = new Set([...Object.keys(goal.scope), ...Object.keys(measure.dimensions)]);
  for (const name of names) if (!sameValues(goal.scope[name], measure.dimensions[name])) return false;
  return true;
}

/** The target lines of the goals matching `measure`, one per distinct target (goals sharing a target share a line). */
export function targetLines(goals: readonly GoalLike[], measure: ChartMeasure): TargetLine[] {
  const lines: TargetLine[] = [];
  for (const goal of goals) {
    if (!goalMatches(goal, measure)) continue;
    const same = lines.find((line) => line.value === goal.target);
    const label = `${goal.name} (${goal.period}ly, ${goal.comparator} ${goal.target})`;
    if (same) same.label += `; ${label}`;
    else lines.push({ goalId: goal.goal_id, label, value: goal.target });
  }
  return lines;
}
