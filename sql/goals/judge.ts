// Whether a value meets a goal, and the projection of an open period: pure functions, tested by hand.
import { meets, type Comparator } from '../../common/goal-comparator.ts';

export { meets, type Comparator };
export type GoalStatus = 'met' | 'at_risk' | 'missed' | 'no_data';

/** A closed period is met or missed; one without tickets has no data. */
export function closedStatus(value: number | null, comparator: Comparator, target: number): GoalStatus {
  if (value === null) return 'no_data';
  return meets(value, comparator, target) ? 'met' : 'missed';
}

export interface Projection {
  value: number | null;
  method: string;
}

/** How many closed periods the projection of a rate or duration leans on. */
export const trailingPeriods = 4;

/**
 * Where the open period is heading. A count grows with time, so it is extrapolated linearly from the share
 * of the period elapsed. A median, percentile, rate or score does not grow: the value so far is blended with
 * the mean of the last closed periods, the value so far weighing as much as the share of the period elapsed.
 */
export function project(kind: 'count' | 'level', soFar: number | null, elapsed: number, recentClosed: number[]): Projection {
  const share = Math.min(Math.max(elapsed, 0), 1);
  const percent = `${Math.round(share * 100)} %`;
  if (kind === 'count') {
    if (share === 0) return { value: null, method: 'linear extrapolation of the count so far (nothing of the period elapsed yet)' };
    return { value: (soFar ?? 0) / share, method: `linear extrapolation: the count so far ÷ the ${percent} of the period elapsed` };
  }
  const recent = recentClosed.slice(-trailingPeriods);
  const mean = recent.length > 0 ? recent.reduce((sum, v) => sum + v, 0) / recent.length : null;
  if (soFar === null && mean === null) return { value: null, method: 'no data so far and no earlier period to lean on' };
  if (mean === null) return { value: soFar, method: 'the value so far (no earlier period to lean on)' };
  if (soFar === null) return { value: mean, method: `mean of the last ${recent.length} closed periods (no data so far)` };
  return {
    value: share * soFar + (1 - share) * mean,
    method: `${percent} of the period elapsed: ${percent} × the value so far + the rest × the mean of the last ${recent.length} closed periods`,
  };
}

/**
 * The open period: at risk when the projection misses the target, or (for a level, which a count so far is
 * not) when the value so far does.
 */
export function openStatus(kind: 'count' | 'level', soFar: number | null, projection: number | null, comparator: Comparator, target: number): GoalStatus {
  if (soFar === null && projection === null) return 'no_data';
  const judged = kind === 'count' ? [projection] : [soFar, projection];
  const failing = judged.some((value) => value !== null && !meets(value, comparator, target));
  return failing ? 'at_risk' : 'met';
}
