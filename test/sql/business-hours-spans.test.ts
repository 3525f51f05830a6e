// Business time laid out per spanned day (sql/transforms/business-days-wanted.sql): teams whose tickets lie years
// apart, a ticket open for a year, holidays with and without hours, DST changes, a long closure an SLA clock runs
// into, and a clock that cannot run out before the facts' horizon. The facts' business minutes and SLA deadlines
// must equal a walk over each team's open intervals in plain TypeScript (instants from the platform's Intl data,
// test/helpers/zoned-time.ts), and no team's days are laid out where it has no ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { recomputeFactsOf } from '../../sql/facts.ts';
import { freshDb } from '../helpers/db.ts';
import { zonedIso } from '../helpers/zoned-time.ts';

type Hours = Array<[string, string]>;

interface Team {
  id: string;
  zone: string;
  /** ISO weekday (1 = Monday) → local opening hours. */
  weekly: Record<number, Hours>;
  /** Local dates closed all day. */
  closed: string[];
  /** Local dates open only these hours. */
  special: Record<string, Hours>;
}

interface Ticket {
  id: number;
  team: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  created: string;
  firstResponse: string | null;
  solved: string | null;
}

const weekdays = (days: number[], hours: Hours) => Object.fromEntries(days.map((day) => [day, hours]));
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every local date from `from` to `to` (inclusive), as UTC midnights of those dates. */
function* dates(from: string, to: string) {
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY) yield ms;
}

const closure = (from: string, to: string) => [...dates(from, to)].map(isoDay);

const teams: Team[] = [
  {
    // Tickets in 2019 only (and one open for a year, into 2020); Easter and Christmas, CET → CEST on 31 March 2019.
    id: 'oslo', zone: 'Europe/Oslo', weekly: weekdays([1, 2, 3, 4, 5], [['08:00', '16:00']]),
    closed: ['2019-04-18', '2019-04-19', '2019-04-22', '2019-05-01', '2019-05-17', '2019-12-25', '2019-12-26', '2020-01-01'],
    special: { '2019-12-24': [['09:00', '12:00']] },
  },
  {
    // Tickets in 2026; a lunch break, MDT → MST on 1 November 2026, Thanksgiving closed and the day after short.
    id: 'denver', zone: 'America/Denver', weekly: weekdays([1, 2, 3, 4, 5], [['09:00', '12:00'], ['13:00', '17:00']]),
    closed: ['2026-11-26', '2026-12-25'], special: { '2026-11-27': [['09:00', '13:00']] },
  },
  {
    // Tickets in 2022, a half-hour zone, open on Saturdays.
    id: 'kolkata', zone: 'Asia/Kolkata', weekly: weekdays([1, 2, 3, 4, 5, 6], [['10:00', '18:00']]), closed: ['2022-06-15'], special: {},
  },
  {
    // Tickets in December 2024, then closed for five weeks: a clock runs into the closure and out after it.
    id: 'wellington', zone: 'Pacific/Auckland', weekly: weekdays([1, 2, 3, 4, 5], [['09:00', '17:00']]),
    closed: closure('2024-12-20', '2025-01-26'), special: {},
  },
  {
    // Half an hour a week: a low-priority resolution clock cannot run out before the facts' horizon.
    id: 'sundays', zone: 'UTC', weekly: { 7: [['10:00', '10:30']] }, closed: [], special: {},
  },
];

const tickets: Ticket[] = [
  { id: 1, team: 'oslo', priority: 'normal', created: '2019-03-29T14:30:00Z', firstResponse: '2019-04-01T07:15:00Z', solved: '2019-04-24T10:00:00Z' },
  { id: 2, team: 'oslo', priority: 'low', created: '2019-02-11T09:00:00Z', firstResponse: '2019-02-11T12:00:00Z', solved: '2020-02-14T13:00:00Z' },
  { id: 3, team: 'oslo', priority: 'low', created: '2019-12-23T13:00:00Z', firstResponse: null, solved: '2019-12-27T09:00:00Z' },
  { id: 4, team: 'denver', priority: 'high', created: '2026-10-30T21:00:00Z', firstResponse: '2026-11-02T17:00:00Z', solved: '2026-11-30T18:00:00Z' },
  // Open: its clocks run out after its last instant, across Thanksgiving.
  { id: 5, team: 'denver', priority: 'normal', created: '2026-11-25T22:00:00Z', firstResponse: null, solved: null },
  { id: 6, team: 'kolkata', priority: 'urgent', created: '2022-06-10T03:00:00Z', firstResponse: '2022-06-10T03:20:00Z', solved: '2022-06-20T12:00:00Z' },
  { id: 7, team: 'wellington', priority: 'low', created: '2024-12-18T21:00:00Z', firstResponse: '2024-12-18T22:00:00Z', solved: '2024-12-19T03:00:00Z' },
  { id: 8, team: 'wellington', priority: 'high', created: '2024-12-19T02:00:00Z', firstResponse: null, solved: null },
  { id: 9, team: 'sundays', priority: 'low', created: '2026-11-20T12:00:00Z', firstResponse: null, solved: null },
];

/** One policy, all business minutes. */
const policy = {
  urgent: { first_response: 60, resolution: 240 },
  high: { first_response: 120, resolution: 960 },
  normal: { first_response: 480, resolution: 2880 },
  low: { first_response: 1440, resolution: 7200 },
};

// ── the independent computation ──────────────────────────────────────────────────────────────────────────────────

/** A team's open intervals (instants, ms) of the local dates `from` to `to`. */
function openIntervals(team: Team, from: string, to: string): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  for (const ms of dates(from, to)) {
    const date = isoDay(ms);
    const weekday = ((new Date(ms).getUTCDay() + 6) % 7) + 1;
    const hours = team.special[date] ?? (team.closed.includes(date) ? [] : (team.weekly[weekday] ?? []));
    for (const [opens, closes] of hours) intervals.push([instantOf(date, opens, team.zone), instantOf(date, closes, team.zone)]);
  }
  return intervals;
}

function instantOf(date: string, time: string, zone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.parse(zonedIso([y, mo, d, h, mi, 0, 0], zone));
}

const openBetween = (intervals: Array<[number, number]>, a: number, b: number) =>
  intervals.reduce((sum, [opens, closes]) => sum + Math.max(0, Math.min(b, closes) - Math.max(a, opens)), 0);

/** When `minutes` of open time from `start` have passed; null when the intervals run out first. */
function dueAfter(intervals: Array<[number, number]>, start: number, minutes: number): number | null {
  let remaining = minutes * 60_000;
  for (const [opens, closes] of intervals) {
    if (closes <= start) continue;
    const from = Math.max(start, opens);
    if (remaining <= closes - from) return from + remaining;
    remaining -= closes - from;
  }
  return null;
}

function expectedFacts(horizonDay: string) {
  const intervalsOf = new Map(teams.map((team) => [team.id, openIntervals(team, '2018-12-01', horizonDay)]));
  const seconds = (intervals: Array<[number, number]>, a: string, b: string | null) => (b === null ? null : openBetween(intervals, Date.parse(a), Date.parse(b)) / 1000);
  const due = (intervals: Array<[number, number]>, start: string, minutes: number) => {
    const at = dueAfter(intervals, Date.parse(start), minutes);
    return at === null ? null : new Date(at).toISOString();
  };
  return Object.fromEntries(
    tickets.map((t) => {
      const intervals = intervalsOf.get(t.team)!;
      return [
        t.id,
        {
          first_response: seconds(intervals, t.created, t.firstResponse),
          first_resolution: seconds(intervals, t.created, t.solved),
          full_resolution: seconds(intervals, t.created, t.solved),
          first_response_due: due(intervals, t.created, policy[t.priority].first_response),
          resolution_due: due(intervals, t.created, policy[t.priority].resolution),
        },
      ];
    }),
  );
}

// ── the engine ───────────────────────────────────────────────────────────────────────────────────────────────────

let db: Database;
let facts: Record<string, unknown>;
let laidOut: Array<{ team_id: string; first_day: string; last_day: string }>;
let horizonDay: string;

beforeAll(async () => {
  db = await freshDb();
  const result = await db.write(async (tx) => {
    for (const team of teams) {
      await tx.run(`INSERT INTO teams (team_id, name, time_zone, provider_kind) VALUES ($id, $id, $zone, 'in_house')`, { id: team.id, zone: team.zone });
      for (const [weekday, hours] of Object.entries(team.weekly)) {
        for (const [opens, closes] of hours) {
          await tx.run('INSERT INTO calendars VALUES ($id, $weekday, $opens::TIME, $closes::TIME)', { id: team.id, weekday: Number(weekday), opens, closes });
        }
      }
      for (const day of [...team.closed, ...Object.keys(team.special)]) {
        await tx.run(`INSERT INTO calendar_holidays VALUES ($id, $day::DATE, 'holiday')`, { id: team.id, day });
      }
      for (const [day, hours] of Object.entries(team.special)) {
        for (const [opens, closes] of hours) {
          await tx.run('INSERT INTO calendar_holiday_hours VALUES ($id, $day::DATE, $opens::TIME, $closes::TIME)', { id: team.id, day, opens, closes });
        }
      }
    }
    for (const [priority, targets] of Object.entries(policy)) {
      for (const [target, minutes] of Object.entries(targets)) {
        await tx.run(`INSERT INTO sla_policies VALUES ('standard', $priority, $target, $minutes, 'business')`, { priority, target, minutes });
      }
    }
    for (const t of tickets) {
      await tx.run(
        `INSERT INTO tickets (ticket_id, source, external_id, created_at, first_response_at, first_solved_at, solved_at, status, channel,
                              priority, team_id, row_hash, load_id)
         VALUES ($id, 'test', $id::VARCHAR, $created::TIMESTAMPTZ, $first_response::TIMESTAMPTZ, $solved::TIMESTAMPTZ, $solved::TIMESTAMPTZ,
                 $status, 'email', $priority, $team, 'h', 0)`,
        { id: t.id, created: t.created, first_response: t.firstResponse, solved: t.solved, status: t.solved ? 'solved' : 'open', priority: t.priority, team: t.team },
      );
    }
    // The facts' horizon (sql/facts.ts): 90 days past the latest ticket or today, read in the same statement's terms.
    const horizon = await tx.one<{ day: string }>(
      `SELECT strftime(greatest(max(coalesce(solved_at, created_at)), now()) + INTERVAL 90 DAY, '%Y-%m-%d') AS day FROM tickets`,
    );
    await recomputeFactsOf(tx, 'SELECT ticket_id FROM tickets');
    const days = await tx.all<{ team_id: string; first_day: string; last_day: string }>(
      `SELECT team_id, strftime(DATE '1970-01-01' + min(day_number)::INTEGER, '%Y-%m-%d') AS first_day,
              strftime(DATE '1970-01-01' + max(day_number)::INTEGER, '%Y-%m-%d') AS last_day
         FROM business_days GROUP BY team_id ORDER BY team_id`,
    );
    return { horizon: horizon!.day, days };
  });
  horizonDay = result.horizon;
  laidOut = result.days;
  const rows = await db.read<{ ticket_id: number } & Record<string, unknown>>(
    `SELECT ticket_id, first_response_business_seconds::DOUBLE AS first_response, first_resolution_business_seconds::DOUBLE AS first_resolution,
            full_resolution_business_seconds::DOUBLE AS full_resolution,
            strftime(sla_first_response_due_at, '%Y-%m-%dT%H:%M:%S.000Z') AS first_response_due,
            strftime(sla_resolution_due_at, '%Y-%m-%dT%H:%M:%S.000Z') AS resolution_due
       FROM ticket_facts ORDER BY ticket_id`,
  );
  facts = Object.fromEntries(rows.map(({ ticket_id, ...rest }) => [ticket_id, rest]));
});

afterAll(async () => {
  await db.close();
});

describe('business time laid out per spanned day', () => {
  it('gives the business minutes and SLA deadlines of a walk over each team’s open intervals', () => {
    const expected = expectedFacts(horizonDay);
    // The cases the data is made for, so that the comparison cannot pass by both sides giving nothing.
    expect(expected[5]!.resolution_due).not.toBeNull();
    expect(expected[8]!.resolution_due! > '2025-01-27').toBe(true);
    expect(expected[9]!.resolution_due).toBeNull();
    expect(expected[2]!.full_resolution).toBeGreaterThan(250 * 8 * 3600 * 0.9);
    expect(facts).toEqual(expected);
  });

  it('lays out no team’s days where it has no ticket', () => {
    const byTeam = Object.fromEntries(laidOut.map((row) => [row.team_id, row]));
    // Years apart: a layout of every team over every day of the facts' range would run from 2019 to past today.
    expect(byTeam.oslo!.first_day >= '2019-02-01' && byTeam.oslo!.last_day <= '2020-03-31').toBe(true);
    expect(byTeam.kolkata!.first_day >= '2022-06-01' && byTeam.kolkata!.last_day <= '2022-07-31').toBe(true);
    expect(byTeam.denver!.first_day >= '2026-10-01').toBe(true);
    expect(byTeam.wellington!.first_day >= '2024-12-01').toBe(true);
  });
});
