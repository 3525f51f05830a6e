// Which weeks an implemented suggestion's impact compares, by hand. It went live on Wed 4 Mar 2026: its own week
// (from Mon 2 Mar) holds both sides and is left out; "after" is the whole weeks from 9 Mar that have ended, "before"
// the weeks up to 23 Feb inside the data, the same number on each side, the nearest to the change.
import { describe, expect, it } from 'vitest';
import { compareWeeks } from '../../../sql/suggestions/impact-weeks.ts';

const values = new Map<string, number | null>([
  ['2026-01-26', 99], ['2026-02-02', 10], ['2026-02-09', 12], ['2026-02-16', 14], ['2026-02-23', 16],
  ['2026-03-02', 50], // the week it went live: never compared
  ['2026-03-09', 5], ['2026-03-16', 6], ['2026-03-23', 7], ['2026-03-30', 8], ['2026-04-06', 1],
]);
const base = { implementedOn: '2026-03-04', dataFrom: new Date('2026-01-01T00:00:00Z'), dataTo: new Date('2026-06-01T00:00:00Z'), values, absentAs: 0 as const };

describe('compareWeeks', () => {
  it('four whole weeks after (9–30 Mar; the week of 6 Apr has not ended on 10 Apr) against the four before', () => {
    const result = compareWeeks({ ...base, now: new Date('2026-04-10T12:00:00Z') });
    expect(result.before).toEqual([
      { week: '2026-02-02', value: 10 }, { week: '2026-02-09', value: 12 }, { week: '2026-02-16', value: 14 }, { week: '2026-02-23', value: 16 },
    ]);
    expect(result.after.map((w) => w.value)).toEqual([5, 6, 7, 8]);
    expect(result).toMatchObject({ status: 'measured', weeks: 4, missing_weeks: 0 });
    // Medians 13 and 6.5: −6.5, −50 %. Every after-week below every before-week: U = 16, exact p = 2 / C(8,4).
    expect(result.change).toEqual({ before_median: 13, after_median: 6.5, before_mean: 13, after_mean: 6.5, absolute: -6.5, relative: -0.5 });
    expect(result.test).toEqual({ name: 'Mann–Whitney U, two-sided', method: 'exact', u: 16, p_value: 2 / 70, alpha: 0.05, significant: true });
  });

  it('not enough data yet: two whole weeks after on 25 Mar, two more needed', () => {
    const result = compareWeeks({ ...base, now: new Date('2026-03-25T00:00:00Z') });
    expect(result).toMatchObject({ status: 'not_enough_data', weeks: 2, missing_weeks: 2, short_side: 'after', change: null, test: null });
    expect(result.after.map((w) => w.week)).toEqual(['2026-03-09', '2026-03-16']);
  });

  it('weeks past the data’s end are not counted as empty, and a week without a value (a level) is skipped', () => {
    const stopped = compareWeeks({ ...base, now: new Date('2026-05-01T00:00:00Z'), dataTo: new Date('2026-03-24T00:00:00Z') });
    expect(stopped.after.map((w) => w.week)).toEqual(['2026-03-09', '2026-03-16']);
    const level = compareWeeks({ ...base, now: new Date('2026-04-10T12:00:00Z'), values: new Map([...values, ['2026-03-16', null]]), absentAs: null });
    // After: 9, 23, 30 Mar (16 Mar has no value) → 3 weeks; a level's missing week is not zero.
    expect(level).toMatchObject({ status: 'not_enough_data', weeks: 3, missing_weeks: 1 });
  });

  it('before the data starts there are no weeks to compare', () => {
    const early = compareWeeks({ ...base, now: new Date('2026-04-10T12:00:00Z'), dataFrom: new Date('2026-02-16T00:00:00Z') });
    expect(early.before.map((w) => w.week)).toEqual(['2026-02-16', '2026-02-23']);
    expect(early).toMatchObject({ status: 'not_enough_data', weeks: 2, missing_weeks: 2, short_side: 'before' });
  });
});
