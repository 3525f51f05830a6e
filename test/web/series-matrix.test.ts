import { describe, expect, it } from 'vitest';
import type { Grain } from '../../api/contracts';
import { periodStart, periodsInRange, toMatrix } from '../../web/src/lib/charts/series-matrix';
import { createdWeeklyByChannel } from './fixtures/created-weekly-by-channel';

describe('periodStart', () => {
  const cases: Array<{ title: string; input: [string, Grain]; expected: string | null }> = [
    { title: 'not a date', input: ['soon', 'week'], expected: null },
    { title: 'a Monday is its own week', input: ['2025-01-06', 'week'], expected: '2025-01-06' },
    { title: 'a Wednesday belongs to Monday’s week', input: ['2025-01-08', 'week'], expected: '2025-01-06' },
    { title: 'a Sunday belongs to the Monday before, across a year end', input: ['2025-01-05', 'week'], expected: '2024-12-30' },
    { title: 'a timestamp is cut to its date', input: ['2025-01-08T23:59:59Z', 'week'], expected: '2025-01-06' },
    { title: 'month', input: ['2025-02-28', 'month'], expected: '2025-02-01' },
    { title: 'quarter', input: ['2025-05-17', 'quarter'], expected: '2025-04-01' },
    { title: 'day', input: ['2024-02-29', 'day'], expected: '2024-02-29' },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(periodStart(...input)).toBe(expected));
  }
});

describe('periodsInRange', () => {
  const cases: Array<{ title: string; input: [string, string, Grain]; expected: string[] }> = [
    { title: 'an empty range', input: ['2025-01-06', '2025-01-06', 'week'], expected: [] },
    { title: 'an invalid range', input: ['x', '2025-01-06', 'week'], expected: [] },
    { title: 'two weeks', input: ['2025-01-06', '2025-01-20', 'week'], expected: ['2025-01-06', '2025-01-13'] },
    { title: 'months across a year end', input: ['2024-11-15', '2025-02-01', 'month'], expected: ['2024-11-01', '2024-12-01', '2025-01-01'] },
    { title: 'quarters', input: ['2025-01-01', '2025-12-31', 'quarter'], expected: ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'] },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(periodsInRange(...input)).toEqual(expected));
  }
});

describe('toMatrix', () => {
  it('pivots the fixture with totals per week, per channel and overall', () => {
    expect(toMatrix(createdWeeklyByChannel)).toEqual({
      grain: 'week',
      by: 'channel',
      periods: ['2025-01-06', '2025-01-13'],
      groups: ['desk', 'phone', 'email'],
      additive: true,
      values: [
        [12, 10],
        [5, 0],
        [3, 7],
      ],
      tickets: [
        [12, 10],
        [5, 0],
        [3, 7],
      ],
      periodTotals: [20, 17],
      groupTotals: [22, 5, 10],
      total: 37,
    });
  });
});
