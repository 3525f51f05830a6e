// Which periods of a chart are partial: a week, month or quarter of which only some days are in the range or hold
// data (the range starts mid-week, the newest data is a Wednesday). Such a period is drawn marked as partial, so
// that its smaller count is not read as a drop.
import type { Grain } from '$api/contracts';
import type { DataExtent, DayRange } from '../filters/presets';
import { nextPeriod } from './series-matrix';

const DAY_MS = 86_400_000;

export interface PeriodCoverage {
  /** True when fewer days than the period has are counted. */
  partial: boolean;
  /** Days of the period counted (in the range and within the data's days). */
  days: number;
  /** Days the period has. */
  of: number;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/**
 * Coverage of each period (ISO start dates of `grain`) by the days the chart counts: the range [from, to),
 * narrowed to the days holding data when the extent is known.
 */
export function periodCoverage(periods: readonly string[], grain: Grain, range: DayRange, extent?: DataExtent | null): PeriodCoverage[] {
  let start = range.from;
  let end = range.to;
  if (extent?.first_day && extent.first_day > start) start = extent.first_day;
  if (extent?.last_day) {
    const afterLast = new Date((dayNumber(extent.last_day) + 1) * DAY_MS).toISOString().slice(0, 10);
    if (afterLast < end) end = afterLast;
  }
  return periods.map((period) => {
    const next = nextPeriod(period, grain) ?? period;
    const of = dayNumber(next) - dayNumber(period);
    const from = period > start ? period : start;
    const to = next < end ? next : end;
    const days = Math.max(0, dayNumber(to) - dayNumber(from));
    return { partial: days < of, days, of };
  });
}
