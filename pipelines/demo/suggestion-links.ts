// The demo's suggestions name the problem they are about by the generator's own key (`issue_key`, from
// vocabulary.ts); the recurring problems are found by the grouping, with ids of their own. Once the demo's tickets are
// grouped, each such suggestion is linked to the recurring problem that holds most of the tickets the generator wrote
// about that key (their category and subcategory), so its impact can be measured. The link is an edit in the audit
// trail like any other: by the author, when the suggestion was made, marked as the demo's.
import type { Database } from '../../sql/db.ts';
import { issues } from './vocabulary.ts';

/** Links the unlinked suggestions that carry an issue_key; returns how many were linked. */
export async function linkDemoSuggestionsToIssues(db: Database): Promise<number> {
  const keys = issues.map(({ key, category, subcategory }) => ({ key, category, subcategory }));
  return db.write(async (tx) => {
    const links = await tx.all<{ suggestion_id: number; issue_id: number; author_id: string; created_at: string }>(
      `WITH keys AS (SELECT unnest(from_json($keys, '[{"key":"VARCHAR","category":"VARCHAR","subcategory":"VARCHAR"}]'), recursive := true)),
       counted AS (
         SELECT k.key, ti.issue_id, count(*) AS tickets
           FROM keys k JOIN tickets t ON t.category = k.category AND t.subcategory = k.subcategory
           JOIN ticket_issues ti ON ti.ticket_id = t.ticket_id
          WHERE ti.issue_id IS NOT NULL GROUP BY ALL
       ), best AS (
         SELECT key, issue_id FROM counted QUALIFY row_number() OVER (PARTITION BY key ORDER BY tickets DESC, issue_id) = 1
       )
       SELECT s.suggestion_id::INTEGER AS suggestion_id, b.issue_id::INTEGER AS issue_id, s.author_id,
              strftime(s.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at
         FROM suggestions s JOIN best b ON b.key = s.issue_key
        WHERE s.issue_id IS NULL ORDER BY s.suggestion_id`,
      { keys: JSON.stringify(keys) },
    );
    for (const link of links) {
      await tx.run('UPDATE suggestions SET issue_id = $issue WHERE suggestion_id = $id', { id: link.suggestion_id, issue: link.issue_id });
      await tx.run(
        `INSERT INTO suggestion_events (suggestion_id, kind, actor_id, occurred_at, payload) VALUES ($id, 'edit', $author, $at::TIMESTAMPTZ, $payload::JSON)`,
        { id: link.suggestion_id, author: link.author_id, at: link.created_at, payload: JSON.stringify({ before: { issue_id: null }, after: { issue_id: link.issue_id }, linked_by: 'demo' }) },
      );
    }
    if (links.length > 0) await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
    return links.length;
  });
}
