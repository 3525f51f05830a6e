// The Data page's pure pieces: an import's state and progress in words, the rejects CSV, the columns and mapping
// skeleton of an unrecognised upload, and the calendar form ⇄ the API's body and problem. Expected values by hand.
import { describe, expect, it } from 'vitest';
import type { ImportResponse } from '../../api/contracts';
import { calendarBody, calendarForm, fieldErrors, parseIntervals, type CalendarForm } from '../../web/src/lib/data/calendar-form';
import { countsText, formatInstant, lastLoadedAt, progressFraction, progressText, stateBadge } from '../../web/src/lib/data/import-status';
import { rejectsCsv } from '../../web/src/lib/data/rejects-csv';
import { columnsFromProblem, skeletonText } from '../../web/src/lib/data/unrecognised-export';

type Job = Pick<ImportResponse, 'state' | 'progress' | 'step' | 'error' | 'rows'>;
const base: Job = { state: 'queued', progress: null, step: null, error: null, rows: null };
const rows = { read: 8, inserted: 5, updated: 0, unchanged: 0, rejected: 3 };

describe('import status', () => {
  it('says every state in a word with an icon', () => {
    expect(stateBadge('committed')).toEqual({ word: 'Committed', icon: '✓', tone: 'good' });
    expect(stateBadge('failed').word).toBe('Failed');
    expect(stateBadge('dry_run').word).toBe('Dry run');
    expect(stateBadge('interrupted').word).toBe('Interrupted');
  });

  it('tells a running load by its phase, percent and last step', () => {
    const loading: Job = { ...base, state: 'loading', step: 'validated', progress: { phase: 'merging', fraction: 0.627, seconds: 3, bytes_read: 10, rows: 8 } };
    expect(progressFraction(loading)).toBe(0.627);
    expect(progressText(loading)).toBe('Loading: merging, 62 % (last step done: validated)');
    expect(progressText({ ...base, state: 'loading' })).toBe('Loading: starting, 0 %');
  });

  it('fills the bar once finished and empties it while queued', () => {
    expect(progressFraction({ state: 'committed', progress: null })).toBe(1);
    expect(progressFraction({ state: 'queued', progress: null })).toBe(0);
    expect(progressFraction({ state: 'loading', progress: { phase: 'reading', fraction: 1.2, seconds: 0, bytes_read: 0, rows: null } })).toBe(1);
  });

  it('ends with the counts or the reason', () => {
    expect(countsText(rows)).toBe('8 read, 5 new, 0 updated, 0 unchanged, 3 rejected');
    expect(progressText({ ...base, state: 'committed', step: 'facts', rows })).toBe('Committed: 8 read, 5 new, 0 updated, 0 unchanged, 3 rejected');
    expect(progressText({ ...base, state: 'dry_run', rows: { ...rows, rejected: 0 } })).toBe('Dry run, nothing stored: 8 read, 5 new, 0 updated, 0 unchanged, 0 rejected');
    expect(progressText({ ...base, state: 'failed', error: 'disk full' })).toBe('Failed: disk full');
  });
});

describe('freshness', () => {
  it('says an instant in UTC', () => {
    expect(formatInstant('2026-01-05T09:04:00.000Z')).toBe('5 Jan 2026, 09:04 UTC');
    expect(formatInstant('2026-01-05T23:30:00+02:00')).toBe('5 Jan 2026, 21:30 UTC');
    expect(formatInstant(null)).toBe('—');
  });

  it('takes the last load time from committed loads only', () => {
    expect(
      lastLoadedAt([
        { state: 'loading', finished_at: null },
        { state: 'dry_run', finished_at: '2026-03-01T10:00:00Z' },
        { state: 'committed', finished_at: '2026-02-01T10:00:00Z' },
        { state: 'failed', finished_at: '2026-02-20T10:00:00Z' },
        { state: 'committed', finished_at: '2026-02-10T08:00:00Z' },
      ]),
    ).toBe('2026-02-10T08:00:00Z');
    expect(lastLoadedAt([{ state: 'failed', finished_at: '2026-02-20T10:00:00Z' }])).toBeNull();
  });
});

describe('rejects CSV', () => {
  it('has a header and one defused, quoted row per reject', () => {
    const csv = rejectsCsv([
      { line: 8, column: 'Created at', value: 'yesterday', reason: 'not a timestamp' },
      { line: 10, column: 'Via', value: '=HYPERLINK("x")', reason: 'unknown channel, "Carrier pigeon"' },
      { line: null, column: null, value: null, reason: 'duplicate' },
    ]);
    expect(csv).toBe(
      'line,column,value,reason\r\n' +
        '8,Created at,yesterday,not a timestamp\r\n' +
        '10,Via,"\'=HYPERLINK(""x"")","unknown channel, ""Carrier pigeon"""\r\n' +
        ',,,duplicate\r\n',
    );
  });
});

describe('an unrecognised upload', () => {
  const detail =
    'cases.csv: is not a known export. Columns found: "Case Number", "Opened", "State". Write a mapping file (start from `npm run load -- cases.csv --print-mapping`) and pass it with --mapping.';

  it('reads the columns the 422 problem names', () => {
    expect(columnsFromProblem({ status: 422, detail })).toEqual(['Case Number', 'Opened', 'State']);
    expect(columnsFromProblem({ status: 415, detail })).toBeNull();
    expect(columnsFromProblem({ status: 422, detail: 'cases.csv: line 3 is longer than 1 MiB.' })).toBeNull();
  });

  it('offers the CLI skeleton for them, the required fields it cannot place named as placeholders', () => {
    expect(JSON.parse(skeletonText(['Case Number', 'Opened', 'State']))).toEqual({
      source: 'my_helpdesk',
      kind: 'tickets',
      fields: { external_id: 'Case Number', created_at: 'Opened', status: 'State', channel: '<column holding channel>' },
    });
  });
});

describe('calendar form', () => {
  const calendar = {
    weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']] as [string, string][], fri: [['08:00', '14:00']] as [string, string][] },
    holidays: [{ day: '2026-12-24', name: 'Christmas Eve', hours: [['09:00', '12:00']] as [string, string][] }, { day: '2026-12-25', name: 'Christmas', hours: [] }],
  };

  it('shows each day and holiday as one line of hours', () => {
    const form = calendarForm(calendar);
    expect(form.weekly).toEqual({ mon: '08:00–12:00, 13:00–17:00', tue: '', wed: '', thu: '', fri: '08:00–14:00', sat: '', sun: '' });
    expect(form.holidays).toEqual([
      { day: '2026-12-24', name: 'Christmas Eve', hours: '09:00–12:00' },
      { day: '2026-12-25', name: 'Christmas', hours: '' },
    ]);
  });

  it('turns the form back into the same body', () => {
    expect(calendarBody(calendarForm(calendar))).toEqual({ body: calendar });
  });

  it('reads hyphens, "to" and single-digit hours', () => {
    expect(parseIntervals('8:00-12:00; 13:00 to 17:30')).toEqual([['08:00', '12:00'], ['13:00', '17:30']]);
    expect(parseIntervals('  ')).toEqual([]);
    expect(parseIntervals('8 to 5')).toBeNull();
  });

  it('names the fields it cannot read instead of sending them', () => {
    const form: CalendarForm = { ...calendarForm(calendar), holidays: [{ day: '2026-12-24', name: 'Eve', hours: 'morning' }] };
    form.weekly.tue = 'nine to five';
    expect(calendarBody(form)).toEqual({
      errors: { 'weekly.tue': ['write hours as HH:MM–HH:MM, several separated by commas'], 'holidays.0.hours': ['write hours as HH:MM–HH:MM, several separated by commas'] },
    });
  });

  it("places the API's issues beside their fields", () => {
    const problem = {
      title: 'Invalid request',
      detail: 'weekly.mon: 08:00–12:00 overlaps 11:00–13:00',
      issues: [
        { parameter: 'weekly.mon', message: '08:00–12:00 overlaps 11:00–13:00' },
        { parameter: 'holidays.1.day', message: '2026-12-24 is listed twice (also at holidays.0)' },
        { parameter: 'holidays.0.hours.0.1', message: 'expected HH:MM (00:00–24:00)' },
        { parameter: 'holidays', message: 'Too big' },
        { parameter: 'colour', message: 'Unrecognized key' },
      ],
    };
    expect(fieldErrors(problem)).toEqual({
      'weekly.mon': ['08:00–12:00 overlaps 11:00–13:00'],
      'holidays.1.day': ['2026-12-24 is listed twice (also at holidays.0)'],
      'holidays.0.hours': ['expected HH:MM (00:00–24:00)'],
      holidays: ['Too big'],
      '': ['Unrecognized key'],
    });
    expect(fieldErrors({ title: 'Not found', detail: 'There is no team "x".' })).toEqual({ '': ['There is no team "x".'] });
  });
});
