// The monthly report's month and its comparisons. Pure: months are `YYYY-MM`, days `YYYY-MM-DD` (UTC).
import { judge, type Comparator } from './judge';
import type { GoalStatus } from './status';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string | null | undefined): text is string {
  return !!text && monthPattern.test(text);
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month's days as the API reads a range: first day inclusive, first day of the next month exclusive. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: `${addMonths(month, 1)}-01` };
}

/** The last complete month of data: the month of `lastDay` when it is that month's last day, else the month before. */
export function lastCompleteMonth(lastDay: string): string {
  const month = lastDay.slice(0, 7);
  const nextDay = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 7);
  return nextDay !== month ? month : addMonths(month, -1);
}

/** The month the report shows: the one asked for (`?month=`) when valid, else the last complete month of data. */
export function chooseReportMonth(asked: string | null, lastDay: string | null): string | null {
  if (isMonth(asked)) return asked;
  return lastDay ? lastCompleteMonth(lastDay) : null;
}

/** `count` months ending with `month`, oldest first. */
export function trailingMonths(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

export interface GoalMonth {
  month: string;
  value: number | null;
  status: GoalStatus;
}

/** Each month's value judged against the target; a month without a row has no data. */
export function judgeMonths(months: readonly string[], values: ReadonlyMap<string, number | null>, comparator: Comparator, target: number): GoalMonth[] {
  return months.map((month) => {
    const value = values.get(month) ?? null;
    return { month, value, status: judge(value, comparator, target) };
  });
}

export interface GoalTrend {
  goal_id: number;
  name: string;
  target: number;
  months: GoalMonth[];
}

export interface NotableChange {
  goal_id: number;
  name: string;
  from: GoalMonth;
  to: GoalMonth;
  /** The move as a share of the target (0.25 = a quarter of the target), signed as the value moved. */
  moveOfTarget: number | null;
  statusChanged: boolean;
}

/**
 * The report month against the month before, per goal: goals whose status changed first, then the biggest moves
 * (measured against each goal's own target, so minutes and percentages compare), at most `limit`. A goal with
 * no value in either month has no move; it is listed only when its status changed.
 */
export function notableChanges(trends: readonly GoalTrend[], limit = 5): NotableChange[] {
  const changes: NotableChange[] = [];
  for (const trend of trends) {
    const to = trend.months.at(-1);
    const from = trend.months.at(-2);
    if (!to || !from) continue;
    const moveOfTarget =
      to.value !== null && from.value !== null && trend.target !== 0 ? (to.value - from.value) / Math.abs(trend.target) : null;
    const statusChanged = to.status !== from.status;
    if (!statusChanged && (moveOfTarget === null || moveOfTarget === 0)) continue;
    changes.push({ goal_id: trend.goal_id, name: trend.name, from, to, moveOfTarget, statusChanged });
  }
  const size = (c: NotableChange) => Math.abs(c.moveOfTarget ?? 0);
  changes.sort((a, b) => Number(b.statusChanged) - Number(a.statusChanged) || size(b) - size(a) || a.goal_id - b.goal_id);
  return changes.slice(0, limit);
}
