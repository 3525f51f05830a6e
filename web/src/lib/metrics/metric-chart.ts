// Pure helpers of MetricChartCard: its default title and what a chosen point is (for a drill-down).
import type { Grain } from '$api/contracts';
import type { PeriodCoverage } from '../charts/partial';
import { nextPeriod, noGroup, type SeriesMatrix } from '../charts/series-matrix';

const per: Record<Grain, string> = { day: 'per day', week: 'per week', month: 'per month', quarter: 'per quarter' };

/** "Tickets created per week, by channel" */
export function chartTitle(label: string, grain: Grain, by?: string): string {
  return `${label} ${per[grain]}${by ? `, by ${by.replaceAll('_', ' ')}` : ''}`;
}

/** A chosen chart point: the period's days and the group, as a drill-down narrows the view to them. */
export interface MetricPoint {
  /** First day of the period (inclusive). */
  from: string;
  /** Day after the period (exclusive), as the API's `to`. */
  to: string;
  /** The group's dimension and value (`channel`, `email`), or null for a single series or a Total column. */
  by: string | null;
  group: string | null;
  /** The group as people read it (an agent's name for its id), for the drill-down's title; default `group`. */
  groupName?: string;
  value: number | null;
  /** Tickets behind the value (the count a drill-down lists). */
  tickets: number;
  partial: boolean;
}

/**
 * The point at `period` and `group` (indices into the matrix; a group index past the last group means all groups,
 * a table's Total column). A partial period's days are its part of the range, so the tickets listed are those counted.
 * `groupName` names the group for the drill-down's title. The group without a value (no assignee) has no point: the
 * tickets API filters on values, and cannot ask for the tickets that have none.
 */
export function pointOf(
  matrix: SeriesMatrix,
  period: number,
  group: number,
  coverage?: readonly PeriodCoverage[],
  range?: { from: string; to: string },
  groupName?: (group: string) => string,
): MetricPoint | null {
  const start = matrix.periods[period];
  if (start === undefined) return null;
  const end = nextPeriod(start, matrix.grain) ?? start;
  const from = range && range.from > start ? range.from : start;
  const to = range && range.to < end ? range.to : end;
  const all = group >= matrix.groups.length;
  const grouped = !all && matrix.by !== null;
  const key = grouped ? (matrix.groups[group] ?? null) : null;
  if (key === noGroup) return null;
  return {
    from,
    to,
    by: grouped ? matrix.by : null,
    group: key,
    ...(key !== null && groupName ? { groupName: groupName(key) } : {}),
    value: all ? (matrix.additive ? (matrix.periodTotals[period] ?? 0) : null) : (matrix.values[group]?.[period] ?? null),
    tickets: all ? matrix.tickets.reduce((sum, row) => sum + (row[period] ?? 0), 0) : (matrix.tickets[group]?.[period] ?? 0),
    partial: coverage?.[period]?.partial ?? false,
  };
}
