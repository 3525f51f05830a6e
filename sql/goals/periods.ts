// The periods a goal is judged over (UTC weeks from Monday, months, quarters), and which version judges each.
export type GoalPeriodKind = 'week' | 'month' | 'quarter';

const DAY = 86_400_000;

/** The UTC instant a period starts at, for the period containing `day`. */
export function periodStart(period: GoalPeriodKind, day: Date): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  if (period === 'month') return new Date(Date.UTC(y, m, 1));
  if (period === 'quarter') return new Date(Date.UTC(y, m - (m % 3), 1));
  const midnight = Date.UTC(y, m, day.getUTCDate());
  return new Date(midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY);
}

export function nextPeriod(period: GoalPeriodKind, start: Date): Date {
  if (period === 'week') return new Date(start.getTime() + 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (period === 'month' ? 1 : 3), 1));
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface PeriodSpan {
  start: Date;
  end: Date;
}

/** The span of one version's definition: its period kind, first and last day. */
export interface VersionSpan {
  period: GoalPeriodKind;
  starts_on: string;
  ends_on: string | null;
}

/**
 * The periods a version judges as of `now`: those of its own definition that have begun (by `now` and by its last
 * day), and that end after it took over (`takesOverAt`; null for the first version, which judges every earlier
 * period) and no later than the next version took over (`handsOverAt`; null for the current version).
 */
export function versionPeriods(span: VersionSpan, takesOverAt: Date | null, handsOverAt: Date | null, now: Date): PeriodSpan[] {
  const first = periodStart(span.period, new Date(`${span.starts_on}T00:00:00Z`));
  const lastDay = span.ends_on ? Math.min(now.getTime(), new Date(`${span.ends_on}T00:00:00Z`).getTime() + DAY - 1) : now.getTime();
  const periods: PeriodSpan[] = [];
  for (let start = first; start.getTime() <= lastDay; start = nextPeriod(span.period, start)) {
    const end = nextPeriod(span.period, start);
    if (takesOverAt && end <= takesOverAt) continue;
    if (handsOverAt && end > handsOverAt) break;
    periods.push({ start, end });
  }
  return periods;
}
