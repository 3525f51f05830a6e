// UTC periods of a grain (day, week from Monday, month, quarter), stepped in TypeScript so that every period of a
// window is present in an answer, those without tickets included. DuckDB's date_trunc gives the same starts.
import { nextPeriod, periodStart as goalPeriodStart } from '../goals/periods.ts';
import type { Grain } from '../metrics/dimensions.ts';

const DAY = 86_400_000;

export function periodStart(grain: Grain, instant: Date): Date {
  if (grain === 'day') return new Date(Math.floor(instant.getTime() / DAY) * DAY);
  return goalPeriodStart(grain, instant);
}

/** The start of the period `n` periods after (or, negative, before) the one starting at `start`. */
export function shiftPeriods(grain: Grain, start: Date, n: number): Date {
  if (grain === 'day') return new Date(start.getTime() + n * DAY);
  if (grain === 'week') return new Date(start.getTime() + n * 7 * DAY);
  const months = n * (grain === 'month' ? 1 : 3);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
}

/** Every period start from the one holding `from` to the one holding `last`, both included. */
export function periodsBetween(grain: Grain, from: Date, last: Date): Date[] {
  const periods: Date[] = [];
  const end = periodStart(grain, last).getTime();
  for (let p = periodStart(grain, from); p.getTime() <= end; p = grain === 'day' ? shiftPeriods('day', p, 1) : nextPeriod(grain, p)) periods.push(p);
  return periods;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
