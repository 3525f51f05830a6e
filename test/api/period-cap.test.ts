// The periods a range touches, counted by hand per grain (weeks start on Monday, as DuckDB's date_trunc has them).
import { describe, expect, it } from 'vitest';
import { periodsBetween } from '../../api/period-cap.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('periodsBetween', () => {
  it.each([
    ['day', '2024-02-28', '2024-03-01', 2], // 28 and 29 Feb (a leap year)
    ['week', '2024-01-01', '2024-01-08', 1], // Mon 1 Jan to Mon 8 Jan: one whole week
    ['week', '2024-01-07', '2024-01-09', 2], // Sun 7 Jan is in the week of 1 Jan, Mon 8 Jan starts the next
    ['week', '1970-01-01', '1970-01-05', 1], // Thu 1 Jan 1970 to Sun 4 Jan: the week of Mon 29 Dec 1969
    ['month', '2024-01-31', '2024-02-01', 1],
    ['month', '2024-01-15', '2024-03-02', 3], // Jan, Feb, Mar
    ['quarter', '2024-03-31', '2024-04-02', 2], // Q1 and Q2
    ['quarter', '2023-11-01', '2025-01-01', 5], // Q4 2023 and the four of 2024
  ] as const)('%s from %s to %s: %i', (grain, from, to, expected) => {
    expect(periodsBetween(day(from), day(to), grain)).toBe(expected);
  });
});
