// A tickets load's part of issue 12 §1: the tickets it inserts, and those whose subject or description it changes,
// get their terms (pipelines/issues/text.ts) and join the stored issues or new ones (assign.ts). The analysis starts
// before the load's transaction, beside DuckDB's preparation of the rows (merge-tickets.ts), and may still be grouping
// in its worker threads when the transaction starts, which writes the tickets and facts first and the changed issue
// rows last (sql/issues/store.ts), so a failed or killed load leaves the issues as they were.
// A ticket whose text changed is assigned again; the issue it left keeps its counts (issues only grow between
// regroups, assign.ts), which a regroup puts right.
import { availableParallelism } from 'node:os';
import type { Query } from '../sql/db.ts';
import { readGroupingState, storeGroupingChanges, type GroupingChanges, type IssueRow, type StoredGrouping } from '../sql/issues/store.ts';
import { assignTickets } from './issues/assign.ts';
import { DisplayForms } from './issues/display.ts';
import { groupTickets } from './issues/group.ts';
import { documentFrequencies, issueName, keptTermCount } from './issues/naming.ts';
import { SubjectCounts } from './issues/subject-counts.ts';
import { ticketTerms, type TicketTerms } from './issues/text.ts';
import { AnalysisThreads } from './issues/analysis-threads.ts';
import type { AnalyseAnswer } from './issues/analyse-worker.ts';

export type TextRow = {
  ticket_id: string;
  subject: string | null;
  description: string | null;
};

/** Terms of one ticket; a failure of the text pipeline (it should never throw) leaves the ticket out with a reason. */
export function safeTicketTerms(row: Pick<TextRow, 'subject' | 'description'>): TicketTerms {
  try {
    return ticketTerms(row.subject, row.description);
  } catch (error) {
    return { language: 'und', languageBy: 'none', terms: [], display: [], reason: `text not readable: ${(error as Error).message}` as never };
  }
}

/** Tickets a load analyses: the incoming rows that are new or whose subject or description differs from the stored one. */
export interface TextsToAssign {
  externalIds: string[];
  /** Their texts, read once (kept for the rare case where the worker threads' assignment cannot stand). */
  rows: Pick<TextRow, 'subject' | 'description'>[];
  /** Their terms, when the analysis ran on this thread. */
  texts?: TicketTerms[];
  /**
   * Their assignment, made beside DuckDB's work by the worker threads (tickets numbered by position in `rows`),
   * against `stored`; absent when the analysis ran on this thread.
   */
  assigned?: { stored: StoredGrouping; changes: GroupingChanges | null };
}

/**
 * From this many texts on, the analysis and the assignment run in worker threads (analysis-threads.ts): starting one
 * (its modules, the detector's tables) takes about a second of CPU, which a small load would only wait for.
 */
export const WORKER_MIN_TEXTS = 5_000;

/**
 * From this many texts on, with a second core, the load's own thread analyses the second half of the texts while the
 * worker thread analyses the first (analysis-threads.ts): splitting pays off only where the analysis is long, since
 * the other core is DuckDB's too.
 */
export const SPLIT_MIN_TEXTS = 20_000;

/**
 * File size from which a tickets load starts its worker thread before it knows how many texts it has, so that its
 * start-up overlaps DuckDB's reading of the file: about 5,000 rows of a helpdesk export (the demo's rows are 500
 * bytes, a short export's 200). A file whose tickets are all stored already lets it go.
 */
export const EARLY_THREAD_MIN_BYTES = 1 << 20;

/** The worker thread to start as a tickets load of `bytes` bytes starts (none for a small file). */
export function earlyAnalysisThreads(bytes: number): AnalysisThreads | undefined {
  return bytes >= EARLY_THREAD_MIN_BYTES ? new AnalysisThreads().start() : undefined;
}

/**
 * Reads the texts of temp view `incoming_tickets` that need terms, in file order (the grouping's result depends on
 * the order, and DuckDB's threads return rows in any), then analyses them while `meanwhile` runs:
 * DuckDB works on its own threads (prepareTickets), so the analysis, which is plain JavaScript, costs the load little
 * more than whichever of the two takes longer. A large load's analysis and assignment run in worker threads
 * (`threads`, started early by the caller, else here), so that this thread keeps DuckDB's queries coming; their
 * result is a promise the load's transaction awaits only once it has written the tickets and facts, so the grouping
 * overlaps those writes too. A small load's analysis runs here, yielding every few hundred tickets so that
 * `meanwhile`'s queries follow one another without waiting for it all. The caller ends the threads.
 */
export async function analyseTextsWhile<T>(
  query: Query,
  source: string,
  meanwhile: () => Promise<T>,
  threads = new AnalysisThreads(),
  cores = availableParallelism(),
): Promise<[Promise<TextsToAssign>, T]> {
  const found = await query.all<{ external_id: string; subject: string | null; description: string | null }>(
    `SELECT i.external_id, i.subject, i.description
       FROM incoming_tickets i
       LEFT JOIN tickets t ON t.source = $source AND t.external_id = i.external_id
      WHERE t.ticket_id IS NULL OR t.subject IS DISTINCT FROM i.subject OR t.description IS DISTINCT FROM i.description
      ORDER BY i.record`,
    { source },
  );
  const externalIds = found.map((r) => r.external_id);
  const rows = found.map((r) => ({ subject: r.subject, description: r.description }));
  let texts: Promise<TextsToAssign>;
  if (rows.length >= WORKER_MIN_TEXTS) {
    const stored = await readGroupingState(query);
    texts = assignBesideThread(threads, stored, rows, cores).then(async (worked) =>
      // The thread could not run: the analysis is done here after all.
      worked ? { externalIds, rows, assigned: { stored, changes: worked.changes } } : { externalIds, rows, texts: await analyseHere(rows) },
    );
  } else {
    threads.close();
    texts = analyseHere(rows).then((analysed) => ({ externalIds, rows, texts: analysed }));
  }
  // Awaited by the transaction, which a failed preparation never starts: not an unhandled rejection then.
  texts.catch(() => undefined);
  return [texts, await meanwhile()];
}

/**
 * The assignment of `rows` against `stored` by the worker thread (analysis-threads.ts), tickets numbered by position;
 * from SPLIT_MIN_TEXTS texts on, with a second core, this thread analyses the second half meanwhile. Null when the
 * thread could not run.
 */
export function assignBesideThread(threads: AnalysisThreads, stored: StoredGrouping, rows: readonly Pick<TextRow, 'subject' | 'description'>[], cores = availableParallelism()): Promise<AnalyseAnswer | null> {
  const split = rows.length >= SPLIT_MIN_TEXTS && cores >= 2 ? Math.ceil(rows.length / 2) : rows.length;
  if (split === rows.length) return threads.assign(stored, rows);
  const rest = analyseHere(rows.slice(split), threads.signal);
  rest.catch(() => undefined); // an abandoned load: assign rejects, and nobody awaits this
  return threads.assign(stored, rows.slice(0, split), rest);
}

/**
 * The terms of `rows`, analysed on this thread a few hundred at a time, so that DuckDB's next query is never kept
 * waiting long. Stops (rejects) once `stop` is aborted: the load has failed.
 */
async function analyseHere(rows: readonly Pick<TextRow, 'subject' | 'description'>[], stop?: AbortSignal): Promise<TicketTerms[]> {
  const texts: TicketTerms[] = [];
  for (let i = 0; i < rows.length; i++) {
    texts.push(safeTicketTerms(rows[i]!));
    if (i % 256 === 255) {
      await new Promise((resolve) => setImmediate(resolve));
      stop?.throwIfAborted();
    }
  }
  return texts;
}

/**
 * The analysed tickets, numbered by temp view `ticket_rows` (tickets-prepare.sql), assigned to issues. Null when
 * there are none.
 */
export async function prepareIssueAssignment(query: Query, analysed: TextsToAssign): Promise<GroupingChanges | null> {
  if (analysed.rows.length === 0) return null;
  const ids = new Map(
    (await query.all<{ external_id: string; ticket_id: string }>('SELECT external_id, ticket_id::VARCHAR AS ticket_id FROM ticket_rows'))
      .map((r) => [r.external_id, Number(r.ticket_id)]),
  );
  const ticketIds: number[] = [];
  const kept: number[] = [];
  analysed.externalIds.forEach((externalId, i) => {
    const id = ids.get(externalId);
    if (id === undefined) return;
    ticketIds.push(id);
    kept.push(i);
  });
  if (kept.length === 0) return null;
  // The workers' assignment stands when every analysed ticket got its row (so it grouped exactly these tickets);
  // its tickets are numbered by position, and get their ids here.
  if (analysed.assigned && ticketIds.length === analysed.rows.length) {
    const { changes } = analysed.assigned;
    if (!changes) return null;
    return { ...changes, tickets: changes.tickets.map((t) => ({ ...t, ticketId: ticketIds[t.ticketId]! })) };
  }
  const texts = analysed.texts ?? (await analyseHere(analysed.rows));
  return assignAnalysed(await readGroupingState(query), ticketIds, kept.map((i) => texts[i]!));
}

/**
 * Inside a load's transaction: the tickets this load created from an event log (events-create-tickets.sql: an XES
 * case has no text but what a mapped `ticket_subject` gives it) or from message threads (merge-messages.sql: the
 * root message is the description) get their issues. They only exist once the transaction has made them, so they are
 * analysed here, not beside DuckDB's preparation as a tickets load's are; a thread's root message is short, and an
 * event log's case has a subject at most. A ticket with no text gets its row with reason 'no text'.
 */
export async function assignCreatedTickets(tx: Query, loadId: number): Promise<void> {
  const rows = await tx.all<TextRow>(
    `SELECT t.ticket_id::VARCHAR AS ticket_id, t.subject, t.description
       FROM tickets t
      WHERE t.load_id = $load_id AND NOT EXISTS (SELECT 1 FROM ticket_issues i WHERE i.ticket_id = t.ticket_id)
      ORDER BY t.ticket_id`,
    { load_id: loadId },
  );
  if (rows.length === 0) return;
  await storeGroupingChanges(tx, assignTexts(await readGroupingState(tx), rows), loadId);
}

/** The changes that assigning these tickets' texts to the stored issues makes. */
export function assignTexts(stored: StoredGrouping, rows: readonly TextRow[]): GroupingChanges {
  return assignAnalysed(stored, rows.map((r) => Number(r.ticket_id)), rows.map(safeTicketTerms));
}

/** The same, for tickets already analysed (`ticketIds[i]`'s terms are `texts[i]`). */
export function assignAnalysed(stored: StoredGrouping, ticketIds: readonly number[], texts: readonly TicketTerms[]): GroupingChanges {
  // With no issues stored (the first load) assignment is a first grouping: called directly, it signs the tickets once.
  const terms = texts.map((t) => t.terms);
  const result = stored.state.issues.length === 0 ? groupTickets(terms, stored.nextId, stored.state.options) : assignTickets(stored.state, terms, stored.nextId);
  const forms = new DisplayForms();
  const subjects = new SubjectCounts();
  texts.forEach((t, i) => {
    const id = result.assignment[i]!;
    if (id >= 0) {
      forms.add(id, t);
      subjects.add(id, t);
    }
  });

  const before = new Map(stored.state.issues.map((issue) => [issue.id, issue]));
  const df = documentFrequencies(result.state.corpus);
  const issues: IssueRow[] = [];
  for (const grown of result.state.issues) {
    const previous = before.get(grown.id);
    if (previous === grown) continue;
    const issue = { ...grown, subjectCounts: subjects.of(grown.id, grown.featureCounts, previous?.subjectCounts) };
    const names = issueName(issue, df, result.state.corpus.tickets, keptTermCount);
    const oldNames = stored.names.get(issue.id) ?? [];
    const oldDisplay = stored.display.get(issue.id) ?? [];
    const known = new Map(oldNames.map((term, i) => [term, oldDisplay[i] ?? term]));
    issues.push({ issue, names, display: forms.name(issue.id, names, known), createdLoad: stored.createdLoad.get(issue.id) ?? null });
  }
  // Only the features this load's tickets have can have changed.
  const oldDf = documentFrequencies(stored.state.corpus);
  const documentFrequency = result.state.corpus.documentFrequency.filter(([feature, n]) => oldDf.get(feature) !== n);
  return {
    options: result.state.options,
    nextId: result.nextId,
    corpusTickets: result.state.corpus.tickets,
    issues,
    tickets: ticketIds.map((ticketId, i) => {
      const id = result.assignment[i]!;
      return {
        ticketId,
        issueId: id >= 0 ? id : null,
        reason: id >= 0 ? null : (texts[i]!.reason ?? 'no terms'),
        language: texts[i]!.language,
      };
    }),
    documentFrequency,
    baseNextId: stored.nextId,
  };
}

export { storeGroupingChanges };
