// The events a load stores (temp table new_events): matched to their tickets, the rows no ticket matched rejected,
// rows repeated within the file and events stored already left out (an event is its source row, not its content).
// Before the load's transaction when the tickets are stored already (or an earlier file of the load writes them): the
// mapping statement then finds each row's ticket itself, and its table becomes new_events (`prepareMappedEvents`).
// Inside the transaction, after events-create-tickets.sql, for an event log that creates its tickets
// (`prepareNewEvents`).
import { quoteIdentifier, type Query } from '../sql/db.ts';
import { runTransform } from '../sql/files.ts';
import type { Mapping } from './mapping/types.ts';
import type { FileShape } from './read.ts';
import { keepRecordBreaks } from './rejects.ts';

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
 * The events mapping's SELECT with each row's ticket (`ticket_id`, NULL where `matchable_tickets` has none, bound
 * `$source`) and the stored default of `actor_kind`. Joined in the mapping statement, the match costs about a quarter
 * of copying the matched rows into a table of their own (bench/README.md, "The eighth session").
 */
export function withTheirTickets(mappingSql: string): string {
  return `SELECT m.* REPLACE (coalesce(m.actor_kind, 'system'::event_actor_kind) AS actor_kind), t.ticket_id
  FROM (${mappingSql}) m
  LEFT JOIN matchable_tickets t ON t.source = $source AND t.external_id = m.ticket_external_id`;
}

/**
 * The columns of new_events, as events-matched.sql makes them; the mapping calls the team `ticket_team`. An events
 * file that carries no team or level has neither column (pipelines/load.ts `eventCarriedFields`).
 */
const eventColumns = ['ticket_id', 'occurred_at', 'kind', 'actor', 'actor_kind', 'from_value', 'to_value', 'ticket_team', 'support_level', 'source_row_hash'];

/**
 * Before the transaction, from temp table `mapped` made with `withTheirTickets` (its rules applied, its rejects
 * collected): rejects the rows no ticket matched, keeps the record breaks the rejects' lines need, then makes `mapped`
 * itself the table new_events, without a copy of its rows. Returns how many rows repeat an earlier row of the file.
 */
export async function prepareMappedEvents(query: Query, mapping: Mapping, source: string, shape: Pick<FileShape, 'breaksCountAsLines'>): Promise<number> {
  await rejectUnmatched(query, mapping, source, 'mapped i WHERE i.reject_reason IS NULL AND i.ticket_id IS NULL');
  // A reject's line counts the line breaks of every record before it, rejected ones included: kept before they go.
  await keepRecordBreaks(query, shape);
  await query.run('DROP VIEW incoming_events');
  await query.run('DELETE FROM mapped WHERE reject_reason IS NOT NULL OR ticket_id IS NULL');
  // Dropping a column or renaming a table copies no rows.
  const columns = await query.all<{ name: string }>(`SELECT name FROM pragma_table_info('mapped')`);
  for (const { name } of columns) if (!eventColumns.includes(name)) await query.run(`ALTER TABLE mapped DROP COLUMN ${quoteIdentifier(name)}`);
  if (columns.some(({ name }) => name === 'ticket_team')) await query.run('ALTER TABLE mapped RENAME COLUMN ticket_team TO team');
  await query.run('ALTER TABLE mapped RENAME TO new_events');
  const matched = (await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM new_events'))!.n;
  return matched - (await leaveNewEvents(query));
}

/**
 * Inside the transaction of an event log that creates its tickets: new_events from temp view `incoming_events`,
 * matched to `matchable_tickets` (defineMatchableTickets). Returns how many rows repeat an earlier row of the file:
 * stored once, they count as unchanged.
 */
export async function prepareNewEvents(query: Query, mapping: Mapping, source: string): Promise<number> {
  await defineMatchableTickets(query);
  await runTransform(query, 'events-matched', { source });
  // A ticket matches at most one row of tickets (source, external id), so equal counts mean every row found its
  // ticket: the search for those that did not, a scan of every incoming event, is then skipped.
  const counts = (await query.one<{ incoming: number; matched: number }>(
    'SELECT (SELECT count(*) FROM incoming_events)::INTEGER AS incoming, (SELECT count(*) FROM new_events)::INTEGER AS matched',
  ))!;
  if (counts.matched < counts.incoming) {
    await rejectUnmatched(query, mapping, source,
      'incoming_events i WHERE NOT EXISTS (SELECT 1 FROM matchable_tickets t WHERE t.source = $source AND t.external_id = i.ticket_external_id)');
  }
  return counts.matched - (await leaveNewEvents(query));
}

/** Rejects the event rows `unmatchedRows` selects (`<relation> i WHERE …`, binding `$source`): no ticket of theirs is loaded. */
async function rejectUnmatched(query: Query, mapping: Mapping, source: string, unmatchedRows: string): Promise<void> {
  await query.run(
    `INSERT INTO rejects
     SELECT i.record, $column, i.ticket_external_id, 'no ticket with this id from ' || $source || ' is loaded', NULL
       FROM ${unmatchedRows}`,
    { column: mapping.fields.ticket_external_id!.column, source },
  );
}

/** Leaves in new_events the events to store (events-repeated.sql, events-new.sql) and notes their tickets; returns their count. */
async function leaveNewEvents(query: Query): Promise<number> {
  await runTransform(query, 'events-repeated');
  const distinct = (await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM new_events'))!.n;
  await runTransform(query, 'events-new');
  await query.run('INSERT INTO touched_tickets SELECT DISTINCT ticket_id FROM new_events');
  return distinct;
}
