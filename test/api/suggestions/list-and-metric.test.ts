// The suggestion list's filters, sorts and pages, and time to first response on suggestions as a registry metric and
// a goal, on a handful of suggestions whose times are set here (the small fixture adds its own suggestion 1, made
// 7 Jan 2026 09:00 and first answered 8 Jan 09:00: 1,440 minutes, in the week of 5 Jan, outside the weeks asked below).
//
// Week of Mon 2 Mar 2026, first answers (minutes from submission):
//   A zagreb  made 2 Mar 09:00, moved 2 Mar 10:00  →    60
//   B zagreb  made 2 Mar 12:00, moved 3 Mar 12:00  → 1,440
//   C zagreb  made 3 Mar 08:00, moved 3 Mar 08:30  →    30 (moved again 4 Mar: still 30)
//   D zagreb  made 3 Mar 09:00, never answered    → not measured
//   E manila  made 4 Mar 09:00, moved 4 Mar 11:00  →   120
// All: sorted 30, 60, 120, 1,440 → p50 (60 + 120) / 2 = 90; mean 1,650 / 4 = 412.5; p90 (linear) at rank 0.9 × 3 = 2.7:
// 120 + 0.7 × (1,440 − 120) = 1,044. Zagreb alone: 30, 60, 1,440 → p50 60.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesResponse, SuggestionListResponse } from '../../../api/contracts.ts';
import { useSuggestionApp } from '../../helpers/suggestion-app.ts';

const fixture = useSuggestionApp(
  { ana: ['agent', 'zagreb'], ivo: ['agent', 'zagreb'], mia: ['agent', 'manila'], lead: ['lead', 'zagreb'], boss: ['manager', null] },
  '2026-03-02T09:00:00Z',
);
const call = fixture.call;
const ids: Record<string, number> = {};

async function at<T>(instant: string, action: () => Promise<T>): Promise<T> {
  fixture.clock.now = new Date(instant);
  return action();
}

beforeAll(async () => {
  const submit = async (name: string, who: string, instant: string, extra: Record<string, unknown> = {}) =>
    (ids[name] = (await at(instant, () => call(who, 'POST', '/api/suggestions', { title: `Suggestion ${name}`, body: 'x', ...extra }))).body.suggestion_id);
  const move = (name: string, who: string, instant: string, to: string) => at(instant, () => call(who, 'POST', `/api/suggestions/${ids[name]}/move`, { to }));
  await submit('A', 'ana', '2026-03-02T09:00:00Z', { issue_id: 2 });
  await submit('B', 'ivo', '2026-03-02T12:00:00Z');
  await submit('C', 'ana', '2026-03-03T08:00:00Z', { issue_id: 2 });
  await submit('D', 'ana', '2026-03-03T09:00:00Z');
  await submit('E', 'mia', '2026-03-04T09:00:00Z');
  await move('A', 'lead', '2026-03-02T10:00:00Z', 'under_review');
  await move('B', 'boss', '2026-03-03T12:00:00Z', 'declined'); // no reason: refused (422), not an answer
  await at('2026-03-03T12:00:00Z', () => call('boss', 'POST', `/api/suggestions/${ids.B}/move`, { to: 'under_review', response: 'Seen' }));
  await move('C', 'lead', '2026-03-03T08:30:00Z', 'under_review');
  await move('C', 'lead', '2026-03-04T08:30:00Z', 'accepted');
  await move('E', 'boss', '2026-03-04T11:00:00Z', 'under_review');
  // Votes: B 3, C 1, E 2.
  for (const [name, voters] of [['B', ['ana', 'mia', 'lead']], ['C', ['ivo']], ['E', ['ana', 'ivo']]] as const) {
    for (const voter of voters) await at('2026-03-05T09:00:00Z', () => call(voter, 'POST', `/api/suggestions/${ids[name]}/vote`));
  }
  fixture.clock.now = new Date('2026-03-20T12:00:00Z');
});

const list = async (query: string, who = 'boss') => (await call<SuggestionListResponse>(who, 'GET', `/api/suggestions?${query}`)).body;
const titles = (answer: SuggestionListResponse) => answer.items.map((item) => item.title.replace('Suggestion ', '').replace('Canned reply for password resets', '1'));

describe('the suggestion list', () => {
  it('sorts by newest, by votes, and by the oldest still waiting for a first answer', async () => {
    expect(titles(await list('sort=newest'))).toEqual(['E', 'D', 'C', 'B', 'A', '1']);
    // Equal votes (A, D, 1 have none) fall back to newest first.
    expect(titles(await list('sort=votes')).slice(0, 3)).toEqual(['B', 'E', 'C']);
    expect((await list('sort=votes')).items.slice(0, 3).map((i) => i.votes)).toEqual([3, 2, 1]);
    // D alone is open and unanswered; then the rest, oldest first.
    expect(titles(await list('sort=oldest_unanswered'))).toEqual(['D', '1', 'A', 'B', 'C', 'E']);
  });

  it('filters by status, team, linked issue, mine', async () => {
    expect(titles(await list('status=new'))).toEqual(['D']);
    expect(titles(await list('status=accepted,new&sort=oldest_unanswered'))).toEqual(['D', '1', 'C']);
    expect(titles(await list('team=manila'))).toEqual(['E']);
    expect(titles(await list('issue=2'))).toEqual(['C', 'A']);
    expect(titles(await list('mine=true', 'ana'))).toEqual(['D', 'C', 'A']);
    expect((await list('mine=true', 'ana')).total).toBe(3);
    const wrong = await call<{ issues: { parameter: string }[] }>('boss', 'GET', '/api/suggestions?status=maybe');
    expect([wrong.status, wrong.body.issues[0]!.parameter]).toEqual([400, 'status.0']);
  });

  it('pages with limit and the cursor it answers', async () => {
    const first = await list('sort=newest&limit=4');
    expect([titles(first), first.total, first.next_cursor]).toEqual([['E', 'D', 'C', 'B'], 6, '4']);
    const second = await list(`sort=newest&limit=4&cursor=${first.next_cursor}`);
    expect([titles(second), second.next_cursor]).toEqual([['A', '1'], null]);
  });

  it('says whether the asker voted', async () => {
    const seen = (await list('sort=newest', 'ana')).items;
    expect(Object.fromEntries(seen.map((i) => [i.title.slice(-1), i.voted]))).toMatchObject({ E: true, B: true, C: false });
  });
});

describe('time to first response on suggestions (registry metric suggestion_first_response_time)', () => {
  const series = async (query: string, who = 'boss') =>
    (await call<SeriesResponse>(who, 'GET', `/api/metrics/suggestion_first_response_time?grain=week&from=2026-03-02&to=2026-03-09&${query}`)).body;

  it('is the p50, p90 and mean of the minutes to the first answer, counted in the week of that answer', async () => {
    expect((await series('stat=p50')).rows).toEqual([{ period: '2026-03-02', group: null, value: 90, tickets: 4 }]);
    expect((await series('stat=mean')).rows[0]!.value).toBeCloseTo(412.5, 9);
    expect((await series('stat=p90')).rows[0]!.value).toBeCloseTo(1044, 9);
    expect((await series('stat=p50&hours=business')).rows[0]!.value).toBe(90);
  });

  it('filters and groups by team, and a lead sees their team’s', async () => {
    expect((await series('stat=p50&team=zagreb')).rows).toEqual([{ period: '2026-03-02', group: null, value: 60, tickets: 3 }]);
    const byTeam = await series('stat=p50&by=team');
    expect(byTeam.rows.map((r) => [r.group, r.value, r.tickets])).toEqual([['manila', 120, 1], ['zagreb', 60, 3]]);
    expect((await series('stat=p50', 'lead')).rows[0]).toMatchObject({ value: 60, tickets: 3 });
  });

  it('is not a ticket metric: no ticket list, distribution or heatmap, and no line on a ticket’s page', async () => {
    expect((await call('boss', 'GET', '/api/tickets?metric=suggestion_first_response_time&from=2026-03-02&to=2026-03-09')).status).toBe(400);
    expect((await call('boss', 'GET', '/api/metrics/suggestion_first_response_time/distribution?from=2026-03-02&to=2026-03-09')).status).toBe(400);
    const ticket = await call<{ durations: { metric: string }[] }>('boss', 'GET', '/api/tickets/1');
    expect(ticket.body.durations.map((d) => d.metric)).not.toContain('suggestion_first_response_time');
  });

  it('a manager can set a goal on it, judged weekly on the same value', async () => {
    const created = await call<{ goal_id: number }>('boss', 'POST', '/api/goals', {
      name: 'Answer suggestions within 4 hours (median)', metric: 'suggestion_first_response_time', stat: 'p50', comparator: '<=', target: 240,
      period: 'week', starts_on: '2026-03-02',
    });
    expect(created.status).toBe(201);
    const report = await call<{ periods: Array<{ period_start: string; value: number | null; status: string }> }>('boss', 'GET', `/api/goals/${created.body.goal_id}`);
    expect(report.body.periods[0]).toMatchObject({ period_start: '2026-03-02', value: 90, status: 'met' });
  });
});
