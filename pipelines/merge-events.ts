// The events a load stores (temp table new_events): matched to their tickets, the rows no ticket matched rejected,
// rows repeated within the file and events stored already left out (an event is its source row, not its content). Before the load's transaction when the tickets are
// stored already; inside it, after events-create-tickets.sql, for an event log that creates its tickets.
import { quoteIdentifier, type Query } from '../sql/db.ts';
import { runTransform } from '../sql/files.ts';
import type { Mapping } from './mapping/types.ts';

/**
 * Temp view `matchable_tickets`, the tickets an events file's rows may name: the stored ones and those of
 * `earlierTickets`, a temp table of the tickets an earlier file of the same load will insert (ticket_id, source,
 * external_id: pipelines/folder-load.ts).
 */
export async function defineMatchableTickets(query: Query, earlierTickets?: string): Promise<void> {
  await query.run(
    `CREATE OR REPLACE TEMP VIEW matchable_tickets AS
     SELECT ticket_id, source, external_id FROM tickets${earlierTickets ? `
     UNION ALL
     SELECT ticket_id, source, external_id FROM ${quoteIdentifier(earlierTickets)}` : ''}`,
  );
}

/**
 * Returns how many rows repeat an earlier row of the file: stored once, they count as unchanged. The events match
 * `matchable_tickets` (defineMatchableTickets).
 */
export async function prepareNewEvents(query: Query, mapping: Mapping, source: string, earlierTickets?: string): Promise<number> {
  await defineMatchableTickets(query, earlierTickets);
  await runTransform(query, 'events-matched', { source });
  // A ticket matches at most one row of tickets (source, external id), so equal counts mean every row found its
  // ticket: the search for those that did not, a scan of every incoming event, is then skipped.
  const counts = (await query.one<{ incoming: number; matched: number }>(
    'SELECT (SELECT count(*) FROM incoming_events)::INTEGER AS incoming, (SELECT count(*) FROM new_events)::INTEGER AS matched',
  ))!;
  if (counts.matched < counts.incoming) {
    await query.run(
      `INSERT INTO rejects
       SELECT record, $column, ticket_external_id, 'no ticket with this id from ' || $source || ' is loaded', NULL
         FROM incoming_events i
        WHERE NOT EXISTS (SELECT 1 FROM matchable_tickets t WHERE t.source = $source AND t.external_id = i.ticket_external_id)`,
      { column: mapping.fields.ticket_external_id!.column, source },
    );
  }
  await runTransform(query, 'events-repeated');
  const distinct = (await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM new_events'))!.n;
  await runTransform(query, 'events-new');
  await query.run('INSERT INTO touched_tickets SELECT DISTINCT ticket_id FROM new_events');
  return counts.matched - distinct;
}
