// A tickets load decides everything before its transaction: which rows are new, changed or unchanged, the new
// tickets' ids (and the load its milestones and facts, pipelines/folder-load.ts), all into temp tables DuckDB scans in parallel. Its transaction then
// only writes them: DuckDB scans rows a transaction wrote itself with one thread, and the facts read every ticket
// the load writes (bench/README.md measures both ways).
import type { Query } from '../sql/db.ts';
import { defineRecountedInPlace } from '../sql/facts.ts';
import { runTransform } from '../sql/files.ts';

/** What the transaction needs to write the prepared tickets. */
export interface PreparedTickets {
  /** The highest ticket id stored when the new tickets were numbered; theirs are above it. */
  lastTicketId: string;
  /** New tickets, counted before the transaction. */
  inserted: number;
  /** Whether any ticket is new or changed (else there is nothing to write). */
  touched: boolean;
}

/**
 * From temp view `incoming_tickets`, everything `storeTickets` writes (tickets-prepare.sql), including the rows the
 * load's milestones and facts read in place of the stored ones (temp table `pending_tickets`, whose columns besides
 * the record and the stored id are the tickets' own: pipelines/folder-load.ts `prepareFacts`).
 */
export async function prepareTickets(query: Query, source: string, onMerged: () => void): Promise<PreparedTickets> {
  const lastTicketId = (await query.one<{ id: string }>('SELECT coalesce(max(ticket_id), 0)::VARCHAR AS id FROM tickets'))!.id;
  await runTransform(query, 'tickets-prepare', { source, last_ticket_id: lastTicketId });
  const counts = (await query.one<{ inserted: number; touched: number }>(
    `SELECT count(*) FILTER (WHERE ticket_id > $last::BIGINT)::INTEGER AS inserted, count(*)::INTEGER AS touched
       FROM pending_tickets`,
    { last: lastTicketId },
  ))!;
  onMerged();
  return { lastTicketId, inserted: counts.inserted, touched: counts.touched > 0 };
}

/** Inside the load's transaction: writes the prepared tickets, after checking that no ticket was stored meanwhile. */
export async function storeTickets(tx: Query, prepared: PreparedTickets, loadId: number): Promise<void> {
  if (!prepared.touched) return;
  const last = (await tx.one<{ id: string }>('SELECT coalesce(max(ticket_id), 0)::VARCHAR AS id FROM tickets'))!.id;
  if (last !== prepared.lastTicketId) {
    throw new Error(`tickets were stored while this load was prepared (highest id ${last}, was ${prepared.lastTicketId}); load the file again`);
  }
  await defineRecountedInPlace(tx, 'written_tickets', 'ticket_rows');
  await runTransform(tx, 'tickets-store', { load_id: loadId, last_ticket_id: prepared.lastTicketId });
}
