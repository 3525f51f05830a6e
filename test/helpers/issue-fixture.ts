// The small fixture (test/fixtures/small) with its issues set by hand, so that every figure of an issue can be
// worked out from the fixture's README: the text grouping's own choice for five tickets is not what these tests are about.
//   issue 1 "billing": 10001, 10003, 10004 (ticket ids 1, 3, 4) — requester c1 for all three
//   issue 2 "access":  10002, 10005 (ticket ids 2, 5) — requesters c2 and c1
import { listValue } from '@duckdb/node-api';
import type { Database } from '../../sql/db.ts';

export const handIssues: Array<{ issueId: number; terms: string[]; display: string[]; features: Array<[string, number]>; tickets: number[] }> = [
  { issueId: 1, terms: ['invoic', 'refund'], display: ['Invoice', 'refund'], features: [['invoic', 2], ['refund', 1], ['app', 1]], tickets: [1, 3, 4] },
  { issueId: 2, terms: ['password'], display: ['password'], features: [['password', 1]], tickets: [2, 5] },
];

export async function setHandIssues(db: Database): Promise<void> {
  await db.write(async (tx) => {
    await tx.run('DELETE FROM ticket_issues');
    await tx.run('DELETE FROM issues');
    for (const issue of handIssues) {
      await tx.run(
        `INSERT INTO issues (issue_id, name_terms, display_terms, size, signature, feature_counts, created_load, updated_load, load_id)
         SELECT $id, $terms::VARCHAR[], $display::VARCHAR[], $size, []::UINTEGER[],
                list_transform($features::VARCHAR[], (f, i) -> {'feature': split_part(f, ':', 1), 'tickets': split_part(f, ':', 2)::INTEGER}), 1, 1, 1`,
        { id: issue.issueId, terms: listValue(issue.terms), display: listValue(issue.display), size: issue.tickets.length, features: listValue(issue.features.map(([f, n]) => `${f}:${n}`)) },
      );
      for (const ticket of issue.tickets) {
        await tx.run(`INSERT INTO ticket_issues VALUES ($ticket, $issue, NULL, 'en', 1)`, { ticket, issue: issue.issueId });
      }
    }
    // A change of the data, as a lead's edit of the issues is: cached answers must not outlive it.
    await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
  });
}
