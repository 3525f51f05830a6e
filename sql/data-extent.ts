// What the data holds, in time: its first and last day and its tickets (GET /api/data/extent, the start-up lines).
import type { Database } from './db.ts';

export interface DataExtent {
  /** UTC days, null when there is no data. */
  first_day: string | null;
  last_day: string | null;
  tickets: number;
}

// Ticket creation, later ticket activity (events, solves, closings) and survey answers; least/greatest skip NULLs.
const extentSql = `
WITH t AS (
  SELECT min(created_at) AS first_at, greatest(max(created_at), max(solved_at), max(closed_at)) AS last_at, count(*)::INTEGER AS tickets
    FROM tickets
), e AS (SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM ticket_events),
   f AS (SELECT min(submitted_at) AS first_at, max(submitted_at) AS last_at FROM feedback)
SELECT strftime(least(t.first_at, e.first_at, f.first_at), '%Y-%m-%d') AS first_day,
       strftime(greatest(t.last_at, e.last_at, f.last_at), '%Y-%m-%d') AS last_day,
       t.tickets
  FROM t, e, f`;

export async function dataExtent(db: Database): Promise<DataExtent> {
  return (await db.readOne<DataExtent & Record<string, unknown>>(extentSql))!;
}
