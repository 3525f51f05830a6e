// A `SeriesResponse` as a dense period × group matrix: the one shape the chart, the data table
// and the CSV export are all built from, so the three always show the same numbers.
import type { Grain, SeriesResponse } from '$api/contracts';
import { compareGroups } from './palette';
import { parseIsoDate, toIsoDate } from '../format';

export interface SeriesMatrix {
  grain: Grain;
  /** The dimension the groups come from (`channel`), or null for a single series. */
  by: string | null;
  /** Ascending ISO dates; every period of the reported range, including periods without rows. */
  periods: string[];
  /** Display order: channels in canonical order, then other groups alphabetically; `noGroup` last. */
  groups: string[];
  /** True for counts: values add up across groups and periods, and a missing row is 0. */
  additive: boolean;
  /**
   * `values[g][p]`: the value of group `g` in period `p`. For counts a missing row or a null value is 0; for
   * medians, rates and scores it is null (no tickets measured is not a value of 0).
   */
  values: (number | null)[][];
  /** `tickets[g][p]`, same layout as `values`. */
  tickets: number[][];
  /** Sums over groups, periods and both; meaningful for counts only (`additive`), 0 where nothing was measured. */
  periodTotals: number[];
  groupTotals: number[];
  total: number;
}

/** Upper bound on generated periods, so a malformed range cannot run away. */
const MAX_PERIODS = 5000;

/** The start of the period `iso` falls in (weeks start on Monday, ISO 8601). */
export function periodStart(iso: string, grain: Grain): string | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (grain) {
    case 'day':
      return toIsoDate(d);
    case 'week': {
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return toIsoDate(new Date(Date.UTC(y, m, d.getUTCDate() - sinceMonday)));
    }
    case 'month':
      return toIsoDate(new Date(Date.UTC(y, m, 1)));
    case 'quarter':
      return toIsoDate(new Date(Date.UTC(y, m - (m % 3), 1)));
  }
}

export function nextPeriod(iso: string, grain: Grain): string | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  switch (grain) {
    case 'day':
      return toIsoDate(new Date(Date.UTC(y, m, day + 1)));
    case 'week':
      return toIsoDate(new Date(Date.UTC(y, m, day + 7)));
    case 'month':
      return toIsoDate(new Date(Date.UTC(y, m + 1, 1)));
    case 'quarter':
      return toIsoDate(new Date(Date.UTC(y, m + 3, 1)));
  }
}

/** Every period start in the half-open range [from, to). Empty when the range is not valid. */
export function periodsInRange(from: string, to: string, grain: Grain): string[] {
  const out: string[] = [];
  let p = periodStart(from, grain);
  while (p !== null && p < to && out.length < MAX_PERIODS) {
    out.push(p);
    p = nextPeriod(p, grain);
  }
  return out;
}

/**
 * The group of a grouped series' rows without a value (the API's null group: tickets without an assignee, a team): an
 * empty CSV cell, named "Unassigned" (or "None") by `valueName`.
 */
export const noGroup = '';

/** The key a row's group is kept under: the group, `noGroup` for a grouped row without one, or the metric's label for a single series. */
export function groupLabel(response: SeriesResponse, group: string | null): string {
  return group ?? (response.by === null ? response.metric.label : noGroup);
}

export function toMatrix(response: SeriesResponse): SeriesMatrix {
  const periodSet = new Set(periodsInRange(response.from, response.to, response.grain));
  const groupSet = new Set<string>();
  for (const row of response.rows) {
    periodSet.add(row.period.slice(0, 10));
    groupSet.add(groupLabel(response, row.group));
  }
  const periods = [...periodSet].sort();
  // The group without a value last, as the API orders it (NULLS LAST).
  const groups = [...groupSet].sort((a, b) => Number(a === noGroup) - Number(b === noGroup) || compareGroups(a, b));
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const groupIndex = new Map(groups.map((g, i) => [g, i]));

  const additive = response.metric.aggregation === 'count';
  const values: (number | null)[][] = groups.map(() => periods.map(() => (additive ? 0 : null)));
  const tickets = groups.map(() => periods.map(() => 0));
  for (const row of response.rows) {
    const p = periodIndex.get(row.period.slice(0, 10));
    const g = groupIndex.get(groupLabel(response, row.group));
    if (p === undefined || g === undefined) continue; // unreachable: both sets hold every row
    // The API sends one row per period and group; a count adds up should it ever send two.
    values[g]![p] = additive ? (values[g]![p] ?? 0) + (row.value ?? 0) : row.value;
    tickets[g]![p]! += row.tickets;
  }

  const periodTotals = periods.map((_, p) => values.reduce((sum, series) => sum + (series[p] ?? 0), 0));
  const groupTotals = values.map((series) => series.reduce<number>((sum, v) => sum + (v ?? 0), 0));
  const total = groupTotals.reduce((sum, v) => sum + v, 0);
  return { grain: response.grain, by: response.by, periods, groups, additive, values, tickets, periodTotals, groupTotals, total };
}
