// GET /api/overview on the small fixture: the week of 12 Jan beside the week of 5 Jan, worked out by hand
// from test/fixtures/small/README.md.
import { describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../api/contracts.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

async function overview(query: string) {
  const response = await fixture.app.request(`/api/overview?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as OverviewResponse;
}

describe('the overview', () => {
  it('puts every headline metric beside the period before', async () => {
    const body = await overview('from=2026-01-12&to=2026-01-19');
    expect([body.from, body.to, body.previous_from]).toEqual(['2026-01-12', '2026-01-19', '2026-01-05']);
    const figures = Object.fromEntries(body.headline.map((h) => [h.key, [h.value, h.tickets, h.previous_value, h.previous_tickets]]));
    expect(figures).toEqual({
      created: [3, 3, 2, 2],
      solved: [2, 2, 2, 2],
      // First responses this week 5 and 40 min; the week before 90 and 0.
      first_response_time: [22.5, 2, 45, 2],
      // Full resolutions: 1,440 and 60 min; 180 and 10.
      resolution_time: [750, 2, 95, 2],
      // Solved this week: 10003 (2 replies, reopened) no, 10005 yes; the week before both yes.
      first_contact_resolution: [50, 2, 100, 2],
      escalation_rate: [0, 3, 0, 2],
      reopen_rate: [50, 2, 0, 2],
      // Only normal-priority tickets have a first-response target (10001, 10002, both created the week before, both met).
      sla_first_response_attainment: [null, 0, 100, 2],
      // CSAT: f2 (2 of 5) answered this week, f3 unanswered; f1 (5 of 5) the week before.
      csat: [0, 1, 100, 1],
      nps: [null, 0, null, 0],
    });
    expect(body.headline.find((h) => h.key === 'first_response_time')).toMatchObject({ stat: 'p50', metric: { unit: 'minutes', better: 'lower' } });
    expect(body.volume).toEqual([
      { period: '2026-01-12', group: 'chat', value: 1, tickets: 1 },
      { period: '2026-01-12', group: 'email', value: 1, tickets: 1 },
      { period: '2026-01-12', group: 'social', value: 1, tickets: 1 },
    ]);
  });

  it('refuses a range whose end is before its start with a 400 problem naming both', async () => {
    const response = await fixture.app.request('/api/overview?from=2026-01-19&to=2026-01-12');
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { status: number; detail: string };
    expect(problem.status).toBe(400);
    expect(problem.detail).toContain('"from" (2026-01-19)');
    expect(problem.detail).toContain('"to" (2026-01-12)');
  });

  it('filters every part alike', async () => {
    const body = await overview('from=2026-01-12&to=2026-01-19&channel=chat');
    const created = body.headline.find((h) => h.key === 'created')!;
    expect([created.value, created.previous_value]).toEqual([1, 0]);
    expect(body.headline.find((h) => h.key === 'csat')).toMatchObject({ value: 0, tickets: 1, previous_value: null, previous_tickets: 0 });
  });

  it('carries the goal scorecards, fresh after a goal is added', async () => {
    expect((await overview('from=2026-01-12&to=2026-01-19')).goals).toEqual([]);
    await fixture.app.request('/api/goals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Reopens under 10 %', metric: 'reopen_rate', comparator: '<=', target: 10, period: 'week', starts_on: '2026-01-05' }),
    });
    const goals = (await overview('from=2026-01-12&to=2026-01-19')).goals;
    // Week of 5 Jan: 0 % reopened (met); week of 12 Jan: 50 % (missed); this week: nothing solved yet.
    expect(goals.map((g) => [g.name, g.last_closed?.period_start, g.last_closed?.status, g.current?.status])).toEqual([
      ['Reopens under 10 %', '2026-01-12', 'missed', 'at_risk'],
    ]);
  });
});
