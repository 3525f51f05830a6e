// Range presets end at the newest day of data, not today; days worked out by hand on a calendar.
import { describe, expect, it } from 'vitest';
import { defaultFilters, type RangePreset } from '../../web/src/lib/filters/filters';
import { presetRange, resolveRange, type DataExtent, type DayRange } from '../../web/src/lib/filters/presets';

// The ServiceNow 2016 log's days: nothing near "today" (2026-12-06).
const historical: DataExtent = { first_day: '2016-02-29', last_day: '2016-06-14' };
const noData: DataExtent = { first_day: null, last_day: null };
const today = '2026-12-06';

describe('presetRange', () => {
  const cases: Array<{ title: string; input: [RangePreset, DataExtent]; expected: DayRange }> = [
    { title: 'last 7 days end with the newest day of data (8–14 Jun 2016)', input: ['7d', historical], expected: { from: '2016-06-08', to: '2016-06-15' } },
    { title: 'last 30 days: 16 May – 14 Jun', input: ['30d', historical], expected: { from: '2016-05-16', to: '2016-06-15' } },
    { title: 'last 90 days: 17 Mar – 14 Jun (14 + 31 + 30 + 15 days)', input: ['90d', historical], expected: { from: '2016-03-17', to: '2016-06-15' } },
    { title: 'this month: June 2016 so far', input: ['month', historical], expected: { from: '2016-06-01', to: '2016-06-15' } },
    { title: 'this quarter: Q2 2016 so far', input: ['quarter', historical], expected: { from: '2016-04-01', to: '2016-06-15' } },
    { title: 'this year: 2016 so far', input: ['year', historical], expected: { from: '2016-01-01', to: '2016-06-15' } },
    { title: 'all data: first to newest day', input: ['all', historical], expected: { from: '2016-02-29', to: '2016-06-15' } },
    { title: 'without data the presets end today', input: ['7d', noData], expected: { from: '2026-11-30', to: '2026-12-07' } },
    { title: 'without data "all" is the last 90 days to today', input: ['all', noData], expected: { from: '2026-09-08', to: '2026-12-07' } },
    { title: 'a leap day: last 7 days to 2 Mar 2016 start on 25 Feb', input: ['7d', { first_day: '2016-01-01', last_day: '2016-03-02' }], expected: { from: '2016-02-25', to: '2016-03-03' } },
    { title: 'a quarter across a year end is the newest day’s quarter (Q1)', input: ['quarter', { first_day: '2015-11-01', last_day: '2016-01-03' }], expected: { from: '2016-01-01', to: '2016-01-04' } },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(presetRange(input[0], input[1], today)).toEqual(expected));
  }
});

describe('resolveRange', () => {
  it('a custom range includes its last day (the API’s `to` is the day after)', () => {
    expect(resolveRange({ ...defaultFilters(), preset: 'custom', from: '2016-03-01', to: '2016-03-31' }, historical, today)).toEqual({ from: '2016-03-01', to: '2016-04-01' });
  });

  it('the default view is the 90 days up to the newest data', () => {
    expect(resolveRange(defaultFilters(), historical, today)).toEqual({ from: '2016-03-17', to: '2016-06-15' });
  });
});
