// Survey answers that name a ticket the source does not have: stored, since an answer counts without its ticket, but
// their link would vanish without a word (the ticket export may be missing, or from another helpdesk: --for-source).
import type { Query } from '../sql/db.ts';

/** Inside a feedback load's transaction, over temp view `incoming_feedback`: the warning, or none. */
export async function feedbackWithoutTicket(tx: Query, source: string): Promise<string[]> {
  const { n, first } = (await tx.one<{ n: number; first: string | null }>(
    `SELECT count(*)::INTEGER AS n, min(i.ticket_external_id) AS first
       FROM incoming_feedback i
      WHERE i.ticket_external_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.source = $source AND t.external_id = i.ticket_external_id)`,
    { source },
  ))!;
  if (n === 0) return [];
  return [
    `${n.toLocaleString('en')} survey answer${n === 1 ? ' names' : 's name'} a ticket that source "${source}" does not have ` +
      `(e.g. ${JSON.stringify(first)}): stored without a ticket, so ticket filters leave ${n === 1 ? 'it' : 'them'} out. Load the tickets ` +
      'first, or name their helpdesk with --for-source',
  ];
}
