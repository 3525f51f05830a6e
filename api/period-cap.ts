// How many periods one request may ask for. The work of a series grows with its periods (the backlog, for one, is
// counted at the end of each), so a range of centuries by day would hold the server for minutes: it is refused
// up front with the maximum and the grains the range would fit in.
import { grains, type Grain } from '../sql/metrics/dimensions.ts';
import { ProblemError } from './problem.ts';

/** About 13½ years by day, 95 years by week. */
export const maxPeriods = 5_000;

const DAY = 86_400_000;

/** The periods of `grain` that [from, to) touches, counted as the series counts them (from the period holding `from`). */
export function periodsBetween(from: Date, to: Date, grain: Grain): number {
  const last = new Date(to.getTime() - 1);
  switch (grain) {
    case 'day':
      return Math.floor(last.getTime() / DAY) - Math.floor(from.getTime() / DAY) + 1;
    case 'week': {
      // Weeks start on Monday (ISO), as DuckDB's date_trunc('week', …) has them; 1970-01-05 was a Monday.
      const monday = 4 * DAY;
      return Math.floor((last.getTime() - monday) / (7 * DAY)) - Math.floor((from.getTime() - monday) / (7 * DAY)) + 1;
    }
    case 'month':
    case 'quarter': {
      const months = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
      const size = grain === 'month' ? 1 : 3;
      return Math.floor(months(last) / size) - Math.floor(months(from) / size) + 1;
    }
  }
}

/** Refuses a range holding more than `maxPeriods` periods of `grain`, naming a coarser grain it would fit in. */
export function checkPeriodCount(from: Date, to: Date, grain: Grain, parameter = 'grain'): void {
  const count = periodsBetween(from, to, grain);
  if (count <= maxPeriods) return;
  const coarser = grains.slice(grains.indexOf(grain) + 1).find((g) => periodsBetween(from, to, g) <= maxPeriods);
  const advice = coarser ? `ask for grain=${coarser}, or a shorter range` : 'ask for a shorter range';
  throw new ProblemError(
    400,
    'Range too long',
    `${parameter}: the range from ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)} holds ${count} ${grain}s; ` +
      `a request may ask for at most ${maxPeriods} periods: ${advice}.`,
    {
      issues: [{ parameter, message: `at most ${maxPeriods} periods; this range holds ${count} ${grain}s` }],
      max_periods: maxPeriods,
      periods: count,
      ...(coarser ? { suggested_grain: coarser } : {}),
    },
  );
}
