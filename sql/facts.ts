// ticket_facts: every per-ticket measure, computed at load time for the tickets a load touched (temp table
// touched_tickets), so dashboards aggregate and never recompute.
import { layOutSpannedDays, measureBusinessSpans } from './business-hours.ts';
import { quoteIdentifier, type Query } from './db.ts';
import { runTransform } from './files.ts';
import { noteFactDays, refreshRollups } from './rollups.ts';

/**
 * How far past the latest ticket (or today) an SLA clock may run out: the clocks of open tickets are laid out at most
 * this far (business-days-wanted.sql).
 */
const deadlineHorizonDays = 90;

/** The columns of an event the milestones and facts read (`ticket_events` has load_id, source_row_hash and message_id too). */
export const factEventColumns = ['ticket_id', 'occurred_at', 'kind', 'actor', 'actor_kind', 'from_value', 'to_value', 'team', 'support_level'];

/** The team and level an event row carries, which a load of a log without them leaves out of its events (pipelines/load.ts). */
const eventCarriedColumns: Record<string, string> = { team: 'NULL::VARCHAR AS team', support_level: 'NULL::SMALLINT AS support_level' };

/**
 * The `columns` of the events in temp table `table` as SELECT expressions: `team` and `support_level` NULL where the
 * table has no such column (a log that carries neither holds no column of NULLs for them through the load).
 */
export async function pendingEventColumns(query: Query, table: string, columns: string[]): Promise<string> {
  const present = new Set((await query.all<{ name: string }>('SELECT name FROM pragma_table_info($table)', { table })).map((c) => c.name));
  return columns.map((column) => (present.has(column) || !eventCarriedColumns[column] ? column : eventCarriedColumns[column])).join(', ');
}

/**
 * Temp view `fact_events`, the event log the milestones and the facts read: `ticket_events`, plus the rows of
 * `pendingEvents` (same columns, no load_id; see pendingEventColumns) when a load stores its new events only after
 * computing facts. Also temp view `touched_events`, the events of the tickets in temp table `touched_tickets`.
 */
async function defineFactEvents(query: Query, pendingEvents?: string): Promise<void> {
  await defineEventsView(query, 'fact_events', null, pendingEvents);
  await defineEventsView(query, 'touched_events', 'touched_tickets', pendingEvents);
}

/**
 * Temp view `view`: the events of the tickets in temp table `tickets` (all of them when null). The stored events are
 * joined to it; the pending ones are taken whole, since every one of them belongs to a touched ticket (the load that
 * brings them touches their tickets, pipelines/merge-events.ts), and `tickets` holds every touched ticket. That join of
 * every new event cost wait_segments alone 0.86 s of operator time at 1 m (bench/README.md, "The thirteenth session").
 */
async function defineEventsView(query: Query, view: string, tickets: 'touched_tickets' | 'fact_tickets' | null, pendingEvents?: string): Promise<void> {
  const stored = `SELECT ${factEventColumns.join(', ')} FROM ticket_events${tickets ? ` SEMI JOIN ${tickets} USING (ticket_id)` : ''}`;
  const pending = pendingEvents && `SELECT ${await pendingEventColumns(query, pendingEvents, factEventColumns)} FROM ${quoteIdentifier(pendingEvents)}`;
  await query.run(`CREATE OR REPLACE TEMP VIEW ${view} AS ${stored}${pending ? `\n UNION ALL\n ${pending}` : ''}`);
}

/**
 * Ticket columns no milestone count, fact or daily rollup reads: the facts read the tickets without them, so that
 * the milestone count copies narrow rows, not descriptions (bench/README.md measures the difference).
 */
export const ticketColumnsFactsSkip = ['external_id', 'subject', 'description', 'updated_at', 'subcategory', 'tags', 'provider_name', 'row_hash'];

/** The columns of `relation` the facts read (see ticketColumnsFactsSkip), as a subquery. */
export const factColumnsOf = (relation: string) => `(SELECT * EXCLUDE (${ticketColumnsFactsSkip.join(', ')}) FROM ${relation})`;

/**
 * Temp view `view`: the rows of `base`, with those of temp table `replacement` (when given) in place of the ones
 * with the same ticket id. The replacement's columns are read by name: it may hold more than `base`.
 */
async function defineTicketsReplaced(query: Query, view: string, base: string, replacement?: string): Promise<void> {
  if (!replacement) {
    await query.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT * FROM ${base}`);
    return;
  }
  const over = quoteIdentifier(replacement);
  const columns = (await query.all<{ name: string }>(`SELECT column_name AS name FROM (DESCRIBE ${base})`)).map((c) => quoteIdentifier(c.name));
  await query.run(
    `CREATE OR REPLACE TEMP VIEW ${view} AS
     SELECT ${columns.join(', ')} FROM ${over} UNION ALL BY NAME SELECT t.* FROM ${base} t ANTI JOIN ${over} USING (ticket_id)`,
  );
}

/**
 * Temp view `fact_ticket_base`, the tickets as merged, without the columns no fact reads: `tickets`, or, when a tickets
 * load writes its rows only after computing facts (`pendingTickets`: the rows with their ids and at least those
 * columns, tickets-prepare.sql), those rows in place of the stored ones.
 */
const defineFactTicketBase = (query: Query, pendingTickets?: string) =>
  defineTicketsReplaced(query, 'fact_ticket_base', factColumnsOf('tickets'), pendingTickets);

/** The columns of temp table `recounted_tickets` (ticket-milestones.sql) besides ticket_id: those the events decide. */
const recountedColumns = [
  'status', 'first_solved_at', 'solved_at', 'closed_at', 'first_response_at', 'agent_replies', 'customer_replies', 'reopens',
  'assignee_changes', 'team_changes', 'escalations', 'escalation_level_max',
] as const;

/**
 * Temp view `fact_ticket_latest`, every ticket as the facts see it: `fact_ticket_base`, or, when the milestones have
 * not been written yet (`milestonesNotStored`), with the recounted columns of temp table `recounted_tickets` in place
 * of those of the tickets it holds. facts-scope.sql copies the rows of the tickets in scope from it once (temp table
 * `fact_ticket_rows`).
 */
async function defineFactTickets(query: Query, milestonesNotStored: boolean): Promise<void> {
  if (milestonesNotStored) await defineRecountedInPlace(query, 'fact_ticket_latest', 'fact_ticket_base');
  else await defineTicketsReplaced(query, 'fact_ticket_latest', 'fact_ticket_base');
}

/**
 * Temp view `view`: the ticket rows of `base`, with the recounted columns of temp table `recounted_tickets` in place of
 * their own for the tickets it holds (read by the facts, and by a tickets load's write: tickets-store.sql). The join's
 * hash table is built on recounted_tickets when DuckDB is told which side to build (tickets-store.sql).
 */
export async function defineRecountedInPlace(query: Query, view: string, base: string): Promise<void> {
  const replaced = recountedColumns.map((c) => `CASE WHEN r.ticket_id IS NULL THEN t.${c} ELSE r.${c} END AS ${c}`);
  await query.run(
    `CREATE OR REPLACE TEMP VIEW ${view} AS
     SELECT t.* REPLACE (${replaced.join(', ')})
       FROM ${base} t
       LEFT JOIN recounted_tickets r USING (ticket_id)`,
  );
}

/** Where the event log and the tickets the facts read stand (see defineFactEvents and defineFactTickets). */
export interface FactSources {
  /** A temp table of events not stored yet. */
  pendingEvents?: string;
  /** A temp table of ticket rows not written yet (see defineFactTicketBase). */
  pendingTickets?: string;
  /** The milestones are in temp table `recounted_tickets` but not written to `tickets` yet. */
  milestonesNotStored?: boolean;
}

/**
 * Recounts the touched tickets' milestones and counters from their events into temp table `recounted_tickets`
 * (ticket-milestones.sql); `applyTicketMilestones` writes them. Reads only, so it may run before the load's transaction.
 */
export async function computeTicketMilestones(query: Query, sources: Omit<FactSources, 'milestonesNotStored'> = {}): Promise<void> {
  await defineFactEvents(query, sources.pendingEvents);
  await defineFactTicketBase(query, sources.pendingTickets);
  await computeEventSequences(query);
  await runTransform(query, 'ticket-milestones');
}

/**
 * Temp table `event_sequences`: transfers and escalations read from the teams and levels event rows carry
 * (ticket-sequences.sql). Only when some event carries one: the check reads little more than the columns' statistics,
 * while the statement, even over no such row, would build a hash table of every touched ticket (0.1–0.2 s at a million).
 */
async function computeEventSequences(query: Query): Promise<void> {
  const carried = (await query.one<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM fact_events WHERE team IS NOT NULL) OR EXISTS (SELECT 1 FROM fact_events WHERE support_level IS NOT NULL) AS any`,
  ))!.any;
  if (carried) await runTransform(query, 'ticket-sequences');
  else await query.run('CREATE OR REPLACE TEMP TABLE event_sequences (ticket_id BIGINT, team_moves INTEGER, escalations INTEGER, level_max SMALLINT)');
}

export async function applyTicketMilestones(tx: Query): Promise<void> {
  await runTransform(tx, 'ticket-milestones-apply');
}

/**
 * Computes the facts of the touched tickets and their requesters' other tickets into temp view `next_facts` and table
 * `next_solved_gaps`; `storeFacts` writes them. Reads only, so it may run before the load's transaction, over
 * events and recounted tickets not stored yet (`sources`).
 */
export async function computeFacts(query: Query, sources: FactSources = {}): Promise<void> {
  await defineFactEvents(query, sources.pendingEvents);
  await defineFactTicketBase(query, sources.pendingTickets);
  await defineFactTickets(query, sources.milestonesNotStored ?? false);
  await runTransform(query, 'facts-scope');
  // The events of the tickets in scope (temp table fact_tickets, which facts-scope.sql makes): temp view `scope_events`.
  await defineEventsView(query, 'scope_events', 'fact_tickets', sources.pendingEvents);
  const range = await query.one<{ from_day: string | null; to_day: string | null }>(
    `SELECT strftime(min(t.created_at) - INTERVAL 2 DAY, '%Y-%m-%d') AS from_day,
            strftime(greatest(max(coalesce(t.solved_at, t.created_at)), now()) + to_days(${deadlineHorizonDays}), '%Y-%m-%d') AS to_day
       FROM fact_ticket_rows t`,
  );
  // Tickets without a creation time have no spans; a day's range then keeps the statements below valid.
  const today = new Date().toISOString().slice(0, 10);
  await runTransform(query, 'facts-spans');
  // Only the days the spans and SLA clocks need are laid out, within that range (business-days-wanted.sql).
  await layOutSpannedDays(query, range?.from_day ?? today, range?.to_day ?? today);
  await measureBusinessSpans(query);
  await runTransform(query, 'ticket-facts');
  await runTransform(query, 'ticket-solved-gaps');
}

/** Writes the computed facts; `loadId` tags the rows a load writes (null for a recomputation outside a load). */
export async function storeFacts(tx: Query, loadId: number | null): Promise<void> {
  await noteFactDays(tx, 'before');
  await runTransform(tx, 'facts-store', { load_id: loadId });
  await noteFactDays(tx, 'after');
  await refreshRollups(tx);
}

/** Recomputes the facts of the tickets a query selects (`SELECT ticket_id …`), e.g. after a calendar changed. */
export async function recomputeFactsOf(tx: Query, selectTicketIds: string, params: Record<string, string> = {}): Promise<number> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE touched_tickets AS ${selectTicketIds}`, params);
  const count = (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM touched_tickets'))!.n;
  if (count > 0) {
    await computeFacts(tx);
    await storeFacts(tx, null);
  }
  await tx.run('DROP TABLE touched_tickets');
  return count;
}
