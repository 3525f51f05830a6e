// Judging values against a goal's target in the browser: the editor's preview ("how many past periods would have met
// it") and the monthly report. The same rule as the server's (sql/goals/judge.ts): a value meets the target when
// `value <comparator> target`; a period without a value is not judged.
import { meets, type Comparator } from '../../../../common/goal-comparator';
import type { GoalStatus } from './status';

export { meets, type Comparator };

/** A closed period's status: met or missed, or no data without a value. */
export function judge(value: number | null | undefined, comparator: Comparator, target: number): GoalStatus {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no_data';
  return meets(value, comparator, target) ? 'met' : 'missed';
}

export interface PeriodsMet {
  /** Periods whose value meets the target. */
  met: number;
  /** Periods with a value (the others had no tickets measured). */
  judged: number;
  /** Every period given. */
  periods: number;
}

/** How many of these periods' values would have met `comparator target`. */
export function countPeriodsMet(values: readonly (number | null)[], comparator: Comparator, target: number): PeriodsMet {
  let met = 0;
  let judged = 0;
  for (const value of values) {
    const status = judge(value, comparator, target);
    if (status === 'no_data') continue;
    judged += 1;
    if (status === 'met') met += 1;
  }
  return { met, judged, periods: values.length };
}

/** "8 of 12 past weeks would have met it (1 without data)". */
export function describePeriodsMet(count: PeriodsMet, periodWord: string): string {
  const plural = count.periods === 1 ? periodWord : `${periodWord}s`;
  const without = count.periods - count.judged;
  return `${count.met} of ${count.judged} past ${plural} with data would have met it${without > 0 ? ` (${without} without data)` : ''}.`;
}

/** Comparators in words, for labels: "at most", "under", "at least", "over". */
export const comparatorWords: Record<Comparator, string> = { '<=': 'at most', '<': 'under', '>=': 'at least', '>': 'over' };

/** A duration target is typed in hours and stored in minutes. */
export const hoursToMinutes = (hours: number) => Math.round(hours * 60 * 100) / 100;
export const minutesToHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
