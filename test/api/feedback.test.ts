// GET /api/feedback/comments on the small fixture (test/fixtures/small/feedback.csv): two answers have a comment,
// f1 (ticket 10001, Zagreb, email, CSAT 5, 6 Jan: "Quick and friendly, thanks!") and f2 (ticket 10003, Manila, chat,
// CSAT 2, 15 Jan: "Had to write again."); f3 has none, and f4 (NPS 11 of 10) was rejected.
import { describe, expect, it } from 'vitest';
import type { CommentsResponse } from '../../api/contracts.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();
const january = 'from=2026-01-01&to=2026-02-01';

async function comments(query: string) {
  const range = query.includes('from=') ? 'to=2026-02-01' : january;
  const response = await fixture.app.request(`/api/feedback/comments?${range}&${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as CommentsResponse;
}
const tickets = (body: CommentsResponse) => body.comments.map((c) => c.ticket_external_id);

describe('feedback comments', () => {
  it('are listed newest first, each with its ticket', async () => {
    const body = await comments('');
    expect(body.total).toBe(2);
    expect(body.comments[0]).toEqual({
      feedback_id: expect.any(Number), ticket_id: expect.any(Number), ticket_external_id: '10003', submitted_at: '2026-01-15T08:00:00Z',
      kind: 'csat', score: 2, scale_max: 5, comment: 'Had to write again.', channel: 'chat', team_id: 'manila',
    });
    expect(tickets(body)).toEqual(['10003', '10001']);
  });

  it.each([
    ['q=QUICK', ['10001']],
    ['q=write%20again', ['10003']],
    ['q=%25', []],
    ['score_max=3', ['10003']],
    ['score_min=4&kind=csat', ['10001']],
    ['kind=nps&kind=ces', []],
    ['team=zagreb', ['10001']],
    ['channel=chat&channel=social', ['10003']],
    ['from=2026-01-10', ['10003']],
  ])('%s → %j', async (query, expected) => {
    const body = await comments(query);
    expect([tickets(body), body.total]).toEqual([expected, expected.length]);
  });

  it('come in pages', async () => {
    const first = await comments('limit=1');
    expect([tickets(first), first.total, first.next_offset]).toEqual([['10003'], 2, 1]);
    const second = await comments('limit=1&offset=1');
    expect([tickets(second), second.next_offset]).toEqual([['10001'], null]);
  });

  it('refuse an unknown kind, naming the parameter', async () => {
    const response = await fixture.app.request('/api/feedback/comments?kind=csa');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^kind/);
  });
});
