// Partial periods: hand-counted days of each week, month or quarter inside the range and the data.
import { describe, expect, it } from 'vitest';
import { periodCoverage, type PeriodCoverage } from '../../web/src/lib/charts/partial';

const full7 = { partial: false, days: 7, of: 7 };

describe('periodCoverage', () => {
  const cases: Array<{ title: string; input: Parameters<typeof periodCoverage>; expected: PeriodCoverage[] }> = [
    {
      title: 'whole weeks (Mon 6 Jan – Sun 19 Jan 2025) are not partial',
      input: [['2025-01-06', '2025-01-13'], 'week', { from: '2025-01-06', to: '2025-01-20' }],
      expected: [full7, full7],
    },
    {
      title: 'a range from Wednesday 8 Jan to Tuesday 21 Jan: first week 5 of 7 days, last 2 of 7',
      input: [['2025-01-06', '2025-01-13', '2025-01-20'], 'week', { from: '2025-01-08', to: '2025-01-22' }],
      expected: [{ partial: true, days: 5, of: 7 }, full7, { partial: true, days: 2, of: 7 }],
    },
    {
      title: 'the range runs past the newest data (Wed 15 Jan): the last week holds 3 days',
      input: [['2025-01-06', '2025-01-13'], 'week', { from: '2025-01-06', to: '2025-01-20' }, { first_day: '2024-01-01', last_day: '2025-01-15' }],
      expected: [full7, { partial: true, days: 3, of: 7 }],
    },
    {
      title: 'data starting mid-month makes the first month partial (Feb 2016 from the 29th: 1 of 29 days)',
      input: [['2016-02-01', '2016-03-01'], 'month', { from: '2016-01-01', to: '2016-04-01' }, { first_day: '2016-02-29', last_day: '2016-06-14' }],
      expected: [{ partial: true, days: 1, of: 29 }, { partial: false, days: 31, of: 31 }],
    },
    {
      title: 'a quarter of 91 days (Q2) cut at 14 Jun holds 75 days (30 + 31 + 14)',
      input: [['2016-04-01'], 'quarter', { from: '2016-04-01', to: '2016-06-15' }],
      expected: [{ partial: true, days: 75, of: 91 }],
    },
    {
      title: 'days are never partial inside the range',
      input: [['2025-01-06', '2025-01-07'], 'day', { from: '2025-01-06', to: '2025-01-08' }],
      expected: [{ partial: false, days: 1, of: 1 }, { partial: false, days: 1, of: 1 }],
    },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(periodCoverage(...input)).toEqual(expected));
  }

});
