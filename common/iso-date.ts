// Calendar dates as the API and the organisation file write them (YYYY-MM-DD): one schema, so an impossible day
// (2024-02-30, 2024-13-45) is refused where it is read, never rolled over by JavaScript (Feb 30 → Mar 1) nor left
// for DuckDB to reject mid-statement.
import { z } from 'zod';

/** The years a date may name: no helpdesk data is older, and nothing plans further ahead. */
export const earliestDate = '1900-01-01';
export const latestDate = '2999-12-31';

/** Whether `text` is YYYY-MM-DD naming a day that exists (leap years included). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'not a real date (no such day in the calendar)', abort: true })
  .refine((text) => text >= earliestDate && text <= latestDate, `expected a date from ${earliestDate} to ${latestDate}`)
  .meta({ format: 'date', description: `An ISO date (YYYY-MM-DD), ${earliestDate} to ${latestDate}.` });

/** A holiday is a day of the team's own calendar: it runs from the team's local midnight to the next. */
export const teamLocalDate = isoDate.meta({
  format: 'date',
  description: "The team's local date (YYYY-MM-DD) in the team's time zone: the holiday runs from its local midnight to the next.",
});
