// The files of one load (a folder, or several files named: pipelines/load.ts `loadFiles`) are all prepared before the
// load's one transaction, since DuckDB scans what a transaction wrote itself with one thread (sql/db.ts
// `writePrepared`). Each file's preparation makes the same temp tables and views (`mapped`, `rejects`,
// `touched_tickets`, `incoming_<kind>`…), so each file's are parked under a name of their own (`f<index>__<name>`)
// once it is prepared, and given their names back inside the transaction when that file's rows are written. A rename
// copies nothing: DuckDB keeps the table's storage, committed to the connection's temporary catalog before the
// transaction, and scans it in parallel. The facts are computed once, after every file is prepared, over all of
// them (`prepareFacts`).
import { quoteIdentifier, type Query } from '../sql/db.ts';
import { applyTicketMilestones, computeFacts, computeTicketMilestones, storeFacts } from '../sql/facts.ts';
import type { LoadKind, Mapping } from './mapping/types.ts';

/** Temp table of the tickets an earlier file of the load will insert: (ticket_id, source, external_id). */
export const pendingTicketKeys = 'pending_ticket_keys';

/** What belongs to the whole load, not to one file: never parked. `teams` and `agents` are the names' preview. */
const loadObjects = new Set([pendingTicketKeys, 'teams', 'agents']);

export const parkedName = (index: number, name: string) => `f${index}__${name}`;

const parked = /^f\d+__/;

/**
 * Whether the files can all be prepared before the transaction. A later file's preparation sees what an earlier one
 * will write only through `pendingTicketKeys` (an events file matching its tickets), so at most one tickets file and
 * one events file. Messages and an event log that creates its tickets merge inside the transaction, and compute their
 * facts there: such a file goes with feedback files only (which merge inside it too, and touch no ticket).
 */
export function preparedTogether(mappings: Mapping[]): boolean {
  if (mappings.length <= 1) return true;
  const count = (kind: LoadKind) => mappings.filter((mapping) => mapping.kind === kind).length;
  const mergedInside = mappings.filter((mapping) => mapping.kind === 'messages' || mapping.createsTickets).length;
  if (mergedInside > 0) return mergedInside === 1 && count('feedback') === mappings.length - 1;
  return count('tickets') <= 1 && count('events') <= 1;
}

async function tempObjects(query: Query): Promise<Array<{ kind: 'TABLE' | 'VIEW'; name: string }>> {
  return query.all<{ kind: 'TABLE' | 'VIEW'; name: string }>(
    `SELECT 'VIEW' AS kind, view_name AS name FROM duckdb_views() WHERE temporary AND NOT internal
     UNION ALL
     SELECT 'TABLE', table_name FROM duckdb_tables() WHERE temporary`,
  );
}

async function rename(query: Query, kind: 'TABLE' | 'VIEW', from: string, to: string): Promise<void> {
  await query.run(`ALTER ${kind} temp.main.${quoteIdentifier(from)} RENAME TO ${quoteIdentifier(to)}`);
}

/** After file `index` is prepared: its temp objects take their parked names. */
export async function parkFileObjects(query: Query, index: number): Promise<void> {
  for (const { kind, name } of await tempObjects(query)) {
    if (!loadObjects.has(name) && !parked.test(name)) await rename(query, kind, name, parkedName(index, name));
  }
}

/** Inside the transaction, before file `index`'s rows are written: its temp objects take their names back. */
export async function unparkFileObjects(tx: Query, index: number): Promise<void> {
  const prefix = parkedName(index, '');
  for (const { kind, name } of await tempObjects(tx)) {
    if (name.startsWith(prefix)) await rename(tx, kind, name, name.slice(prefix.length));
  }
}

/** After file `index`'s rows are written: its scratch goes, so that the next file's takes the same names. */
export async function dropFileObjects(tx: Query): Promise<void> {
  for (const { kind, name } of await tempObjects(tx)) {
    if (!loadObjects.has(name) && !parked.test(name)) await tx.run(`DROP ${kind} IF EXISTS temp.main.${quoteIdentifier(name)}`);
  }
}

/** After a tickets file is prepared, for an events file after it: the keys of the tickets it will insert. */
export async function keepPendingTicketKeys(query: Query, lastTicketId: string): Promise<string> {
  await query.run(
    `CREATE OR REPLACE TEMP TABLE ${pendingTicketKeys} AS SELECT ticket_id, source, external_id FROM ticket_rows WHERE ticket_id > $last::BIGINT`,
    { last: lastTicketId },
  );
  return pendingTicketKeys;
}

/** The facts the load prepared, for its transaction to store. */
export interface PreparedFacts {
  /** The file whose load id the facts carry: the last that touched a ticket. */
  loadIndex: number;
  /** Stored tickets whose events a file adds get their recounted milestones (a tickets file writes its own). */
  applyMilestones: boolean;
}

/** What `prepareFacts` needs to know of each prepared file. */
export interface FileFactSources {
  kind: LoadKind;
  /** The file merges its rows inside the transaction, which then computes its facts (a load of one file only). */
  factsInTransaction: boolean;
}

/**
 * Once every file is prepared (parked): the milestones and facts of every ticket any file touched, over the stored
 * rows plus every file's pending tickets and events (sql/facts.ts `FactSources`), into the temp tables
 * `storePreparedFacts` writes. Null when a file computes its facts in the transaction or no file touched a ticket.
 */
export async function prepareFacts(query: Query, files: FileFactSources[]): Promise<PreparedFacts | null> {
  if (files.some((file) => file.factsInTransaction)) return null;
  const touched: number[] = [];
  for (const index of files.keys()) {
    touched.push((await query.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${parkedName(index, 'touched_tickets')}`))!.n);
  }
  const loadIndex = touched.findLastIndex((n) => n > 0);
  if (loadIndex < 0) return null;
  await query.run(
    `CREATE OR REPLACE TEMP TABLE touched_tickets AS
     SELECT DISTINCT ticket_id FROM (${files.map((_, index) => `SELECT ticket_id FROM ${parkedName(index, 'touched_tickets')}`).join(' UNION ALL ')})`,
  );
  const tickets = files.findIndex((file) => file.kind === 'tickets');
  const events = files.findIndex((file) => file.kind === 'events');
  const sources = {
    pendingTickets: tickets >= 0 ? parkedName(tickets, 'pending_tickets') : undefined,
    pendingEvents: events >= 0 ? parkedName(events, 'new_events') : undefined,
  };
  await computeTicketMilestones(query, sources);
  await computeFacts(query, { ...sources, milestonesNotStored: true });
  return { loadIndex, applyMilestones: events >= 0 && touched[events]! > 0 };
}

/**
 * First in the transaction after the teams and agents it creates: the facts read the stored tickets and events as
 * they were, plus the pending rows, so they are stored before any file writes its rows.
 */
export async function storePreparedFacts(tx: Query, facts: PreparedFacts, firstLoadId: number): Promise<void> {
  await storeFacts(tx, firstLoadId + facts.loadIndex);
  if (facts.applyMilestones) await applyTicketMilestones(tx);
  // The load's; each file's own takes the name back when its rows are written.
  await tx.run('DROP TABLE touched_tickets');
}
