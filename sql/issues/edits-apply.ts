// The leads' edits (sql/schema/009_issue_edits.sql) applied to `ticket_issues`, the one place that says which issue a
// ticket is in now. Every edit calls it in its own transaction, and so does every load after it stores its issue
// assignment and every regroup after it groups afresh, so a merged issue's new tickets go to the target, moved tickets
// stay where the lead put them, and a split's issue comes back after a regroup.
// Rows are deleted and inserted again, tagged with `loadId`, never updated in place: inside a load's transaction the
// torn-commit recovery then undoes them with the load's other rows (docs/ARCHITECTURE.md, "What a kill can and cannot do").
import type { Query } from '../db.ts';
import { sortedCounts } from '../../pipelines/issues/profile.ts';
import { defaultGroupingOptions } from '../../pipelines/issues/state.ts';

/** The issues a lead made by splitting tickets off: they hold only what a lead put in them, so no load assigns to them. */
export const leadMadeIssuesSql = `SELECT target_issue FROM issue_edits WHERE kind = 'split'`;

export interface ApplyScope {
  /** Only the ticket rows this load wrote (the others had the edits applied before); all rows when absent. */
  onlyLoad?: boolean;
  /** A regroup: each merged issue's regrouped profile joins its target's too, so the target's size and profile agree. */
  foldMergedProfiles?: boolean;
}

export interface AppliedEdits {
  /** Tickets whose issue the edits changed. */
  moved: number;
}

export async function applyIssueEdits(tx: Query, loadId: number, scope: ApplyScope = {}): Promise<AppliedEdits> {
  const any = await tx.one<{ edits: boolean }>(
    `SELECT (EXISTS (SELECT 1 FROM issue_ticket_pins) OR EXISTS (SELECT 1 FROM issue_merges) OR EXISTS (${leadMadeIssuesSql})) AS edits`,
  );
  if (!any!.edits) return { moved: 0 };
  const params = { load_id: loadId };
  // A split's issue is not part of the grouping, so a regroup drops its row: it comes back, sized by the moves below.
  await tx.run(
    `INSERT INTO issues
     SELECT s.issue_id, []::VARCHAR[], []::VARCHAR[], 0, []::UINTEGER[], []::STRUCT(feature VARCHAR, tickets INTEGER)[], $load_id, $load_id, $load_id,
            []::STRUCT(feature VARCHAR, tickets INTEGER)[]
       FROM (SELECT DISTINCT target_issue AS issue_id FROM issue_edits WHERE kind = 'split') s
      WHERE s.issue_id NOT IN (SELECT issue_id FROM issues) AND s.issue_id NOT IN (SELECT issue_id FROM issue_merges)`,
    params,
  );
  if (scope.foldMergedProfiles) await foldMergedProfiles(tx, loadId);
  // Pins are kept pointing at live issues (a merge re-points them), so a pin wins; else a merged issue's target.
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE issue_edit_moves AS
     SELECT ti.ticket_id, ti.issue_id AS old_issue, coalesce(p.issue_id, m.into_issue) AS new_issue, ti.language
       FROM ticket_issues ti
       LEFT JOIN issue_ticket_pins p ON p.ticket_id = ti.ticket_id
       LEFT JOIN issue_merges m ON m.issue_id = ti.issue_id
      WHERE coalesce(p.issue_id, m.into_issue) IS DISTINCT FROM coalesce(ti.issue_id, -1)
        AND coalesce(p.issue_id, m.into_issue) IS NOT NULL
        ${scope.onlyLoad ? 'AND ti.load_id = $load_id' : ''}`,
    scope.onlyLoad ? params : {},
  );
  const moved = (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM issue_edit_moves'))!.n;
  if (moved === 0) return { moved };
  await tx.run('DELETE FROM ticket_issues WHERE ticket_id IN (SELECT ticket_id FROM issue_edit_moves)');
  await tx.run(
    'INSERT INTO ticket_issues SELECT ticket_id, new_issue, NULL, language, $load_id FROM issue_edit_moves',
    params,
  );
  // Sizes follow the tickets that moved: each issue loses what left it and gains what came.
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE issue_edit_resized AS
     SELECT i.* REPLACE (greatest(i.size + d.delta, 0)::BIGINT AS size, $load_id::BIGINT AS load_id)
       FROM issues i
       JOIN (SELECT issue_id, sum(d)::BIGINT AS delta
               FROM (SELECT old_issue AS issue_id, -1 AS d FROM issue_edit_moves WHERE old_issue IS NOT NULL
                     UNION ALL SELECT new_issue, 1 FROM issue_edit_moves)
              GROUP BY issue_id HAVING sum(d) <> 0) d USING (issue_id)`,
    params,
  );
  await tx.run('DELETE FROM issues WHERE issue_id IN (SELECT issue_id FROM issue_edit_resized)');
  await tx.run('INSERT INTO issues SELECT * FROM issue_edit_resized');
  return { moved };
}

/**
 * Adds the profile (feature counts) of each merged issue to its target's, most frequent features kept, so that the
 * target's size and its profile count the same tickets (its core is the features a share of its size have).
 */
export async function foldProfiles(tx: Query, merges: readonly { from: number; into: number }[], loadId: number): Promise<void> {
  if (merges.length === 0) return;
  const ids = [...new Set(merges.flatMap((m) => [m.from, m.into]))];
  type Counts = { feature: string; tickets: number }[];
  const rows = await tx.all<{ issue_id: number; feature_counts: Counts; subject_counts: Counts | null }>(
    `SELECT issue_id::INTEGER AS issue_id, feature_counts, subject_counts FROM issues WHERE list_contains($ids::BIGINT[], issue_id)`,
    { ids: `[${ids.join(',')}]` },
  );
  const counted = (counts: Counts | null) => new Map((counts ?? []).map((c) => [c.feature, c.tickets]));
  const profiles = new Map(rows.map((r) => [r.issue_id, counted(r.feature_counts)]));
  // The subject counts (naming's) follow the profile: added up, kept for the kept features.
  const subjects = new Map(rows.map((r) => [r.issue_id, counted(r.subject_counts)]));
  const changed = new Set<number>();
  for (const { from, into } of merges) {
    const source = profiles.get(from);
    const target = profiles.get(into);
    if (!source || !target) continue;
    for (const [feature, tickets] of source) target.set(feature, (target.get(feature) ?? 0) + tickets);
    for (const [feature, tickets] of subjects.get(from)!) subjects.get(into)!.set(feature, (subjects.get(into)!.get(feature) ?? 0) + tickets);
    changed.add(into);
  }
  const asJson = (counts: [string, number][]) => JSON.stringify(counts.map(([feature, tickets]) => ({ feature, tickets })));
  for (const id of changed) {
    const kept = sortedCounts(profiles.get(id)!, defaultGroupingOptions.profileFeatures);
    const inSubjects = kept.flatMap(([feature]): [string, number][] => (subjects.get(id)!.has(feature) ? [[feature, subjects.get(id)!.get(feature)!]] : []));
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE issue_edit_profile AS
       SELECT i.* REPLACE (from_json($counts, '[{"feature":"VARCHAR","tickets":"INTEGER"}]') AS feature_counts,
                           from_json($subjects, '[{"feature":"VARCHAR","tickets":"INTEGER"}]') AS subject_counts, $load_id::BIGINT AS load_id)
         FROM issues i WHERE issue_id = $id`,
      { counts: asJson(kept), subjects: asJson(inSubjects), load_id: loadId, id },
    );
    await tx.run('DELETE FROM issues WHERE issue_id = $id', { id });
    await tx.run('INSERT INTO issues SELECT * FROM issue_edit_profile');
  }
}

async function foldMergedProfiles(tx: Query, loadId: number): Promise<void> {
  const merges = await tx.all<{ from: number; into: number }>(
    `SELECT m.issue_id::INTEGER AS "from", m.into_issue::INTEGER AS "into" FROM issue_merges m
      WHERE m.issue_id IN (SELECT issue_id FROM issues) ORDER BY m.issue_id`,
  );
  await foldProfiles(tx, merges, loadId);
}
