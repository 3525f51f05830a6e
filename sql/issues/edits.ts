// The team lead's actions on issues (issue 12 §4): rename, mark as a known problem, merge, move tickets or split them
// into a new issue. Each is one write: it records the edit (who, when) in issue_edits, keeps the pins and merges
// that loads and regroups apply again (edits-apply.ts), updates ticket_issues and the issues' sizes, and bumps the
// data version, so cached answers that show issues are recomputed.
import type { Actor } from '../actor.ts';
import { filterSql, type Filters } from '../metrics/filters.ts';
import type { Database, Query } from '../db.ts';
import { applyIssueEdits, foldProfiles } from './edits-apply.ts';

export type { Actor };

export type EditRefusalKind = 'not_found' | 'conflict' | 'invalid';

/** An edit that cannot be made: the API answers 404, 409 or 422 naming `field`. */
export class EditRefusal extends Error {
  constructor(
    readonly kind: EditRefusalKind,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EditRefusal';
  }
}

export interface Stamp {
  by: string;
  at: string;
}

/** What the leads' edits say about one issue now. Issues no lead touched have all three null. */
export interface IssueEditState {
  /** The name a lead gave it (a rename, or the name of a split that made it), overriding its terms. */
  renamed: ({ name: string } & Stamp) | null;
  /** Marked a known problem (the problem repository), with the lead's note. */
  known_problem: ({ note: string } & Stamp) | null;
  /** Merged into another issue: its tickets are there, and it takes no edits. */
  merged_into: ({ issue_id: number } & Stamp) | null;
}

export const noEdits: IssueEditState = { renamed: null, known_problem: null, merged_into: null };

type Reader = Pick<Database, 'read'> | Pick<Query, 'all'>;
const readRows = <T extends Record<string, unknown>>(db: Reader, sql: string, params?: Record<string, string | number>): Promise<T[]> =>
  'read' in db ? db.read<T>(sql, params) : db.all<T>(sql, params);

const stampSql = `edited_by AS "by", strftime(edited_at, '%Y-%m-%dT%H:%M:%SZ') AS "at"`;

/**
 * Per issue id, what the leads' edits say about it now: the name a lead gave it, its known-problem note and the issue
 * it was merged into. Only issues with an edit are in the map (others: `noEdits`); `issueIds` narrows it.
 * For the issue list and detail (GET /api/issues, /api/issues/:id): show `renamed.name` in place of the terms.
 */
export async function readIssueEdits(db: Reader, issueIds?: readonly number[]): Promise<Map<number, IssueEditState>> {
  const only = issueIds ? `WHERE list_contains($ids::BIGINT[], issue_id)` : '';
  const params = issueIds ? { ids: `[${issueIds.map((id) => Math.trunc(id)).join(',')}]` } : undefined;
  const rows = await readRows<{ issue_id: number; what: 'renamed' | 'known_problem' | 'merged_into'; text: string | null; target: number | null; by: string; at: string }>(
    db,
    `WITH named AS (
       SELECT CASE kind WHEN 'split' THEN target_issue ELSE issue_id END AS issue_id, 'renamed' AS what, name AS text, NULL::BIGINT AS target, edit_id, edited_by, edited_at
         FROM issue_edits WHERE kind IN ('rename', 'split')
       UNION ALL
       SELECT issue_id, 'known_problem', CASE kind WHEN 'known_problem' THEN note END, NULL, edit_id, edited_by, edited_at
         FROM issue_edits WHERE kind IN ('known_problem', 'known_problem_cleared')
       UNION ALL
       SELECT issue_id, 'merged_into', NULL, target_issue, edit_id, edited_by, edited_at FROM issue_edits WHERE kind = 'merge'
     ), latest AS (
       SELECT * FROM named ${only} QUALIFY row_number() OVER (PARTITION BY issue_id, what ORDER BY edit_id DESC) = 1
     )
     SELECT latest.issue_id::INTEGER AS issue_id, what, text, coalesce(m.into_issue, latest.target)::INTEGER AS target, ${stampSql}
       FROM latest LEFT JOIN issue_merges m ON what = 'merged_into' AND m.issue_id = latest.issue_id
      ORDER BY issue_id`,
    params,
  );
  const states = new Map<number, IssueEditState>();
  for (const row of rows) {
    const state = states.get(row.issue_id) ?? { ...noEdits };
    const stamp = { by: row.by, at: row.at };
    if (row.what === 'renamed') state.renamed = { name: row.text!, ...stamp };
    else if (row.what === 'known_problem') state.known_problem = row.text === null ? null : { note: row.text, ...stamp };
    else state.merged_into = { issue_id: row.target!, ...stamp };
    states.set(row.issue_id, state);
  }
  return states;
}

export interface IssueEdit {
  edit_id: number;
  kind: 'rename' | 'known_problem' | 'known_problem_cleared' | 'merge' | 'move' | 'split';
  issue_id: number;
  target_issue: number | null;
  name: string | null;
  note: string | null;
  ticket_ids: number[] | null;
  by: string;
  at: string;
}

/** Every edit made to an issue or that gave it tickets, oldest first; undefined for an issue never known. */
/**
 * The edits of an issue, oldest first. `ticketScope` (a lead's team, an agent's own tickets): a move names only the
 * moved tickets inside it, chosen in SQL against the facts, so another team's ticket ids never leave the database.
 */
export async function issueHistory(db: Database, id: number, ticketScope: Filters = {}): Promise<IssueEdit[] | undefined> {
  const [known] = await db.read<{ known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM issues WHERE issue_id = $id) OR EXISTS (SELECT 1 FROM issue_merges WHERE issue_id = $id)
            OR EXISTS (SELECT 1 FROM issue_edits WHERE issue_id = $id OR target_issue = $id) AS known`,
    { id },
  );
  if (!known!.known) return undefined;
  const scope = filterSql(ticketScope);
  const tickets = scope.where.length === 0
    ? 'ticket_ids::VARCHAR[]'
    : `CASE WHEN e.ticket_ids IS NULL THEN NULL ELSE coalesce((SELECT list(f.ticket_id::VARCHAR ORDER BY f.ticket_id) FROM ticket_facts f
         WHERE list_contains(e.ticket_ids, f.ticket_id)${scope.where.map((condition) => ` AND ${condition}`).join('')}), []) END`;
  const rows = await db.read<Omit<IssueEdit, 'ticket_ids'> & { ticket_ids: string[] | null }>(
    `SELECT edit_id::INTEGER AS edit_id, kind, issue_id::INTEGER AS issue_id, target_issue::INTEGER AS target_issue, name, note,
            ${tickets} AS ticket_ids, ${stampSql}
       FROM issue_edits e WHERE issue_id = $id OR target_issue = $id ORDER BY edit_id`,
    { ...(scope.params as Record<string, never>), id },
  );
  return rows.map((r) => ({ ...r, ticket_ids: r.ticket_ids === null ? null : r.ticket_ids.map(Number) }));
}

export interface IssuePatch {
  name?: string;
  /** A note marks it a known problem; null takes the mark off. */
  known_problem?: { note: string } | null;
}

/** Renames an issue and/or marks or unmarks it a known problem; answers what the edits say about it now. */
export async function editIssue(db: Database, id: number, patch: IssuePatch, actor: Actor): Promise<IssueEditState> {
  await db.write(async (tx) => {
    await checkLiveIssue(tx, id, 'id');
    if (patch.name !== undefined) await recordEdit(tx, { issue_id: id, kind: 'rename', name: patch.name }, actor);
    if (patch.known_problem !== undefined) {
      const mark = patch.known_problem;
      await recordEdit(tx, mark === null ? { issue_id: id, kind: 'known_problem_cleared' } : { issue_id: id, kind: 'known_problem', note: mark.note }, actor);
    }
    await bumpDataVersion(tx);
  });
  return (await readIssueEdits(db, [id])).get(id) ?? { ...noEdits };
}

export interface MergeResult {
  issue_id: number;
  into: number;
  moved_tickets: number;
}

/** Merges issue `id` into `into`: its tickets go there now, and so do those later loads and regroups give it. */
export async function mergeIssue(db: Database, id: number, into: number, actor: Actor): Promise<MergeResult> {
  if (id === into) throw new EditRefusal('invalid', 'into', `issue ${id} cannot be merged into itself`);
  return db.write(async (tx) => {
    await checkLiveIssue(tx, id, 'id');
    await checkLiveIssue(tx, into, 'into');
    const editId = await recordEdit(tx, { issue_id: id, kind: 'merge', target_issue: into }, actor);
    const params = { id, into };
    // Flat chains: what was merged into `id` now goes to `into` too, and tickets pinned to `id` follow it.
    await tx.run('UPDATE issue_merges SET into_issue = $into WHERE into_issue = $id', params);
    await tx.run('INSERT INTO issue_merges VALUES ($id, $into)', params);
    await tx.run('UPDATE issue_ticket_pins SET issue_id = $into WHERE issue_id = $id', params);
    // Its tickets are pinned to the target, remembering where the grouping had them: a regroup then gives their
    // group this issue's id again, and everything that group gets later follows the merge.
    await tx.run(
      `INSERT INTO issue_ticket_pins
       SELECT ticket_id, $into, $id, $edit FROM ticket_issues WHERE issue_id = $id AND ticket_id NOT IN (SELECT ticket_id FROM issue_ticket_pins)`,
      { ...params, edit: editId },
    );
    const tag = await lastLoadId(tx);
    await foldProfiles(tx, [{ from: id, into }], tag);
    const { moved } = await applyIssueEdits(tx, tag);
    await bumpDataVersion(tx);
    return { issue_id: id, into, moved_tickets: moved };
  });
}

export interface MoveResult {
  from_issue: number;
  to_issue: number;
  /** True when the tickets were split into a new issue. */
  created: boolean;
  moved_tickets: number;
}

/**
 * Moves tickets of issue `id` to issue `to`, or with `to` null splits them into a new issue called `name`. They stay
 * there through loads and regroups.
 */
export async function moveTickets(
  db: Database,
  id: number,
  ticketIds: readonly number[],
  target: { to: number } | { name: string },
  actor: Actor,
  ticketScope: Filters = {},
): Promise<MoveResult> {
  const tickets = [...new Set(ticketIds)].sort((a, b) => a - b);
  // A lead moves their team's tickets only: another team's are unknown to them, as GET /api/tickets/:id says.
  const scope = filterSql(ticketScope);
  const inScope = scope.where.length === 0 ? '' : ` AND EXISTS (SELECT 1 FROM ticket_facts f WHERE f.ticket_id = t.ticket_id${scope.where.map((c) => ` AND ${c}`).join('')})`;
  if ('to' in target && target.to === id) throw new EditRefusal('invalid', 'to', `the tickets are in issue ${id} already`);
  return db.write(async (tx) => {
    await checkLiveIssue(tx, id, 'id');
    if ('to' in target) await checkLiveIssue(tx, target.to, 'to');
    const list = `[${tickets.join(',')}]`;
    const found = await tx.all<{ ticket_id: number; issue_id: number | null }>(
      `SELECT t.ticket_id::INTEGER AS ticket_id, i.issue_id::INTEGER AS issue_id
         FROM tickets t LEFT JOIN ticket_issues i USING (ticket_id)
        WHERE list_contains($ids::BIGINT[], t.ticket_id)${inScope} ORDER BY t.ticket_id`,
      { ...(scope.params as Record<string, never>), ids: list },
    );
    const unknown = tickets.filter((t) => !found.some((r) => r.ticket_id === t));
    if (unknown.length > 0) throw new EditRefusal('not_found', 'ticket_ids', `there is no ticket ${unknown.slice(0, 10).join(', ')}`);
    const elsewhere = found.filter((r) => r.issue_id !== id);
    if (elsewhere.length > 0) {
      throw new EditRefusal('invalid', 'ticket_ids', `ticket ${elsewhere.slice(0, 10).map((r) => r.ticket_id).join(', ')} is not in issue ${id}`);
    }
    const to = 'to' in target ? target.to : await takeIssueId(tx);
    const editId = await recordEdit(
      tx,
      'to' in target
        ? { issue_id: id, kind: 'move', target_issue: to, ticket_ids: tickets }
        : { issue_id: id, kind: 'split', target_issue: to, name: target.name, ticket_ids: tickets },
      actor,
    );
    // A ticket moved again keeps the issue the grouping had put it in (what a regroup keeps ids by).
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE moved_pins AS
       SELECT t.ticket_id, $to::BIGINT AS issue_id, coalesce(p.from_issue, $id)::BIGINT AS from_issue, $edit::BIGINT AS edit_id
         FROM (SELECT unnest($ids::BIGINT[]) AS ticket_id) t LEFT JOIN issue_ticket_pins p USING (ticket_id)`,
      { ids: list, to, id, edit: editId },
    );
    await tx.run('DELETE FROM issue_ticket_pins WHERE ticket_id IN (SELECT ticket_id FROM moved_pins)');
    await tx.run('INSERT INTO issue_ticket_pins SELECT ticket_id, issue_id, from_issue, edit_id FROM moved_pins');
    const { moved } = await applyIssueEdits(tx, await lastLoadId(tx));
    await bumpDataVersion(tx);
    return { from_issue: id, to_issue: to, created: !('to' in target), moved_tickets: moved };
  });
}

/** An issue that exists and was not merged away; otherwise a refusal naming `field`. */
async function checkLiveIssue(tx: Query, id: number, field: string): Promise<void> {
  const row = await tx.one<{ live: boolean; merged_into: number | null }>(
    `SELECT EXISTS (SELECT 1 FROM issues WHERE issue_id = $id) AS live,
            (SELECT into_issue FROM issue_merges WHERE issue_id = $id)::INTEGER AS merged_into`,
    { id },
  );
  if (row!.merged_into !== null) throw new EditRefusal('conflict', field, `issue ${id} was merged into issue ${row!.merged_into}`);
  if (!row!.live) throw new EditRefusal('not_found', field, `there is no issue ${id}`);
}

type EditRow = Partial<Omit<IssueEdit, 'edit_id' | 'by' | 'at'>> & Pick<IssueEdit, 'issue_id' | 'kind'>;

async function recordEdit(tx: Query, edit: EditRow, actor: Actor): Promise<number> {
  const row = await tx.one<{ edit_id: number }>(
    `INSERT INTO issue_edits (issue_id, kind, target_issue, name, note, ticket_ids, edited_by, edited_at)
     VALUES ($issue_id, $kind, $target_issue, $name, $note, $ticket_ids::BIGINT[], $by, $at::TIMESTAMPTZ)
     RETURNING edit_id::INTEGER AS edit_id`,
    {
      issue_id: edit.issue_id, kind: edit.kind, target_issue: edit.target_issue ?? null, name: edit.name ?? null, note: edit.note ?? null,
      ticket_ids: edit.ticket_ids ? `[${edit.ticket_ids.join(',')}]` : null, by: actor.by, at: actor.at.toISOString(),
    },
  );
  return row!.edit_id;
}

/** The next issue id of the grouping (a split's issue), taken so that no load or regroup gives it again. */
async function takeIssueId(tx: Query): Promise<number> {
  const row = await tx.one<{ next: number }>('SELECT next_issue_id::INTEGER AS next FROM issue_grouping');
  if (!row) throw new EditRefusal('not_found', 'id', 'there are no issues yet');
  // Deleted and inserted again, like every write of this row (sql/issues/store.ts).
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE next_grouping AS SELECT * REPLACE (next_issue_id + 1 AS next_issue_id) FROM issue_grouping`,
  );
  await tx.run('DELETE FROM issue_grouping');
  await tx.run('INSERT INTO issue_grouping SELECT * FROM next_grouping');
  return row.next;
}

/** Edits are not loads: their rows carry the last recorded load's id, like a regroup's (nothing for recovery to undo). */
async function lastLoadId(tx: Query): Promise<number> {
  return (await tx.one<{ n: number }>('SELECT coalesce(max(load_id), 0)::INTEGER AS n FROM loads'))!.n;
}

/** Issues are part of what cached answers show: an edit is a new data version, as a goal's change is. */
const bumpDataVersion = (tx: Query) => tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
