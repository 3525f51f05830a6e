// The leads' edits shown where issues are shown: after a rename and a known-problem mark, GET /api/issues and
// GET /api/issues/:id name the issue by the lead's name, with who and when, and carry the note (the list's cache
// is a new data version after the edit). The small fixture's five tickets grouped by hand, as in
// issue-actions.test.ts: issue 1 = tickets 1, 2; issue 2 = ticket 3; issue 3 = tickets 4, 5.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetailResponse, IssueListResponse } from '../../api/contracts.ts';
import { asPerson } from '../helpers/signed-in.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();
const at = '2026-01-20T12:00:00Z';
const range = 'from=2025-10-01&to=2026-02-01';

async function get<T>(url: string): Promise<T> {
  const response = await fixture.app.request(url, { headers: { accept: 'application/json' } });
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  await fixture.db.write(async (tx) => {
    for (const table of ['issues', 'ticket_issues', 'issue_grouping']) await tx.run(`DELETE FROM ${table}`);
    await tx.run(`INSERT INTO issue_grouping VALUES (1, '{}', 4, 5, 1)`);
    await tx.run(`INSERT INTO issues SELECT id, ['t' || id], ['term' || id], size, [], [], 1, 1, 1, [] FROM (VALUES (1, 2), (2, 1), (3, 2)) v(id, size)`);
    await tx.run(`INSERT INTO ticket_issues SELECT t, CASE WHEN t <= 2 THEN 1 WHEN t = 3 THEN 2 ELSE 3 END, NULL, 'en', 1 FROM range(1, 6) r(t)`);
  });
});

describe('edits where issues are shown', () => {
  it('names a renamed issue by the lead’s name in the list and the detail, with who and when, and carries the note', async () => {
    const before = await get<IssueListResponse>(`/api/issues?${range}`);
    expect(before.issues.find((i) => i.issue_id === 1)).toMatchObject({ name: 'term1', renamed: null, known_problem: null });

    for (const body of [{ name: 'Double charges', by: 'Ana Kovač' }, { known_problem: { note: 'FAQ 3: refunds' }, by: 'Ivo' }]) {
      // Each edit by the lead it names: the server stamps the signed-in person (api/actor.ts).
      const lead = await asPerson(fixture.app, fixture.db, body.by);
      const response = await lead.request('/api/issues/1', { method: 'PATCH', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(200);
    }

    const after = await get<IssueListResponse>(`/api/issues?${range}`);
    expect(after.issues.find((i) => i.issue_id === 1)).toMatchObject({
      name: 'Double charges',
      terms: ['term1'],
      renamed: { name: 'Double charges', by: 'Ana Kovač', at },
      known_problem: { note: 'FAQ 3: refunds', by: 'Ivo', at },
    });
    // The others keep their terms as their name.
    expect(after.issues.filter((i) => i.issue_id !== 1).map((i) => [i.issue_id, i.name, i.renamed])).toEqual(
      before.issues.filter((i) => i.issue_id !== 1).map((i) => [i.issue_id, `term${i.issue_id}`, null]),
    );
    const detail = await get<IssueDetailResponse>(`/api/issues/1?${range}`);
    expect([detail.issue.name, detail.issue.renamed?.by, detail.issue.known_problem?.note]).toEqual(['Double charges', 'Ana Kovač', 'FAQ 3: refunds']);
  });
});
