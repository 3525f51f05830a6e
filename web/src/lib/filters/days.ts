// Calendar days as `YYYY-MM-DD` text in UTC, the form the API and the URL use.
import { parseIsoDate, toIsoDate } from '../format';

/** A real calendar day written `YYYY-MM-DD` (not 2025-02-30), in the API's years (1900–2999). */
export function isIsoDay(text: string | null | undefined): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = parseIsoDate(text);
  if (!date || toIsoDate(date) !== text) return false;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2999;
}

/** Today's date in UTC (the API's days are UTC days). */
export function todayUtc(now: Date = new Date()): string {
  return toIsoDate(now);
}
