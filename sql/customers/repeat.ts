// Repeat contacters (PRODUCT.md §5, issue 12 §2): requesters who, among the tickets they opened in the range (and
// the filters), have at least two on one issue, or opened one within 7 days of their previous one. Each comes with
// the counts that made them one, their last contact, their active flags and their latest tickets.
import type { Database } from '../db.ts';
import { factScopeSql, type Filters } from '../metrics/filters.ts';

/** A requester's tickets one after another this close count as contacting again (the 7-day repeat-contact rule). */
export const repeatWindowDays = 7;
/** The latest tickets listed per customer. */
export const recentTicketsShown = 10;

export interface RepeatContacter {
  customer_id: string;
  name: string | null;
  organization: string | null;
  /** Their tickets created in the range (and the filters). */
  tickets: number;
  /** Issues holding two or more of those tickets, most first. */
  repeat_issues: { issue_id: number; tickets: number }[];
  /** Tickets opened within 7 days after their previous one in the range. */
  within_7_days: number;
  last_contact: string;
  /** Active flags (abusive, legal_threat, vip). */
  flags: string[];
  recent_tickets: { ticket_id: number; subject: string | null; status: string; created_at: string; issue_id: number | null }[];
}

export interface RepeatQuery {
  from: Date;
  to: Date;
  filters: Filters;
  /** The page: `limit` customers after the first `offset`, in the list's order (most tickets first). */
  limit: number;
  offset: number;
}

export async function repeatContacters(db: Database, query: RepeatQuery): Promise<{ total: number; customers: RepeatContacter[] }> {
  const scope = factScopeSql({ time: 'f.created_at', filters: query.filters });
  const params = { ...scope.params, from: query.from.toISOString(), to: query.to.toISOString(), days: repeatWindowDays, limit: query.limit, offset: query.offset, shown: recentTicketsShown };
  const rows = await db.read<Omit<RepeatContacter, 'repeat_issues' | 'recent_tickets' | 'flags'> & { repeat_issues: string; recent_tickets: string; flags: string; total: number }>(
    `WITH scoped AS (
       SELECT f.ticket_id, f.requester_id, f.created_at, ti.issue_id,
              lag(f.created_at) OVER (PARTITION BY f.requester_id ORDER BY f.created_at, f.ticket_id) AS previous
         FROM ticket_facts f LEFT JOIN ticket_issues ti ON ti.ticket_id = f.ticket_id
        WHERE f.requester_id IS NOT NULL AND ${scope.where.join(' AND ')}
     ), per_issue AS (
       SELECT requester_id, list({'issue_id': issue_id::INTEGER, 'tickets': n} ORDER BY n DESC, issue_id) AS repeat_issues
         FROM (SELECT requester_id, issue_id, count(*)::INTEGER AS n FROM scoped WHERE issue_id IS NOT NULL GROUP BY ALL HAVING count(*) >= 2)
        GROUP BY requester_id
     ), per_requester AS (
       SELECT requester_id, count(*)::INTEGER AS tickets, max(created_at) AS last_contact,
              count(*) FILTER (WHERE created_at - previous <= to_days($days))::INTEGER AS within_7_days
         FROM scoped GROUP BY requester_id
     ), repeaters AS (
       SELECT r.*, coalesce(p.repeat_issues, []) AS repeat_issues
         FROM per_requester r LEFT JOIN per_issue p USING (requester_id)
        WHERE p.requester_id IS NOT NULL OR r.within_7_days > 0
     ), page AS (
       -- requester_id breaks every tie, so the order is total and consecutive pages neither repeat nor skip anyone.
       SELECT * FROM repeaters ORDER BY tickets DESC, last_contact DESC, requester_id LIMIT $limit OFFSET $offset
     )
     -- The count stands alone and the page joins it, so a page past the end still says how many there are.
     SELECT n.total, r.requester_id AS customer_id, c.name, c.organization, r.tickets, r.within_7_days,
            strftime(r.last_contact, '%Y-%m-%dT%H:%M:%SZ') AS last_contact,
            to_json(r.repeat_issues)::VARCHAR AS repeat_issues,
            to_json(coalesce((SELECT list(fl.flag ORDER BY fl.flag) FROM (SELECT DISTINCT flag FROM customer_flags
                                WHERE customer_id = r.requester_id AND cleared_at IS NULL) fl), []))::VARCHAR AS flags,
            to_json((SELECT list({'ticket_id': s.ticket_id::INTEGER, 'subject': t.subject, 'status': t.status,
                                  'created_at': strftime(s.created_at, '%Y-%m-%dT%H:%M:%SZ'), 'issue_id': s.issue_id::INTEGER}
                                 ORDER BY s.created_at DESC, s.ticket_id DESC)[1:$shown]
                       FROM scoped s JOIN tickets t ON t.ticket_id = s.ticket_id WHERE s.requester_id = r.requester_id))::VARCHAR AS recent_tickets
       FROM (SELECT count(*)::INTEGER AS total FROM repeaters) n LEFT JOIN page r ON true LEFT JOIN customers c ON c.customer_id = r.requester_id
      ORDER BY r.tickets DESC, r.last_contact DESC, r.requester_id`,
    params,
  );
  return {
    total: rows[0]!.total,
    customers: rows.filter((r) => r.customer_id !== null).map(({ total: _total, ...r }) => ({
      ...r,
      repeat_issues: JSON.parse(r.repeat_issues) as RepeatContacter['repeat_issues'],
      flags: JSON.parse(r.flags) as string[],
      recent_tickets: JSON.parse(r.recent_tickets) as RepeatContacter['recent_tickets'],
    })),
  };
}
