// Survey answers that name a ticket the source does not have: stored, since an answer counts without its ticket, but
// their link would vanish without a word (the ticket export may be missing, or from another helpdesk: --for-source).
import type { Query } from '../sql/db.ts';

/**
 * Inside a feedback load's transaction, after merge-feedback.sql, over temp view `incoming_feedback` and temp table
 * `feedback_tickets` (the answers whose ticket is loaded, one row each): the warning, or none. Counting the answers
 * without a match from that table, not searching the tickets again, saves a join of every answer to every ticket.
 */
export async function feedbackWithoutTicket(tx: Query, source: string): Promise<string[]> {
  const { n } = (await tx.one<{ n: number }>(
    `SELECT ((SELECT count(*) FROM incoming_feedback WHERE ticket_external_id IS NOT NULL)
             - (SELECT count(*) FROM feedback_tickets))::INTEGER AS n`,
  ))!;
  if (n === 0) return [];
  const { first } = (await tx.one<{ first: string }>(
    `SELECT min(i.ticket_external_id) AS first
       FROM incoming_feedback i ANTI JOIN feedback_tickets t USING (record)
      WHERE i.ticket_external_id IS NOT NULL`,
  ))!;
  return [
    `${n.toLocaleString('en')} survey answer${n === 1 ? ' names' : 's name'} a ticket that source "${source}" does not have ` +
      `(e.g. ${JSON.stringify(first)}): stored without a ticket, so ticket filters leave ${n === 1 ? 'it' : 'them'} out. Load the tickets ` +
      'first, or name their helpdesk with --for-source',
  ];
}
