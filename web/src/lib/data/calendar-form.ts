// A team's business calendar as a form and back: each weekday's open hours and each holiday's hours are one text
// field ("08:00–12:00, 13:00–17:00"), so a manager types hours rather than building nested lists. `calendarBody`
// turns the form into `PUT /api/teams/:id/calendar`'s body (or says which fields it cannot read), and
// `fieldErrors` places the API's problem `issues` beside the fields they name.
import type { z } from 'zod';
import type { calendarResponseSchema } from '$api/contracts';

export type Calendar = z.infer<typeof calendarResponseSchema>;
export type Interval = [string, string];

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

export interface HolidayForm {
  day: string;
  name: string;
  /** Empty: closed all day. */
  hours: string;
}

export interface CalendarForm {
  weekly: Record<Weekday, string>;
  holidays: HolidayForm[];
}

/** "08:00–12:00, 13:00–17:00"; no intervals is the empty text (closed). */
export function intervalsText(intervals: readonly Interval[] | undefined): string {
  return (intervals ?? []).map(([opens, closes]) => `${opens}–${closes}`).join(', ');
}

/** The text's intervals, or null when a part is not "HH:MM–HH:MM" (a hyphen or "to" also separates). */
export function parseIntervals(text: string): Interval[] | null {
  const parts = text.split(/[,;]/).map((part) => part.trim()).filter(Boolean);
  const intervals: Interval[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}:\d{2})\s*(?:–|—|-|to)\s*(\d{1,2}:\d{2})$/i.exec(part);
    if (!match) return null;
    intervals.push([match[1]!.padStart(5, '0'), match[2]!.padStart(5, '0')]);
  }
  return intervals;
}

export function calendarForm(calendar: Calendar): CalendarForm {
  const weekly = Object.fromEntries(weekdays.map((day) => [day, intervalsText(calendar.weekly[day] as Interval[] | undefined)])) as Record<Weekday, string>;
  return { weekly, holidays: calendar.holidays.map((h) => ({ day: h.day, name: h.name, hours: intervalsText(h.hours as Interval[]) })) };
}

/** Field key → messages; the keys are `weekly.<day>`, `holidays.<i>.<day|name|hours>`, `holidays`, or '' for the whole form. */
export type FieldErrors = Record<string, string[]>;

const unreadable = 'write hours as HH:MM–HH:MM, several separated by commas';

/** The API body, or the fields that cannot be read as hours. Closed weekdays are left out (the API reads them as closed). */
export function calendarBody(form: CalendarForm): { body: Calendar } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const weekly: Calendar['weekly'] = {};
  for (const day of weekdays) {
    const intervals = parseIntervals(form.weekly[day]);
    if (!intervals) errors[`weekly.${day}`] = [unreadable];
    else if (intervals.length > 0) weekly[day] = intervals;
  }
  const holidays = form.holidays.map((holiday, i) => {
    const hours = parseIntervals(holiday.hours);
    if (!hours) errors[`holidays.${i}.hours`] = [unreadable];
    return { day: holiday.day.trim(), name: holiday.name.trim(), hours: hours ?? [] };
  });
  return Object.keys(errors).length > 0 ? { errors } : { body: { weekly, holidays } };
}

/** Where an issue's parameter (`weekly.mon.0`, `holidays.2.day`) is shown: the field it belongs to. */
export function fieldOf(parameter: string): string {
  const parts = parameter.split('.');
  if (parts[0] === 'weekly' && parts[1]) return `weekly.${parts[1]}`;
  if (parts[0] === 'holidays') {
    if (parts[1] === undefined || !/^\d+$/.test(parts[1])) return 'holidays';
    const field = parts[2];
    return field === 'day' || field === 'name' || field === 'hours' ? `holidays.${parts[1]}.${field}` : `holidays.${parts[1]}.day`;
  }
  return '';
}

/** A 400 problem's `issues` ([{ parameter, message }], api/validation.ts) by field; other problems go to the form. */
export function fieldErrors(problem: { detail?: string; title: string; issues?: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  const issues = Array.isArray(problem.issues) ? (problem.issues as { parameter?: unknown; message?: unknown }[]) : [];
  for (const issue of issues) {
    if (typeof issue.message !== 'string') continue;
    const key = fieldOf(typeof issue.parameter === 'string' ? issue.parameter : '');
    (errors[key] ??= []).push(issue.message);
  }
  if (Object.keys(errors).length === 0) errors[''] = [problem.detail ?? problem.title];
  return errors;
}
