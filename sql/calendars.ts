// A team's business calendar as the API and the organisation file write it: weekly hours, holidays (closed, or
// open only during their hours). Changing one recomputes the facts of that team's tickets in the same transaction.
import type { Database, Query } from './db.ts';
import { recomputeFactsOf } from './facts.ts';

export type Interval = [string, string];
export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface TeamCalendar {
  weekly: Partial<Record<(typeof weekdayKeys)[number], Interval[]>>;
  holidays: Array<{ day: string; name: string; hours: Interval[] }>;
}

const clock = (column: string) => `CASE WHEN ${column} = TIME '24:00:00' THEN '24:00' ELSE left(CAST(${column} AS VARCHAR), 5) END`;

export async function readCalendar(db: Database, teamId: string): Promise<TeamCalendar | undefined> {
  return db.withConnection(async (sql) => {
    if (!(await sql.one('SELECT 1 AS found FROM teams WHERE team_id = $team', { team: teamId }))) return undefined;
    const weekly = await sql.all<{ weekday: number; opens: string; closes: string }>(
      `SELECT weekday::INTEGER AS weekday, ${clock('opens')} AS opens, ${clock('closes')} AS closes FROM calendars
        WHERE team_id = $team ORDER BY weekday, opens`,
      { team: teamId },
    );
    const holidays = await sql.all<{ day: string; name: string; opens: string | null; closes: string | null }>(
      `SELECT strftime(h.day, '%Y-%m-%d') AS day, h.name, ${clock('x.opens')} AS opens, ${clock('x.closes')} AS closes
         FROM calendar_holidays h LEFT JOIN calendar_holiday_hours x ON x.team_id = h.team_id AND x.day = h.day
        WHERE h.team_id = $team ORDER BY h.day, x.opens`,
      { team: teamId },
    );
    const calendar: TeamCalendar = { weekly: {}, holidays: [] };
    for (const row of weekly) (calendar.weekly[weekdayKeys[row.weekday - 1]!] ??= []).push([row.opens, row.closes]);
    for (const row of holidays) {
      let holiday = calendar.holidays.at(-1);
      if (holiday?.day !== row.day) calendar.holidays.push((holiday = { day: row.day, name: row.name, hours: [] }));
      if (row.opens !== null && row.closes !== null) holiday.hours.push([row.opens, row.closes]);
    }
    return calendar;
  });
}

/** Replaces a team's calendar and recomputes its tickets' facts; returns how many tickets were recomputed. */
export async function replaceCalendar(tx: Query, teamId: string, calendar: TeamCalendar): Promise<number> {
  await writeCalendar(tx, teamId, calendar);
  const recomputed = await recomputeFactsOf(tx, 'SELECT ticket_id FROM tickets WHERE team_id = $team', { team: teamId });
  await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
  return recomputed;
}

/** Replaces a team's calendar rows only: the caller recomputes the facts (sql/teams.ts recomputes more tickets). */
export async function writeCalendar(tx: Query, teamId: string, calendar: TeamCalendar): Promise<void> {
  for (const table of ['calendars', 'calendar_holidays', 'calendar_holiday_hours']) {
    await tx.run(`DELETE FROM ${table} WHERE team_id = $team`, { team: teamId });
  }
  for (const [index, day] of weekdayKeys.entries()) {
    for (const [opens, closes] of calendar.weekly[day] ?? []) {
      await tx.run('INSERT INTO calendars VALUES ($team, $weekday, $opens::TIME, $closes::TIME)', { team: teamId, weekday: index + 1, opens, closes });
    }
  }
  for (const holiday of calendar.holidays) {
    await tx.run('INSERT INTO calendar_holidays VALUES ($team, $day::DATE, $name)', { team: teamId, day: holiday.day, name: holiday.name });
    for (const [opens, closes] of holiday.hours) {
      await tx.run('INSERT INTO calendar_holiday_hours VALUES ($team, $day::DATE, $opens::TIME, $closes::TIME)', {
        team: teamId, day: holiday.day, opens, closes,
      });
    }
  }
}
