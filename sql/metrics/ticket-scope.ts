// Whether one ticket lies inside a scope's filters (a lead's team, an agent's own tickets), asked in SQL with the
// same bound conditions every metric query uses.
import type { Database } from '../db.ts';
import { filterSql, type Filters } from './filters.ts';

export async function ticketInScope(db: Database, ticketId: number, scope: Filters): Promise<boolean> {
  const { where, params } = filterSql(scope);
  if (where.length === 0) return true; // no scope: whether the ticket exists is the detail's to say
  const row = await db.readOne(
    `SELECT 1 FROM ticket_facts f WHERE f.ticket_id = $ticket_id${where.map((condition) => ` AND ${condition}`).join('')}`,
    { ...(params as Record<string, never>), ticket_id: ticketId },
  );
  return row !== undefined;
}
