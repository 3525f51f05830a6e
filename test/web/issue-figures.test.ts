// A recurring problem's cost columns and rise in words, against hand-written numbers.
import { describe, expect, it } from 'vitest';
import { figureColumns, formatAgentTime, formatRise, formatShare, type IssueFiguresSource } from '../../web/src/lib/issues/figures';

const issue: IssueFiguresSource = {
  tickets: 1234,
  customers: 980,
  reopened: 12,
  escalated: 0,
  median_resolution_minutes: 125,
  low_csat_share: 0.125,
  csat_answers: 40,
  cost: { value: 4521 },
  flags: { rising: { tickets: 21, baseline: 4.25, baseline_periods: 8, excess: 16.75 } },
};

describe('issue figures', () => {
  it('words each cost column of an issue', () => {
    const cells = Object.fromEntries(figureColumns('week').map((c) => [c.key, c.text(issue)]));
    expect(cells).toEqual({
      tickets: '1,234',
      customers: '980',
      reopened: '12',
      escalated: '0',
      median_resolution: '2 h 5 min',
      low_csat: '13 %',
      // 4,521 minutes = 75.35 h.
      cost: '75.4 h',
      rise: '+16.8 (21 vs 4.3 a week)',
    });
    expect(figureColumns('week').map((c) => c.value(issue))).toEqual([1234, 980, 12, 0, 125, 0.125, 4521, 16.75]);
  });

  it('shows a dash where nothing was measured', () => {
    const empty = { ...issue, median_resolution_minutes: null, low_csat_share: null, flags: { rising: { tickets: 3, baseline: 0, baseline_periods: 0, excess: 3 } } };
    const cells = Object.fromEntries(figureColumns('month').map((c) => [c.key, c.text(empty)]));
    expect([cells.median_resolution, cells.low_csat, cells.rise]).toEqual(['–', '–', '–']);
    expect(figureColumns('month').find((c) => c.key === 'rise')!.label).toBe('This month');
  });

  it('words agent time in minutes under an hour, else hours to a tenth', () => {
    expect([formatAgentTime(0), formatAgentTime(45.4), formatAgentTime(59.4), formatAgentTime(59.6), formatAgentTime(90), formatAgentTime(123_456)]).toEqual([
      '0 min', '45 min', '59 min', '1 h', '1.5 h', '2,057.6 h',
    ]);
  });

  it('words a share and a fall against the baseline', () => {
    expect([formatShare(0), formatShare(0.333), formatShare(1), formatShare(null)]).toEqual(['0 %', '33 %', '100 %', '–']);
    expect(formatRise({ tickets: 1, baseline: 3, baseline_periods: 4, excess: -2 }, 'week')).toBe('−2 (1 vs 3 a week)');
    expect(formatRise({ tickets: 3, baseline: 3, baseline_periods: 4, excess: 0 }, 'week')).toBe('±0 (3 vs 3 a week)');
  });
});
