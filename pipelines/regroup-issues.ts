// `npm run issues -- regroup`: groups every stored ticket afresh (group.ts), which an incremental load never does
// (its issues only grow). Ids stay where the problem stayed: a new group takes the id of the old issue that holds
// the majority of its tickets (the larger overlap wins when two groups would take the same id), and only the
// others get new ids, above every id given before. Not a load: it writes in one transaction with DuckDB's
// optimistic writes off (sql/db.ts), so a kill leaves the old issues or the new ones, and its rows carry the last
// recorded load's id (nothing for the recovery to remove).
import type { Database } from '../sql/db.ts';
import { applyIssueEdits } from '../sql/issues/edits-apply.ts';
import { readGroupingState, storeGroupingChanges, type GroupingChanges } from '../sql/issues/store.ts';
import { safeTicketTerms, type TextRow } from './assign-issues.ts';
import { DisplayForms } from './issues/display.ts';
import { groupTickets } from './issues/group.ts';
import { issueNames, keptTermCount } from './issues/naming.ts';
import { SubjectCounts } from './issues/subject-counts.ts';
import { defaultGroupingOptions } from './issues/state.ts';

export interface RegroupSummary {
  tickets: number;
  issues: number;
  /** Issues that kept an id they had before. */
  kept: number;
  /** Issues with an id new to this regroup. */
  created: number;
  /** Tickets left without an issue (no terms). */
  unassigned: number;
}

export async function regroupIssues(db: Database): Promise<RegroupSummary> {
  return db.write(async (tx) => {
    const stored = await readGroupingState(tx);
    const rows = await tx.all<TextRow & { old_issue: string | null }>(
      // A ticket a lead placed counts for the issue the grouping had it in, so groups keep the grouping's ids and
      // a merged issue's group keeps its id, whose tickets the edits then send to the merge's target.
      `SELECT t.ticket_id::VARCHAR AS ticket_id, t.subject, t.description, coalesce(p.from_issue, i.issue_id)::VARCHAR AS old_issue
         FROM tickets t LEFT JOIN ticket_issues i USING (ticket_id) LEFT JOIN issue_ticket_pins p USING (ticket_id)
        ORDER BY t.ticket_id`,
    );
    const lastLoad = Number((await tx.one<{ n: string }>('SELECT coalesce(max(load_id), 0)::VARCHAR AS n FROM loads'))!.n);
    const changes = regroupTexts(stored, rows, lastLoad);
    await storeGroupingChanges(tx, changes, lastLoad);
    // The leads' edits survive the regroup: names are theirs, merges and moved tickets are applied again.
    await applyIssueEdits(tx, lastLoad, { foldMergedProfiles: true });
    const kept = changes.issues.filter((r) => stored.names.has(r.issue.id)).length;
    return {
      tickets: rows.length,
      issues: changes.issues.length,
      kept,
      created: changes.issues.length - kept,
      unassigned: changes.tickets.filter((t) => t.issueId === null).length,
    };
  });
}

/** The whole new grouping of these tickets, with old ids kept by majority overlap. */
export function regroupTexts(
  stored: Awaited<ReturnType<typeof readGroupingState>>,
  rows: readonly (TextRow & { old_issue: string | null })[],
  lastLoad: number,
): GroupingChanges & { replaceAll: true } {
  const texts = rows.map(safeTicketTerms);
  const result = groupTickets(texts.map((t) => t.terms), 0, defaultGroupingOptions);
  const groups = result.state.issues.length;
  const sizes = new Int32Array(groups);
  const overlap = Array.from({ length: groups }, () => new Map<number, number>());
  rows.forEach((row, t) => {
    const g = result.assignment[t]!;
    if (g < 0) return;
    sizes[g]!++;
    if (row.old_issue === null) return;
    const old = Number(row.old_issue);
    overlap[g]!.set(old, (overlap[g]!.get(old) ?? 0) + 1);
  });
  // Each group's majority old issue, if any; contested ids go to the larger overlap (ties to the lower group).
  const claims: { group: number; old: number; count: number }[] = [];
  overlap.forEach((counts, group) => {
    for (const [old, count] of counts) if (count * 2 > sizes[group]!) claims.push({ group, old, count });
  });
  claims.sort((a, b) => b.count - a.count || a.group - b.group);
  const idOf = new Int32Array(groups).fill(-1);
  const taken = new Set<number>();
  for (const { group, old } of claims) {
    if (taken.has(old)) continue;
    taken.add(old);
    idOf[group] = old;
  }
  let nextId = Math.max(stored.nextId, 1);
  for (let g = 0; g < groups; g++) if (idOf[g] === -1) idOf[g] = nextId++;

  const forms = new DisplayForms();
  const subjects = new SubjectCounts();
  const assignment = rows.map((_, t) => (result.assignment[t]! >= 0 ? idOf[result.assignment[t]!]! : null));
  texts.forEach((text, t) => {
    if (assignment[t] === null) return;
    forms.add(assignment[t]!, text);
    subjects.add(assignment[t]!, text);
  });
  const issues = result.state.issues.map((issue) => {
    const id = idOf[issue.id]!;
    return { ...issue, id, subjectCounts: subjects.of(id, issue.featureCounts) };
  });
  const state = { ...result.state, issues };
  const names = issueNames(state, keptTermCount);
  return {
    options: state.options,
    nextId,
    corpusTickets: state.corpus.tickets,
    issues: issues.map((issue) => {
      const terms = names.get(issue.id)!;
      return { issue, names: terms, display: forms.name(issue.id, terms), createdLoad: stored.createdLoad.get(issue.id) ?? lastLoad };
    }),
    tickets: rows.map((row, t) => ({
      ticketId: Number(row.ticket_id),
      issueId: assignment[t]!,
      reason: assignment[t] === null ? (texts[t]!.reason ?? 'no terms') : null,
      language: texts[t]!.language,
    })),
    documentFrequency: state.corpus.documentFrequency,
    replaceAll: true,
  };
}
