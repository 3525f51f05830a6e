// `issue` as a dimension (issue 12 §3): filtered and grouped by like the others, with issue names as group names,
// on the small fixture with hand-set issues (test/helpers/issue-fixture.ts): issue 1 = 10001, 10003, 10004;
// issue 2 = 10002, 10005. Values from test/fixtures/small/README.md.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SeriesResponse, TicketsResponse } from '../../api/contracts.ts';
import { setHandIssues } from '../helpers/issue-fixture.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();
beforeAll(async () => {
  await setHandIssues(fixture.db);
});

const january = 'from=2026-01-01&to=2026-02-01';

async function get<T>(url: string): Promise<T> {
  const response = await fixture.app.request(url);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe('issue as a dimension', () => {
  it('groups a count by issue, naming each group by the issue’s name', async () => {
    const body = await get<SeriesResponse>(`/api/metrics/created?grain=month&by=issue&${january}`);
    expect(body.rows).toEqual([
      { period: '2026-01-01', group: '1', value: 3, tickets: 3 },
      { period: '2026-01-01', group: '2', value: 2, tickets: 2 },
    ]);
    expect(body.group_names).toEqual({ 1: 'Invoice · refund', 2: 'password' });
  });

  it('groups a median by issue: first responses 90, 5 (10004 none) and 0, 40', async () => {
    const body = await get<SeriesResponse>(`/api/metrics/first_response_time?grain=month&by=issue&${january}`);
    expect(body.rows.map((r) => [r.group, r.value, r.tickets])).toEqual([['1', 47.5, 2], ['2', 20, 2]]);
  });

  it('filters tickets, counts and survey answers by issue', async () => {
    const created = await get<SeriesResponse>(`/api/metrics/created?grain=month&issue=2&${january}`);
    expect(created.total.value).toBe(2);
    const tickets = await get<TicketsResponse>(`/api/tickets?issue=2&${january}`);
    expect(tickets.tickets.map((t) => t.external_id)).toEqual(['10002', '10005']);
    // CSAT answers about issue 1's tickets: 5 of 5 (satisfied) on 10001, 2 of 5 on 10003.
    const csat = await get<SeriesResponse>(`/api/metrics/csat?grain=month&issue=1&${january}`);
    expect([csat.total.value, csat.total.tickets]).toEqual([50, 2]);
    const both = await get<SeriesResponse>(`/api/metrics/created?grain=month&issue=1&issue=2&channel=email&${january}`);
    expect(both.total.value).toBe(2);
  });

  it('scopes goals to an issue, alone and with another dimension, measured in one statement', async () => {
    const goal = { name: 'Billing tickets', metric: 'created', stat: 'value', comparator: '<=', target: 10, period: 'week', starts_on: '2026-01-05' };
    const ids: number[] = [];
    for (const scope of [{ issue: ['1'] }, { issue: ['1'], channel: ['email'] }]) {
      const response = await fixture.app.request('/api/goals', { method: 'POST', body: JSON.stringify({ ...goal, scope }), headers: { 'Content-Type': 'application/json' } });
      expect(response.status, await response.clone().text()).toBe(201);
      ids.push(((await response.json()) as { goal_id: number }).goal_id);
    }
    // Issue 1: 10001 in the week of 5 Jan; 10003 (chat) and 10004 (email) in the week of 12 Jan.
    const weeks = async (id: number) => ((await get<{ periods: Array<{ period_start: string; value: number | null }> }>(`/api/goals/${id}`)).periods)
      .map((p) => [p.period_start, p.value]);
    expect(await weeks(ids[0]!)).toEqual([['2026-01-05', 1], ['2026-01-12', 2]]);
    expect(await weeks(ids[1]!)).toEqual([['2026-01-05', 1], ['2026-01-12', 1]]);
  });
});
