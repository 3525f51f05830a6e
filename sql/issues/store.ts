// The recurring-problem grouping state (pipelines/issues/state.ts) in DuckDB (sql/schema/008_issues.sql): read whole
// before a load assigns its tickets, written back as the rows that changed. Rows are never updated in place: a
// changed row is deleted and inserted again with the writing load's id, so that sql/recovery.ts can undo a torn
// commit by removing the tagged rows (docs/ARCHITECTURE.md, "What a kill can and cannot do").
import type { Query } from '../db.ts';
import { defaultGroupingOptions, type GroupingOptions, type GroupingState, type IssueState } from '../../pipelines/issues/state.ts';
import { leadMadeIssuesSql } from './edits-apply.ts';

/** The stored state's shape; a change of it (or of the options' meaning) needs a regroup. */
export const issueStateFormat = 1;

export interface StoredGrouping {
  state: GroupingState;
  nextId: number;
  /** Display form of each name term, by issue id (parallel to `names`). */
  display: Map<number, string[]>;
  names: Map<number, string[]>;
  /** The load that made each issue. */
  createdLoad: Map<number, number>;
}

export async function readGroupingState(query: Query): Promise<StoredGrouping> {
  const head = await query.one<{ format: number; options: string; next_issue_id: string; corpus_tickets: string }>(
    `SELECT format, options::VARCHAR AS options, next_issue_id::VARCHAR AS next_issue_id,
            corpus_tickets::VARCHAR AS corpus_tickets FROM issue_grouping`,
  );
  if (head === undefined) {
    return { state: { options: defaultGroupingOptions, issues: [], corpus: { tickets: 0, documentFrequency: [] } }, nextId: 1, display: new Map(), names: new Map(), createdLoad: new Map() };
  }
  if (head.format !== issueStateFormat) {
    throw new Error(`the stored issues have format ${head.format}, this ServicePulse writes ${issueStateFormat}: run \`npm run issues -- regroup\``);
  }
  const options = JSON.parse(head.options) as GroupingOptions;
  const rows = await query.all<{
    issue_id: string; size: string; signature: number[]; feature_counts: { feature: string; tickets: number }[];
    subject_counts: { feature: string; tickets: number }[] | null; name_terms: string[]; display_terms: string[]; created_load: string | null;
  }>(
    `SELECT issue_id::VARCHAR AS issue_id, size::VARCHAR AS size, signature, feature_counts, subject_counts, name_terms, display_terms,
            created_load::VARCHAR AS created_load
       FROM issues WHERE issue_id NOT IN (${leadMadeIssuesSql}) ORDER BY issue_id`,
  );
  const issues: IssueState[] = rows.map((r) => ({
    id: Number(r.issue_id),
    size: Number(r.size),
    signature: r.signature.map(Number),
    featureCounts: r.feature_counts.map((c) => [c.feature, c.tickets] as [string, number]),
    subjectCounts: (r.subject_counts ?? []).map((c) => [c.feature, c.tickets] as [string, number]),
  }));
  const df = await query.all<{ feature: string; tickets: number }>(
    'SELECT feature, tickets::INTEGER AS tickets FROM issue_term_frequency ORDER BY feature',
  );
  return {
    state: { options, issues, corpus: { tickets: Number(head.corpus_tickets), documentFrequency: df.map((r) => [r.feature, r.tickets]) } },
    nextId: Number(head.next_issue_id),
    names: new Map(rows.map((r) => [Number(r.issue_id), r.name_terms])),
    display: new Map(rows.map((r) => [Number(r.issue_id), r.display_terms])),
    createdLoad: new Map(rows.filter((r) => r.created_load !== null).map((r) => [Number(r.issue_id), Number(r.created_load)])),
  };
}

export interface IssueRow {
  issue: IssueState;
  names: string[];
  display: string[];
  /** The load that made the issue (kept from the stored row when it grew). */
  createdLoad: number | null;
}

export interface TicketIssueRow {
  ticketId: number;
  issueId: number | null;
  reason: string | null;
  language: string;
}

export interface GroupingChanges {
  options: GroupingOptions;
  nextId: number;
  corpusTickets: number;
  /** New and grown issues, written whole. */
  issues: IssueRow[];
  tickets: TicketIssueRow[];
  /** Features whose document frequency changed, with the new count. */
  documentFrequency: [feature: string, tickets: number][];
  /** Every stored row goes first (a regroup). */
  replaceAll?: boolean;
  /** The next issue id the changes were computed from; their new issues have ids from it up. */
  baseNextId?: number;
}

/**
 * The changes with their new issues renumbered after the ids taken since they were computed (a lead's split while a
 * load prepared its rows takes an id from the stored next one): the new ids are exactly those from `baseNextId` up.
 */
async function rebaseNewIssueIds(tx: Query, changes: GroupingChanges): Promise<GroupingChanges> {
  if (changes.replaceAll || changes.baseNextId === undefined) return changes;
  const base = changes.baseNextId;
  const row = await tx.one<{ next: string }>('SELECT next_issue_id::VARCHAR AS next FROM issue_grouping');
  const shift = row === undefined ? 0 : Number(row.next) - base;
  if (shift <= 0) return changes;
  const moved = (id: number) => (id >= base ? id + shift : id);
  return {
    ...changes,
    nextId: changes.nextId + shift,
    baseNextId: base + shift,
    issues: changes.issues.map((r) => ({ ...r, issue: { ...r.issue, id: moved(r.issue.id) } })),
    tickets: changes.tickets.map((t) => ({ ...t, issueId: t.issueId === null ? null : moved(t.issueId) })),
  };
}

/** Writes what changed, each row tagged with `loadId`. */
export async function storeGroupingChanges(tx: Query, computed: GroupingChanges, loadId: number): Promise<void> {
  const changes = await rebaseNewIssueIds(tx, computed);
  const tag = { load_id: loadId };
  if (changes.replaceAll) {
    for (const table of ['issues', 'ticket_issues', 'issue_term_frequency']) await tx.run(`DELETE FROM ${table}`);
  }
  await tx.run('DELETE FROM issue_grouping');
  await tx.run(
    `INSERT INTO issue_grouping VALUES ($format, $options::JSON, $next, $corpus, $load_id)`,
    { format: issueStateFormat, options: JSON.stringify(changes.options), next: changes.nextId, corpus: changes.corpusTickets, ...tag },
  );
  if (changes.issues.length > 0) {
    const ids = json(changes.issues.map((r) => r.issue.id));
    if (!changes.replaceAll) await tx.run(`DELETE FROM issues WHERE issue_id IN (SELECT unnest(from_json($ids, '["BIGINT"]')))`, { ids });
    await tx.run(
      `INSERT INTO issues
       SELECT unnest(from_json($ids, '["BIGINT"]')), unnest(from_json($names, '[["VARCHAR"]]')), unnest(from_json($display, '[["VARCHAR"]]')),
              unnest(from_json($sizes, '["BIGINT"]')), unnest(from_json($signatures, '[["UINTEGER"]]')),
              unnest(from_json($counts, '[[{"feature":"VARCHAR","tickets":"INTEGER"}]]')),
              coalesce(unnest(from_json($created, '["BIGINT"]')), $load_id), $load_id, $load_id,
              unnest(from_json($subjects, '[[{"feature":"VARCHAR","tickets":"INTEGER"}]]'))`,
      {
        ids,
        names: json(changes.issues.map((r) => r.names)),
        display: json(changes.issues.map((r) => r.display)),
        sizes: json(changes.issues.map((r) => r.issue.size)),
        signatures: json(changes.issues.map((r) => r.issue.signature)),
        counts: json(changes.issues.map((r) => r.issue.featureCounts.map(([feature, tickets]) => ({ feature, tickets })))),
        subjects: json(changes.issues.map((r) => (r.issue.subjectCounts ?? []).map(([feature, tickets]) => ({ feature, tickets })))),
        created: json(changes.issues.map((r) => r.createdLoad)),
        ...tag,
      },
    );
  }
  if (changes.tickets.length > 0) {
    const ids = json(changes.tickets.map((r) => r.ticketId));
    if (!changes.replaceAll) {
      await tx.run(`DELETE FROM ticket_issues WHERE ticket_id IN (SELECT unnest(from_json($ids, '["BIGINT"]')))`, { ids });
    }
    await tx.run(
      `INSERT INTO ticket_issues
       SELECT unnest(from_json($ids, '["BIGINT"]')), unnest(from_json($issues, '["BIGINT"]')), unnest(from_json($reasons, '["VARCHAR"]')),
              unnest(from_json($languages, '["VARCHAR"]')), $load_id`,
      {
        ids,
        issues: json(changes.tickets.map((r) => r.issueId)),
        reasons: json(changes.tickets.map((r) => r.reason)),
        languages: json(changes.tickets.map((r) => r.language)),
        ...tag,
      },
    );
  }
  if (changes.documentFrequency.length > 0) {
    const features = json(changes.documentFrequency.map(([f]) => f));
    if (!changes.replaceAll) {
      await tx.run(`DELETE FROM issue_term_frequency WHERE feature IN (SELECT unnest(from_json($features, '["VARCHAR"]')))`, { features });
    }
    await tx.run(
      `INSERT INTO issue_term_frequency
       SELECT unnest(from_json($features, '["VARCHAR"]')), unnest(from_json($counts, '["BIGINT"]')), $load_id`,
      { features, counts: json(changes.documentFrequency.map(([, n]) => n)), ...tag },
    );
  }
}

// Lists travel as one JSON text each: a bound DuckDB list takes its type from its first element, which may be null.
const json = (value: unknown): string => JSON.stringify(value);
