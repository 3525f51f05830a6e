// Formatting of dates and numbers for display. Pure and locale-fixed (English month names,
// en-GB digit grouping), so unit tests and exports see the same text as the screen.
// Dates are ISO calendar dates (`YYYY-MM-DD`) interpreted in UTC, as the API sends them.
import type { Grain } from '$api/contracts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const DAY_MS = 86_400_000;
const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Parses `YYYY-MM-DD` (anything after the date is ignored) to a UTC Date, or null. */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  return date ? toIsoDate(new Date(date.getTime() + days * DAY_MS)) : iso;
}

/** "6 Jan" */
export function formatDayMonth(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` : iso;
}

/** "6 Jan 2025" */
export function formatDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : iso;
}

export function yearOf(iso: string): number | null {
  return parseIsoDate(iso)?.getUTCFullYear() ?? null;
}

/** The period a row belongs to, in words: "Week of 6 Jan 2025", "January 2025", "Q1 2025". */
export function formatPeriod(iso: string, grain: Grain): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  switch (grain) {
    case 'day':
      return formatDate(iso);
    case 'week':
      return `Week of ${formatDate(iso)}`;
    case 'month':
      return `${MONTHS_LONG[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
  }
}

/** A short axis label for a period: "6 Jan" (day, week), "Jan" (month), "Q1" (quarter). */
export function formatPeriodShort(iso: string, grain: Grain): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  switch (grain) {
    case 'day':
    case 'week':
      return formatDayMonth(iso);
    case 'month':
      return MONTHS[d.getUTCMonth()] ?? iso;
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  }
}

/** "6 Jan – 19 Jan 2025" for the half-open range [from, to) the API reports. */
export function formatRange(from: string, toExclusive: string): string {
  const last = addDays(toExclusive, -1);
  if (yearOf(from) === yearOf(last)) return `${formatDayMonth(from)} – ${formatDate(last)}`;
  return `${formatDate(from)} – ${formatDate(last)}`;
}

/** "12,345" */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** The noun for `n` of it: "ticket" for 1, else "tickets" (or the plural given: "reply", "replies"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "1 comment", "0 comments", "1,234 comments": a count with its noun, singular only for exactly one. */
export function formatCountOf(n: number, one: string, many?: string): string {
  return `${formatCount(n)} ${plural(n, one, many)}`;
}

export type Unit = 'tickets' | 'minutes' | 'percent' | 'score';

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A duration in minutes, to the minute below 1 h, then "1 h 23 min", then "2 d 3 h". */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  if (total < 1440) {
    const m = total % 60;
    return m === 0 ? `${Math.floor(total / 60)} h` : `${Math.floor(total / 60)} h ${m} min`;
  }
  const hours = Math.round(total / 60);
  const h = hours % 24;
  return h === 0 ? `${Math.floor(hours / 24)} d` : `${Math.floor(hours / 24)} d ${h} h`;
}

/** A metric value in its unit: "1,234", "1 h 5 min", "12.5 %", "4.25"; "–" when nothing was measured. */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'tickets':
      return formatCount(value);
    case 'minutes':
      return formatMinutes(value);
    case 'percent':
      return `${oneDecimal.format(value)} %`;
    case 'score':
      return twoDecimals.format(value);
  }
}
