// The dashboard's global filters and their place in the URL. Pure: `filtersFromQuery` reads any query string
// (a shared link, a hand-edited one) into valid filters, `filtersToQuery` writes them back in one canonical
// order, leaving defaults out so a plain link stays plain. Page-specific parameters pass through untouched.
//
//   ?range=30d&team=t1&channel=email&channel=phone&hours=business
//   ?from=2016-02-29&to=2016-06-30            a custom range: `to` is the last day shown (inclusive)
//
// The API's `to` is exclusive; `../api/query.ts` turns a resolved range into the API's parameters.
import { isIsoDay } from './days';

export const rangePresets = ['7d', '30d', '90d', 'month', 'quarter', 'year', 'all', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];

/** The range a view opens with when the URL names none. */
export const defaultPreset: RangePreset = '90d';

export const presetLabels: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  month: 'This month',
  quarter: 'This quarter',
  year: 'This year',
  all: 'All data',
  custom: 'Custom',
};

/** The dimensions the filter bar offers (a subset of the API's, sql/metrics/dimensions.ts). */
export const filterDimensions = ['team', 'channel', 'priority', 'provider', 'requester_kind'] as const;
export type FilterDimension = (typeof filterDimensions)[number];

export const hoursModes = ['calendar', 'business'] as const;
export type Hours = (typeof hoursModes)[number];

export interface DashboardFilters {
  preset: RangePreset;
  /** Custom range only: first and last day shown, both inclusive (`YYYY-MM-DD`); null otherwise. */
  from: string | null;
  to: string | null;
  /** Values each dimension is limited to; empty means all. */
  dimensions: Record<FilterDimension, string[]>;
  hours: Hours;
}

/** The longest filter value kept from a URL (the API's bounded text). */
const maxValueLength = 200;
/** The most values kept per dimension (the API's `maxValuesPerFilter` is larger; a URL with more is hand-made). */
const maxValuesPerDimension = 50;

export function emptyDimensions(): Record<FilterDimension, string[]> {
  return { team: [], channel: [], priority: [], provider: [], requester_kind: [] };
}

export function defaultFilters(): DashboardFilters {
  return { preset: defaultPreset, from: null, to: null, dimensions: emptyDimensions(), hours: 'calendar' };
}

function isPreset(value: string | null): value is RangePreset {
  return (rangePresets as readonly string[]).includes(value ?? '');
}

function values(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (const raw of params.getAll(name)) {
    const value = raw.trim();
    if (value && value.length <= maxValueLength && !out.includes(value)) out.push(value);
    if (out.length === maxValuesPerDimension) break;
  }
  return out;
}

/**
 * The filters a query string holds. Anything unreadable falls back to its default rather than failing: a custom
 * range needs two real days in order (`from` ≤ `to`), else the default preset applies; `from`/`to` without
 * `range` mean a custom range.
 */
export function filtersFromQuery(params: URLSearchParams): DashboardFilters {
  const filters = defaultFilters();
  const range = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  const hasDates = from !== null || to !== null;
  if ((range === 'custom' || (range === null && hasDates)) && isIsoDay(from) && isIsoDay(to) && from <= to) {
    filters.preset = 'custom';
    filters.from = from;
    filters.to = to;
  } else if (isPreset(range) && range !== 'custom') {
    filters.preset = range;
  }
  for (const dimension of filterDimensions) filters.dimensions[dimension] = values(params, dimension);
  if (params.get('hours') === 'business') filters.hours = 'business';
  return filters;
}

/** Parameters this module owns; `filtersToQuery` replaces them and keeps every other one. */
export const filterParamNames: readonly string[] = ['range', 'from', 'to', ...filterDimensions, 'hours'];

/**
 * The query string for `filters`, in a fixed order (range, from, to, dimensions, hours), defaults left out,
 * followed by the parameters of `keep` this module does not own (a page's own, e.g. `metric=`), in their order.
 */
export function filtersToQuery(filters: DashboardFilters, keep?: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.preset === 'custom' && filters.from && filters.to) {
    out.set('from', filters.from);
    out.set('to', filters.to);
  } else if (filters.preset !== defaultPreset && filters.preset !== 'custom') {
    out.set('range', filters.preset);
  }
  for (const dimension of filterDimensions) for (const value of filters.dimensions[dimension]) out.append(dimension, value);
  if (filters.hours !== 'calendar') out.set('hours', filters.hours);
  if (keep) for (const [name, value] of keep) if (!filterParamNames.includes(name)) out.append(name, value);
  return out;
}

/** True when the two select the same data (the same query string). */
export function sameFilters(a: DashboardFilters, b: DashboardFilters): boolean {
  return filtersToQuery(a).toString() === filtersToQuery(b).toString();
}
