// The backlog at one instant: how many tickets are open, how old they are, and each assignee's oldest. Open means
// created before the instant and not in a solved state at it (backlogOpen: a reopened ticket is out while it was solved).
import type { Database } from '../db.ts';
import { factScopeSql } from './filters.ts';
import { backlogOpen, type Filters } from './series.ts';

/** Ages of open tickets in days, [lower, upper). */
export const backlogAges = [
  { label: '< 1 day', from: 0, to: 1 },
  { label: '1–3 days', from: 1, to: 3 },
  { label: '3–7 days', from: 3, to: 7 },
  { label: '7–30 days', from: 7, to: 30 },
  { label: '≥ 30 days', from: 30, to: null },
] as const;

export interface BacklogSnapshot {
  at: string;
  open: number;
  ages: Array<{ label: string; from_days: number; to_days: number | null; tickets: number }>;
  /** Assignees by their oldest open ticket, oldest first; unassigned tickets under a null assignee. */
  oldest_per_assignee: Array<{ assignee_id: string | null; assignee_name: string | null; open: number; ticket_id: number; external_id: string; subject: string | null; created_at: string; age_days: number }>;
}

export async function backlogSnapshot(db: Database, at: Date, filters: Filters = {}): Promise<BacklogSnapshot> {
  const scope = factScopeSql({ time: null, rows: backlogOpen('$at::TIMESTAMPTZ'), filters });
  const where = scope.where.join(' AND ');
  const params = { at: at.toISOString(), ...(scope.params as Record<string, never>) };
  const age = `(epoch($at::TIMESTAMPTZ) - epoch(f.created_at)) / 86400`;
  return db.withConnection(async (sql) => {
    const counts = (await sql.one<Record<string, number>>(
      `SELECT count(*)::INTEGER AS open, ${backlogAges
        .map((b, i) => `count(*) FILTER (WHERE ${age} >= ${b.from}${b.to === null ? '' : ` AND ${age} < ${b.to}`})::INTEGER AS a${i}`)
        .join(', ')}
         FROM ticket_facts f WHERE ${where}`,
      params,
    ))!;
    const oldest = await sql.all<BacklogSnapshot['oldest_per_assignee'][number] & Record<string, unknown>>(
      `SELECT f.assignee_id, any_value(a.name) AS assignee_name, count(*)::INTEGER AS open, arg_min(f.ticket_id, f.created_at)::INTEGER AS ticket_id,
              arg_min(t.external_id, f.created_at) AS external_id, arg_min(t.subject, f.created_at) AS subject,
              strftime(min(f.created_at), '%Y-%m-%dT%H:%M:%SZ') AS created_at, max(${age})::DOUBLE AS age_days
         FROM ticket_facts f JOIN tickets t USING (ticket_id) LEFT JOIN agents a ON a.agent_id = f.assignee_id
        WHERE ${where}
        GROUP BY f.assignee_id
        ORDER BY min(f.created_at), f.assignee_id NULLS LAST`,
      params,
    );
    return {
      at: at.toISOString(),
      open: counts.open ?? 0,
      ages: backlogAges.map((b, i) => ({ label: b.label, from_days: b.from, to_days: b.to, tickets: counts[`a${i}`] ?? 0 })),
      oldest_per_assignee: oldest,
    };
  });
}
