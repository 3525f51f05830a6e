// A tickets load's part of issue 12 §1: the tickets it inserts, and those whose subject or description it changes,
// get their terms (pipelines/issues/text.ts) and join the stored issues or new ones (assign.ts). Everything is
// computed before the load's transaction, like the rest of a tickets load (merge-tickets.ts); the transaction only
// writes the changed rows (sql/issues/store.ts), so a failed or killed load leaves the issues as they were.
// A ticket whose text changed is assigned again; the issue it left keeps its counts (issues only grow between
// regroups, assign.ts), which a regroup puts right.
import type { Query } from '../sql/db.ts';
import { readGroupingState, storeGroupingChanges, type GroupingChanges, type IssueRow, type StoredGrouping } from '../sql/issues/store.ts';
import { assignTickets } from './issues/assign.ts';
import { DisplayForms } from './issues/display.ts';
import { documentFrequencies, issueName } from './issues/naming.ts';
import { ticketTerms, type TicketTerms } from './issues/text.ts';

export type TextRow = {
  ticket_id: string;
  subject: string | null;
  description: string | null;
};

/** Terms of one ticket; a failure of the text pipeline (it should never throw) leaves the ticket out with a reason. */
export function safeTicketTerms(row: TextRow): TicketTerms {
  try {
    return ticketTerms(row.subject, row.description);
  } catch (error) {
    return { language: 'und', languageBy: 'none', terms: [], display: [], reason: `text not readable: ${(error as Error).message}` as never };
  }
}

/**
 * From temp view `ticket_rows` (tickets-prepare.sql): the new tickets and those whose text changed, assigned to
 * issues. Null when none.
 */
export async function prepareIssueAssignment(query: Query): Promise<GroupingChanges | null> {
  const rows = await query.all<TextRow>(
    `SELECT r.ticket_id::VARCHAR AS ticket_id, r.subject, r.description
       FROM ticket_rows r
       LEFT JOIN tickets t ON t.ticket_id = r.ticket_id
      WHERE t.ticket_id IS NULL OR t.subject IS DISTINCT FROM r.subject OR t.description IS DISTINCT FROM r.description
      ORDER BY r.ticket_id`,
  );
  if (rows.length === 0) return null;
  return assignTexts(await readGroupingState(query), rows);
}

/** The changes that assigning these tickets' texts to the stored issues makes. */
export function assignTexts(stored: StoredGrouping, rows: readonly TextRow[]): GroupingChanges {
  const texts = rows.map(safeTicketTerms);
  const result = assignTickets(stored.state, texts.map((t) => t.terms), stored.nextId);
  const forms = new DisplayForms();
  texts.forEach((t, i) => {
    const id = result.assignment[i]!;
    if (id >= 0) forms.add(id, t);
  });

  const before = new Map(stored.state.issues.map((issue) => [issue.id, issue]));
  const df = documentFrequencies(result.state.corpus);
  const issues: IssueRow[] = [];
  for (const issue of result.state.issues) {
    const previous = before.get(issue.id);
    if (previous === issue) continue;
    const names = issueName(issue, df, result.state.corpus.tickets);
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
    tickets: rows.map((row, i) => {
      const id = result.assignment[i]!;
      return {
        ticketId: Number(row.ticket_id),
        issueId: id >= 0 ? id : null,
        reason: id >= 0 ? null : (texts[i]!.reason ?? 'no terms'),
        language: texts[i]!.language,
      };
    }),
    documentFrequency,
  };
}

export { storeGroupingChanges };
