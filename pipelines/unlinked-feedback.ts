// Survey answers that name a ticket the source does not have: stored, since an answer counts without its ticket, but
// their link would vanish without a word (the ticket export may be missing, or from another helpdesk: --for-source).
import type { Query } from '../sql/db.ts';

/**
 * Before the load's transaction, once temp view `incoming_feedback` holds the rows to merge: the ticket each row names,
 * as temp table `feedback_tickets` (record, ticket_id), which the merge links (merge-feedback.sql) and the warning reads.
 */
export async function findFeedbackTickets(query: Query, source: string): Promise<void> {
  await query.run(
    `CREATE OR REPLACE TEMP TABLE feedback_tickets AS
     SELECT i.record, t.ticket_id
       FROM incoming_feedback i
       JOIN tickets t ON t.source = $source AND t.external_id = i.ticket_external_id`,
    { source },
  );
}

/**
 * Inside a feedback load's transaction, over temp view `incoming_feedback` and the tickets `findFeedbackTickets` found:
 * the warning, or none. The rows without a ticket are those the lookup left out, an anti join on the record number
 * (a `NOT EXISTS` over the tickets cost twice as much at 300,000 answers, bench/README.md).
 */
export async function feedbackWithoutTicket(tx: Query, source: string): Promise<string[]> {
  const { n, first } = (await tx.one<{ n: number; first: string | null }>(
    `SELECT count(*)::INTEGER AS n, min(i.ticket_external_id) AS first
       FROM incoming_feedback i
       ANTI JOIN feedback_tickets t USING (record)
      WHERE i.ticket_external_id IS NOT NULL`,
  ))!;
  if (n === 0) return [];
  return [
    `${n.toLocaleString('en')} survey answer${n === 1 ? ' names' : 's name'} a ticket that source "${source}" does not have ` +
      `(e.g. ${JSON.stringify(first)}): stored without a ticket, so ticket filters leave ${n === 1 ? 'it' : 'them'} out. Load the tickets ` +
      'first, or name their helpdesk with --for-source',
  ];
}
