// The before/after comparison of an implemented suggestion, given its weekly values (pure: the SQL is impact.ts).
// Weeks are UTC weeks from Monday. The week the change went live holds both sides and is left out; the weeks
// compared are whole weeks inside the data (a week the data does not fully cover would read as too few tickets),
// the same number on each side (up to 8), the nearest to the change.
import { mannWhitney, type MannWhitneyResult } from '../../common/mann-whitney.ts';
import { isoDay, nextPeriod, periodStart } from '../goals/periods.ts';

/** Weeks on each side at most. */
export const maxImpactWeeks = 8;
/**
 * Weeks on each side at least: with fewer, no difference can be beyond normal variation at 5 % (the exact two-sided
 * p-value of 3 + 3 weeks is at least 2 / C(6,3) = 0.1; of 4 + 4, 2 / C(8,4) ≈ 0.029).
 */
export const minImpactWeeks = 4;
export const impactAlpha = 0.05;

const WEEK = 7 * 86_400_000;

export interface WeeklyValue {
  week: string;
  value: number | null;
}

export interface ImpactInput {
  implementedOn: string;
  now: Date;
  /** The first and last instants the data holds (weeks outside are not compared). */
  dataFrom: Date | null;
  dataTo: Date | null;
  /** Week (ISO day of its Monday) → value; a week absent is `absentAs` (0 for counts, null: no value, for levels). */
  values: Map<string, number | null>;
  absentAs: 0 | null;
}

export interface WeeklyComparison {
  status: 'measured' | 'not_enough_data';
  weeks: number;
  missing_weeks: number;
  /** Which side lacks weeks, when one does ('after' while the change is too recent). */
  short_side: 'before' | 'after' | null;
  before: WeeklyValue[];
  after: WeeklyValue[];
  change: { before_median: number; after_median: number; before_mean: number; after_mean: number; absolute: number; relative: number | null } | null;
  test: { name: string; method: MannWhitneyResult['method']; u: number; p_value: number; alpha: number; significant: boolean } | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

export function compareWeeks(input: ImpactInput): WeeklyComparison {
  const liveWeek = periodStart('week', new Date(`${input.implementedOn}T00:00:00Z`));
  const until = Math.min(input.now.getTime(), input.dataTo?.getTime() ?? -Infinity);
  const since = input.dataFrom?.getTime() ?? Infinity;
  const valueOf = (week: Date): WeeklyValue => ({ week: isoDay(week), value: input.values.has(isoDay(week)) ? input.values.get(isoDay(week))! : input.absentAs });
  const after: WeeklyValue[] = [];
  for (let week = nextPeriod('week', liveWeek); after.length < maxImpactWeeks && week.getTime() + WEEK <= until; week = nextPeriod('week', week)) {
    const weekly = valueOf(week);
    if (weekly.value !== null) after.push(weekly);
  }
  const before: WeeklyValue[] = [];
  for (let week = new Date(liveWeek.getTime() - WEEK); before.length < maxImpactWeeks && week.getTime() >= since; week = new Date(week.getTime() - WEEK)) {
    const weekly = valueOf(week);
    if (weekly.value !== null) before.unshift(weekly);
  }
  const weeks = Math.min(before.length, after.length);
  const compared = { before: before.slice(before.length - weeks), after: after.slice(0, weeks) };
  if (weeks < minImpactWeeks) {
    const shortSide = after.length <= before.length ? 'after' : 'before';
    return { status: 'not_enough_data', weeks, missing_weeks: minImpactWeeks - weeks, short_side: shortSide, ...compared, change: null, test: null };
  }
  const x = compared.before.map((w) => w.value!);
  const y = compared.after.map((w) => w.value!);
  const [beforeMedian, afterMedian] = [median(x), median(y)];
  const result = mannWhitney(x, y);
  return {
    status: 'measured',
    weeks,
    missing_weeks: 0,
    short_side: null,
    ...compared,
    change: {
      before_median: beforeMedian,
      after_median: afterMedian,
      before_mean: mean(x),
      after_mean: mean(y),
      absolute: afterMedian - beforeMedian,
      relative: beforeMedian === 0 ? null : (afterMedian - beforeMedian) / beforeMedian,
    },
    test: { name: 'Mann–Whitney U, two-sided', method: result.method, u: result.u, p_value: result.p, alpha: impactAlpha, significant: result.p < impactAlpha },
  };
}
