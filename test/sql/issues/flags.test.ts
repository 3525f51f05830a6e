// The recurring, rising and new flags on counts written by hand. Weeks from Monday 2026-01-05 (the data's first)
// to Monday 2026-03-02 ("this week"); the 8 weeks before it are 5 Jan … 23 Feb. P-values: 60-digit decimal sums.
import { describe, expect, it } from 'vitest';
import { newFlag, recurringFlag, risingFlags, type FlagContext, type IssueHistory } from '../../../sql/issues/flags.ts';
import { defaultIssueSettings } from '../../../sql/issues/settings.ts';

const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];
const thisWeek = '2026-03-02';
const history = (issueId: number, baselinePerWeek: number, thisWeekCount: number, firstSeen = '2026-01-05T10:00:00Z', since = 0): IssueHistory => ({
  issue_id: issueId,
  counts: new Map([...weeks.map((w) => [w, baselinePerWeek] as [string, number]), [thisWeek, thisWeekCount]]),
  firstSeen: new Date(firstSeen),
  ticketsSinceFirstSeen: since,
});
// The plain rate unless a test asks for the volume adjustment.
const context = (overrides: Partial<typeof defaultIssueSettings> = {}): FlagContext => ({
  settings: { ...defaultIssueSettings, rising_volume_adjusted: false, rising_alpha: 0.05, ...overrides },
  period: new Date(`${thisWeek}T00:00:00Z`),
  dataStart: new Date('2026-01-05T00:00:00Z'),
});

// Issue 1: 1 a week, 7 now: λ = (8 + 0.5) / 8 = 1.0625, P(X ≥ 7) = 1.20575e-4.
// Issue 2: 5 a week, 8 now: λ = 40.5 / 8, P(X ≥ 8) = 0.139981.
// Issue 4: 2 a week, 6 now: λ = 16.5 / 8, P(X ≥ 6) = 0.0189264.
// Issue 3: 4 now: under the minimum of 5, not tested. So 3 issues are tested.
const issues = [history(1, 1, 7), history(2, 5, 8), history(3, 0, 4), history(4, 2, 6)];

describe('rising', () => {
  it('Bonferroni: flagged at p ≤ 0.05 ÷ 3 issues tested; issue 4 (p 0.0189) is not', () => {
    const { flags, tested } = risingFlags(issues, context());
    expect(tested).toBe(3);
    const one = flags.get(1)!;
    expect(one.p_value!).toBeCloseTo(1.20575241190868e-4, 15);
    expect(one).toMatchObject({ flagged: true, tickets: 7, baseline: 1, baseline_periods: 8, excess: 6 });
    expect(one.threshold).toBeCloseTo(0.05 / 3, 12);
    expect(one.why).toBe('7 tickets this week against a baseline of 1 a week over the 8 weeks before: P(X ≥ 7) = 1.2e-4 for X ~ Poisson(1.063), at most 0.0167 (Bonferroni: α 0.05 ÷ 3 issues tested).');
    expect(flags.get(2)!.p_value!).toBeCloseTo(0.139980555031706, 12);
    expect(flags.get(4)!.p_value!).toBeCloseTo(0.0189263723393857, 12);
    expect([...flags].map(([id, f]) => [id, f.flagged])).toEqual([[1, true], [2, false], [3, false], [4, false]]);
    expect(flags.get(3)).toMatchObject({ p_value: null, threshold: null, tickets: 4 });
    expect(flags.get(3)!.why).toMatch(/not tested: rising needs at least 5 tickets this week\.$/);
  });

  it('Benjamini–Hochberg: ranks 1 and 2 pass (1.2e-4 ≤ 0.0167, 0.0189 ≤ 0.0333), rank 3 does not (0.14 > 0.05)', () => {
    const { flags } = risingFlags(issues, context({ rising_correction: 'benjamini_hochberg' }));
    expect([...flags].map(([id, f]) => [id, f.flagged])).toEqual([[1, true], [2, false], [3, false], [4, true]]);
    expect(flags.get(4)!.threshold).toBeCloseTo((2 * 0.05) / 3, 12);
  });

  it('volume-adjusted: a week busy for every issue lifts each one’s expectation, so issue 1 is no longer a rise', () => {
    // All issues: 8 tickets a baseline week, 25 this week. Issue 1's others: 7 a week before, 18 now; the ratio
    // (18 + 0.5) ÷ (7 + 0.5) = 2.46667, λ = 1.0625 × 2.46667 = 2.62083, P(X ≥ 7) = 0.0178431 > 0.05 ÷ 3.
    // Issue 2: (17.5 ÷ 3.5) = 5, λ = 25.3125, P(X ≥ 8) = 0.999982. Issue 4: 3, λ = 6.1875, P(X ≥ 6) = 0.583948.
    const { flags, tested } = risingFlags(issues, context({ rising_volume_adjusted: true }));
    expect(tested).toBe(3);
    const one = flags.get(1)!;
    expect(one.volume_ratio).toBeCloseTo(18.5 / 7.5, 12);
    expect(one.expected).toBeCloseTo(2.62083333333333, 12);
    expect(one.p_value!).toBeCloseTo(0.0178430761801873, 12);
    expect(flags.get(2)!.p_value!).toBeCloseTo(0.999981780859730, 12);
    expect(flags.get(4)!.p_value!).toBeCloseTo(0.583947927455587, 12);
    expect([...flags].map(([id, f]) => [id, f.flagged])).toEqual([[1, false], [2, false], [3, false], [4, false]]);
    expect(one.why).toBe('7 tickets this week against a baseline of 1 a week over the 8 weeks before, expecting 2.62 at this week\'s volume (×2.47): P(X ≥ 7) = 0.0178 for X ~ Poisson(2.621), above 0.0167 (Bonferroni: α 0.05 ÷ 3 issues tested).');
  });

  it('needs half the baseline inside the data: 3 weeks of data before this one are too few', () => {
    const late = { ...context(), dataStart: new Date('2026-02-09T00:00:00Z') };
    const { flags, tested } = risingFlags([history(1, 1, 7)], late);
    expect(tested).toBe(0);
    expect(flags.get(1)).toMatchObject({ flagged: false, baseline_periods: 3, p_value: null });
  });
});

describe('recurring and new', () => {
  it('recurring: tickets in at least 4 of the last 8 weeks', () => {
    expect(recurringFlag(history(1, 1, 7), context())).toMatchObject({ flagged: true, periods_present: 8, periods: 8 });
    const sparse: IssueHistory = { ...history(9, 0, 1), counts: new Map([['2026-02-02', 2], ['2026-02-16', 1], [thisWeek, 1]]) };
    expect(recurringFlag(sparse, context())).toMatchObject({ flagged: false, periods_present: 3 });
    expect(recurringFlag(sparse, context({ recurring_min_periods: 3 })).flagged).toBe(true);
  });

  it('new: first seen within the last 2 weeks, after the data’s first week, with at least 5 tickets', () => {
    expect(newFlag(history(3, 0, 4, '2026-02-25T08:00:00Z', 7), context())).toMatchObject({ flagged: true, first_seen: '2026-02-23', tickets: 7 });
    expect(newFlag(history(3, 0, 4, '2026-02-25T08:00:00Z', 4), context()).flagged).toBe(false);
    expect(newFlag(history(3, 0, 4, '2026-02-18T08:00:00Z', 9), context()).flagged).toBe(false);
    const fromTheStart = { ...context(), dataStart: new Date('2026-02-23T00:00:00Z') };
    expect(newFlag(history(3, 0, 4, '2026-02-25T08:00:00Z', 9), fromTheStart).flagged).toBe(false);
  });
});
