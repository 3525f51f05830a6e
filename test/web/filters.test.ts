// The global filters in the URL: reading any query string into valid filters and writing them back canonically.
import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersFromQuery,
  filtersToQuery,
  type DashboardFilters,
} from '../../web/src/lib/filters/filters';

function filters(change: Partial<DashboardFilters> & { dims?: Partial<DashboardFilters['dimensions']> } = {}): DashboardFilters {
  const { dims, ...rest } = change;
  const base = defaultFilters();
  return { ...base, ...rest, dimensions: { ...base.dimensions, ...dims } };
}

describe('filtersFromQuery', () => {
  const cases: Array<{ title: string; input: string; expected: DashboardFilters }> = [
    { title: 'an empty query is the default: last 90 days, all tickets, calendar hours', input: '', expected: filters() },
    { title: 'a preset', input: 'range=30d', expected: filters({ preset: '30d' }) },
    { title: 'an unknown preset falls back to the default', input: 'range=fortnight', expected: filters() },
    { title: 'from and to without range are a custom range', input: 'from=2016-02-29&to=2016-06-30', expected: filters({ preset: 'custom', from: '2016-02-29', to: '2016-06-30' }) },
    { title: 'range=custom with its days', input: 'range=custom&from=2025-01-01&to=2025-01-01', expected: filters({ preset: 'custom', from: '2025-01-01', to: '2025-01-01' }) },
    { title: 'a custom range with an impossible day falls back to the default', input: 'from=2025-02-30&to=2025-03-10', expected: filters() },
    { title: 'a custom range ending before it starts falls back to the default', input: 'from=2025-03-10&to=2025-03-09', expected: filters() },
    { title: 'a custom range missing its end falls back to the default', input: 'range=custom&from=2025-03-10', expected: filters() },
    { title: 'a preset wins over stray days', input: 'range=7d&from=2025-01-01&to=2025-01-31', expected: filters({ preset: '7d' }) },
    {
      title: 'repeated dimensions are several values, trimmed, blanks and repeats dropped',
      input: 'channel=email&channel=%20phone%20&channel=&channel=email&team=t1',
      expected: filters({ dims: { channel: ['email', 'phone'], team: ['t1'] } }),
    },
    { title: 'business hours', input: 'hours=business', expected: filters({ hours: 'business' }) },
    { title: 'unknown hours are calendar hours', input: 'hours=office', expected: filters() },
    { title: 'a value longer than 200 characters is dropped', input: `team=${'x'.repeat(201)}`, expected: filters() },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(filtersFromQuery(new URLSearchParams(input))).toEqual(expected));
  }
});

describe('filtersToQuery', () => {
  const cases: Array<{ title: string; input: [DashboardFilters, string?]; expected: string }> = [
    { title: 'the default is an empty query', input: [filters()], expected: '' },
    { title: 'a preset', input: [filters({ preset: 'year' })], expected: 'range=year' },
    { title: 'a custom range as its two days', input: [filters({ preset: 'custom', from: '2016-02-29', to: '2016-06-30' })], expected: 'from=2016-02-29&to=2016-06-30' },
    {
      title: 'a fixed order: range, dimensions in bar order, hours',
      input: [filters({ hours: 'business', preset: '7d', dims: { provider: ['outsourced'], channel: ['email', 'phone'], team: ['t1'] } })],
      expected: 'range=7d&team=t1&channel=email&channel=phone&provider=outsourced&hours=business',
    },
    {
      title: "a page's own parameters are kept after the filters; old filter parameters are replaced",
      input: [filters({ preset: '30d' }), 'metric=first_response&range=7d&channel=chat&grain=month'],
      expected: 'range=30d&metric=first_response&grain=month',
    },
  ];
  for (const { title, input: [value, keep], expected } of cases) {
    it(title, () => expect(filtersToQuery(value, keep === undefined ? undefined : new URLSearchParams(keep)).toString()).toBe(expected));
  }

  it('reads back what it writes', () => {
    const value = filters({ preset: 'custom', from: '2025-01-06', to: '2025-02-02', hours: 'business', dims: { requester_kind: ['internal'], priority: ['high', 'urgent'] } });
    expect(filtersFromQuery(filtersToQuery(value))).toEqual(value);
  });
});
