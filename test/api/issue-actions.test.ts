// The lead's actions on issues through the API, on the small fixture's five tickets grouped by hand (not by the
// grouping, so every expected number below is counted from this table):
//   issue 1: tickets 1, 2    issue 2: ticket 3    issue 3: tickets 4, 5    next issue id: 4
// "Now" is the fixture's Tue 20 Jan 2026 12:00 UTC, which the server stamps on every edit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssueHistoryResponse } from '../../api/contracts.ts';
import { asPerson } from '../helpers/signed-in.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();
const at = '2026-01-20T12:00:00Z';

/** Sent by the lead its `by` names (the server takes who from the session; `by` itself is ignored), else by Ana Kovač. */
async function send(method: string, url: string, body: Record<string, unknown>, as = String(body.by ?? 'Ana Kovač')) {
  const lead = await asPerson(fixture.app, fixture.db, as);
  const response = await lead.request(url, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { issues?: { parameter: string }[] } };
}

const placement = async () =>
  Object.fromEntries(
    (await fixture.db.read<{ ticket_id: number; issue_id: number }>('SELECT ticket_id::INTEGER AS ticket_id, issue_id::INTEGER AS issue_id FROM ticket_issues ORDER BY ticket_id'))
      .map((r) => [r.ticket_id, r.issue_id]),
  );
const sizes = async () =>
  Object.fromEntries(
    (await fixture.db.read<{ issue_id: number; size: number }>('SELECT issue_id::INTEGER AS issue_id, size::INTEGER AS size FROM issues ORDER BY issue_id'))
      .map((r) => [r.issue_id, r.size]),
  );

beforeAll(async () => {
  await fixture.db.write(async (tx) => {
    for (const table of ['issues', 'ticket_issues', 'issue_grouping']) await tx.run(`DELETE FROM ${table}`);
    await tx.run(`INSERT INTO issue_grouping VALUES (1, '{}', 4, 5, 1)`);
    await tx.run(
      `INSERT INTO issues SELECT id, ['t' || id], ['t' || id], size, [], [], 1, 1, 1, [] FROM (VALUES (1, 2), (2, 1), (3, 2)) v(id, size)`,
    );
    await tx.run(
      `INSERT INTO ticket_issues SELECT t, CASE WHEN t <= 2 THEN 1 WHEN t = 3 THEN 2 ELSE 3 END, NULL, 'en', 1 FROM range(1, 6) r(t)`,
    );
  });
});

describe('renaming and marking a known problem', () => {
  it('records the name and the note with who and when', async () => {
    const renamed = await send('PATCH', '/api/issues/1', { name: ' Double charges ', by: 'Ana Kovač' });
    expect(renamed).toEqual({
      status: 200,
      body: { issue_id: 1, renamed: { name: 'Double charges', by: 'Ana Kovač', at }, known_problem: null, merged_into: null },
    });
    const marked = await send('PATCH', '/api/issues/1', { known_problem: { note: 'FAQ 3: refunds' }, by: 'Ivo' });
    expect(marked.body.known_problem).toEqual({ note: 'FAQ 3: refunds', by: 'Ivo', at });
    expect(marked.body.renamed).toEqual({ name: 'Double charges', by: 'Ana Kovač', at });
    const unmarked = await send('PATCH', '/api/issues/1', { known_problem: null, by: 'Ivo' });
    expect(unmarked.body.known_problem).toBeNull();
  });

  it('refuses a body without a change, an over-long `by`, and an unknown issue', async () => {
    expect((await send('PATCH', '/api/issues/1', { by: 'Ana' })).body.issues?.[0]?.parameter).toBe('name');
    const tooLong = await send('PATCH', '/api/issues/1', { name: 'x', by: 'a'.repeat(101) });
    expect([tooLong.status, tooLong.body.issues?.[0]?.parameter]).toEqual([400, 'by']);
    const unknown = await send('PATCH', '/api/issues/99', { name: 'x', by: 'Ana' });
    expect([unknown.status, unknown.body.issues?.[0]?.parameter]).toEqual([404, 'id']);
    const text = await fixture.app.request('/api/issues/1', { method: 'PATCH', body: 'name=x', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
  });
});

describe('merging', () => {
  it('refuses a merge into itself or into an unknown issue', async () => {
    const itself = await send('POST', '/api/issues/2/merge', { into: 2, by: 'Ana' });
    expect([itself.status, itself.body.issues?.[0]?.parameter]).toEqual([422, 'into']);
    const unknown = await send('POST', '/api/issues/2/merge', { into: 99, by: 'Ana' });
    expect([unknown.status, unknown.body.issues?.[0]?.parameter]).toEqual([404, 'into']);
  });

  it('moves the tickets to the target and keeps the sizes', async () => {
    expect(await send('POST', '/api/issues/2/merge', { into: 1, by: 'Ana' })).toEqual({ status: 200, body: { issue_id: 2, into: 1, moved_tickets: 1 } });
    expect(await placement()).toEqual({ 1: 1, 2: 1, 3: 1, 4: 3, 5: 3 });
    expect(await sizes()).toEqual({ 1: 3, 2: 0, 3: 2 });
  });

  it('answers 409 for edits of the merged issue and merges into it', async () => {
    const edit = await send('PATCH', '/api/issues/2', { name: 'x', by: 'Ana' });
    expect([edit.status, edit.body.issues?.[0]?.parameter]).toEqual([409, 'id']);
    const into = await send('POST', '/api/issues/3/merge', { into: 2, by: 'Ana' });
    expect([into.status, into.body.issues?.[0]?.parameter]).toEqual([409, 'into']);
  });
});

describe('moving and splitting tickets', () => {
  it('refuses tickets of another issue or unknown ones, and a split without a name', async () => {
    const other = await send('POST', '/api/issues/3/tickets/move', { ticket_ids: [1], to: 1, by: 'Ana' });
    expect([other.status, other.body.issues?.[0]?.parameter]).toEqual([422, 'ticket_ids']);
    const unknown = await send('POST', '/api/issues/3/tickets/move', { ticket_ids: [999], to: 1, by: 'Ana' });
    expect([unknown.status, unknown.body.issues?.[0]?.parameter]).toEqual([404, 'ticket_ids']);
    const same = await send('POST', '/api/issues/3/tickets/move', { ticket_ids: [4], to: 3, by: 'Ana' });
    expect([same.status, same.body.issues?.[0]?.parameter]).toEqual([422, 'to']);
    const unnamed = await send('POST', '/api/issues/3/tickets/move', { ticket_ids: [5], to: null, by: 'Ana' });
    expect([unnamed.status, unnamed.body.issues?.[0]?.parameter]).toEqual([400, 'name']);
    expect(await placement()).toEqual({ 1: 1, 2: 1, 3: 1, 4: 3, 5: 3 });
  });

  it('moves tickets to an existing issue, and splits others into a new one', async () => {
    expect(await send('POST', '/api/issues/3/tickets/move', { ticket_ids: [4, 4], to: 1, by: 'Ana' })).toEqual({
      status: 200, body: { from_issue: 3, to_issue: 1, created: false, moved_tickets: 1 },
    });
    expect(await send('POST', '/api/issues/3/tickets/move', { ticket_ids: [5], to: null, name: 'Lonely ticket', by: 'Ivo' })).toEqual({
      status: 200, body: { from_issue: 3, to_issue: 4, created: true, moved_tickets: 1 },
    });
    expect(await placement()).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 4 });
    expect(await sizes()).toEqual({ 1: 4, 2: 0, 3: 0, 4: 1 });
    const next = await fixture.db.readOne<{ n: number }>('SELECT next_issue_id::INTEGER AS n FROM issue_grouping');
    expect(next!.n).toBe(5);
  });
});

describe('the history', () => {
  const history = async (id: number) => {
    const response = await fixture.app.request(`/api/issues/${id}/history`);
    return { status: response.status, body: (await response.json()) as IssueHistoryResponse };
  };

  it('lists every edit of an issue or that gave it tickets, with who and when', async () => {
    const one = await history(1);
    expect(one.status).toBe(200);
    expect(one.body.edits.map((e) => [e.kind, e.issue_id, e.target_issue, e.name, e.note, e.ticket_ids, e.by, e.at])).toEqual([
      ['rename', 1, null, 'Double charges', null, null, 'Ana Kovač', at],
      ['known_problem', 1, null, null, 'FAQ 3: refunds', null, 'Ivo', at],
      ['known_problem_cleared', 1, null, null, null, null, 'Ivo', at],
      ['merge', 2, 1, null, null, null, 'Ana', at],
      ['move', 3, 1, null, null, [4], 'Ana', at],
    ]);
    expect((await history(4)).body.edits.map((e) => [e.kind, e.issue_id, e.target_issue, e.name, e.ticket_ids])).toEqual([
      ['split', 3, 4, 'Lonely ticket', [5]],
    ]);
    expect((await history(99)).status).toBe(404);
  });

  it('is answered anew after an edit (the edit is a new data version for the cache)', async () => {
    const before = (await history(4)).body.edits.length;
    await send('PATCH', '/api/issues/4', { name: 'Lonely ticket, renamed', by: 'Ana' });
    expect((await history(4)).body.edits.length).toBe(before + 1);
  });
});

describe('who acts', () => {
  it('takes who acts from the session, never from the body’s `by`', async () => {
    const impostor = await send('PATCH', '/api/issues/1', { name: 'Double charges', by: 'Somebody Else' }, 'Ana Kovač');
    expect(impostor.body.renamed).toEqual({ name: 'Double charges', by: 'Ana Kovač', at });
    const noOne = await send('PATCH', '/api/issues/1', { name: 'Double charges' });
    expect([noOne.status, (noOne.body.renamed as { by: string }).by]).toEqual([200, 'Ana Kovač']);
  });
});
