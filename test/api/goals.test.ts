// /api/goals on the small fixture (test/fixtures/small/README.md), "now" Tue 20 Jan 2026 12:00 UTC.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { GoalListResponse } from '../../api/contracts.ts';
import type { GoalReport } from '../../sql/goals/report.ts';
import { loadFile } from '../../pipelines/load.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';
import { signedIn } from '../helpers/signed-in.ts';

const fixture = useSmallFixtureApp();

const responseGoal = {
  name: 'Median first response within 30 minutes', metric: 'first_response_time', stat: 'p50', comparator: '<=', target: 30,
  period: 'week', starts_on: '2026-01-05',
};

async function post(body: unknown) {
  return fixture.app.request('/api/goals', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

async function report(id: number) {
  const response = await fixture.app.request(`/api/goals/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as GoalReport;
}

describe('a goal on first response time', () => {
  let id: number;
  beforeAll(async () => {
    const response = await post(responseGoal);
    expect(response.status).toBe(201);
    id = ((await response.json()) as { goal_id: number }).goal_id;
    expect(response.headers.get('Location')).toBe(`/api/goals/${id}`);
  });

  it('judges each closed week and projects the open one, saying how', async () => {
    const body = await report(id);
    // Week of 5 Jan: 10001 90 min and 10002 0 → median 45, missed. Week of 12 Jan: 10003 5 and 10005 40 → 22.5, met.
    expect(body.periods).toEqual([
      { period_start: '2026-01-05', period_end: '2026-01-12', version: 1, value: 45, tickets: 2, status: 'missed', revision: 1, revised_from: null },
      { period_start: '2026-01-12', period_end: '2026-01-19', version: 1, value: 22.5, tickets: 2, status: 'met', revision: 1, revised_from: null },
    ]);
    // Tue 12:00 is 36 h of the week's 168; no response yet, so the mean of the two closed weeks: 33.75 > 30.
    expect(body.current).toMatchObject({
      period_start: '2026-01-19', period_end: '2026-01-26', value_so_far: null, tickets: 0, status: 'at_risk',
      projection: { value: 33.75, method: 'mean of the last 2 closed periods (no data so far)' },
    });
    expect(body.current!.elapsed).toBeCloseTo(36 / 168, 12);
  });

  it('shows a data correction as a new revision of a closed week, keeping the old value', async () => {
    // A reply to 10001 at 09:30 surfaces in a later export: its first response becomes 30 minutes, the week's median 15.
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-goal-'));
    writeFileSync(join(dir, 'late.csv'), 'ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value\n10001,2026-01-05T09:30:00Z,agent_reply,a1,agent,,\n');
    await loadFile(fixture.db, { file: join(dir, 'late.csv'), mapping: servicepulseEvents, source: 'zendesk' });
    const body = await report(id);
    expect(body.periods[0]).toEqual({ period_start: '2026-01-05', period_end: '2026-01-12', version: 1, value: 15, tickets: 2, status: 'met', revision: 2, revised_from: 45 });
    expect(body.periods[1]).toMatchObject({ value: 22.5, revision: 1 });
    expect(await fixture.db.read(`SELECT revision::INTEGER AS revision, value, status FROM goal_snapshots WHERE goal_id = $id AND period_start = DATE '2026-01-05' ORDER BY revision`, { id }))
      .toEqual([{ revision: 1, value: 45, status: 'missed' }, { revision: 2, value: 15, status: 'met' }]);
    // Asking stores nothing: the load stored the revision.
    const stored = await fixture.db.readOne(`SELECT count(*)::INTEGER AS n FROM goal_snapshots WHERE goal_id = $id`, { id });
    await report(id);
    expect(await fixture.db.readOne(`SELECT count(*)::INTEGER AS n FROM goal_snapshots WHERE goal_id = $id`, { id })).toEqual(stored);
  });
});

describe('a goal on a count', () => {
  it('is judged on its projection, linear in the share of the period elapsed', async () => {
    const response = await post({ name: 'At least 3 tickets a week on email and chat', metric: 'created', comparator: '>=', target: 3, period: 'week', starts_on: '2026-01-05', scope: { channel: ['email', 'chat'] } });
    const { goal_id } = (await response.json()) as { goal_id: number };
    const body = await report(goal_id);
    // Email and chat tickets: 10001 (week of 5 Jan); 10003 and 10004 (week of 12 Jan).
    expect(body.periods.map((p) => [p.period_start, p.value, p.status])).toEqual([['2026-01-05', 1, 'missed'], ['2026-01-12', 2, 'missed']]);
    expect(body.current).toMatchObject({ value_so_far: 0, status: 'at_risk', projection: { value: 0 } });
    expect(body.goal).toMatchObject({ stat: 'value', unit: 'tickets', scope: { channel: ['email', 'chat'] } });
  });
});

describe('a goal on several channels', () => {
  it('takes the median over the tickets of any of them, in its report and in the scorecards', async () => {
    // After the correction above: week of 5 Jan — 10001 (email) 30 min; 10002 (phone, 0) is out, the unscoped
    // median would be 15. Week of 12 Jan — 10003 (chat) 5 and 10005 (social) 40 → 22.5; 10004 (email) has none.
    const response = await post({ ...responseGoal, name: 'Email, chat or social', scope: { channel: ['social', 'email', 'chat'] } });
    expect(response.status).toBe(201);
    const { goal_id } = (await response.json()) as { goal_id: number };
    const body = await report(goal_id);
    expect(body.periods.map((p) => [p.period_start, p.value, p.tickets, p.status])).toEqual([['2026-01-05', 30, 1, 'met'], ['2026-01-12', 22.5, 2, 'met']]);
    // The scorecards measure every goal of a measure in one statement: the same last closed week.
    const list = (await (await fixture.app.request('/api/goals')).json()) as GoalListResponse;
    expect(list.goals.find((g) => g.goal_id === goal_id)?.last_closed).toMatchObject({ period_start: '2026-01-12', value: 22.5, tickets: 2 });
  });
});

describe('goal requests', () => {
  it('lists goals with their current status, updates and archives them', async () => {
    const created = (await (await post({ ...responseGoal, name: 'Temporary' })).json()) as { goal_id: number };
    const list = (await (await fixture.app.request('/api/goals')).json()) as { goals: Array<{ goal_id: number; current: { status: string } }> };
    // After the correction above the closed weeks are 15 and 22.5: projected 18.75 ≤ 30.
    expect(list.goals.find((g) => g.goal_id === created.goal_id)?.current.status).toBe('met');
    const put = await fixture.app.request(`/api/goals/${created.goal_id}`, { method: 'PUT', body: JSON.stringify({ ...responseGoal, target: 60 }), headers: { 'Content-Type': 'application/json' } });
    expect(((await put.json()) as { target: number }).target).toBe(60);
    expect((await fixture.app.request(`/api/goals/${created.goal_id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fixture.app.request(`/api/goals/${created.goal_id}`)).status).toBe(404);
  });

  it('refuses goals it could not judge, naming why', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ ...responseGoal, metric: 'speed' }, /no metric "speed"/],
      [{ ...responseGoal, metric: 'created', stat: 'p90' }, /^stat: created has one value per period/],
      [{ ...responseGoal, stat: 'value' }, /^stat: first_response_time is a duration/],
      [{ ...responseGoal, scope: { colour: ['red'] } }, /scope/],
      [{ ...responseGoal, metric: 'first_contact_resolution', stat: undefined, variant: 'lenient', comparator: '>=' }, /Allowed: one_touch/],
      [{ ...responseGoal, ends_on: '2026-01-01' }, /is before starts_on/],
      [{ ...responseGoal, comparator: '~' }, /^comparator: /],
    ];
    for (const [body, detail] of cases) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
    }
  });
});

describe('goal scorecards (GET /api/goals, the overview)', () => {
  it('judge only recent periods, yet match the full report, leaning on the last closed periods with a value however far back', async () => {
    const response = await post({ ...responseGoal, name: 'Manila replies', scope: { team: ['manila'] } });
    const { goal_id } = (await response.json()) as { goal_id: number };
    const later = await signedIn(createApp({ db: fixture.db, now: () => new Date('2026-02-20T12:00:00Z') }), fixture.db);
    const { goals } = (await (await later.request('/api/goals')).json()) as { goals: Array<{ goal_id: number; current: unknown; last_closed: unknown }> };
    const card = goals.find((goal) => goal.goal_id === goal_id)!;
    const full = (await (await later.request(`/api/goals/${goal_id}`)).json()) as GoalReport;
    // Manila's first responses: 5 and 40 minutes in the week of 12 Jan (median 22.5), none in the five weeks since.
    expect(card.current).toMatchObject({ period_start: '2026-02-16', value_so_far: null, status: 'met', projection: { value: 22.5 } });
    expect(card.current).toEqual(full.current);
    expect(card.last_closed).toMatchObject({ period_start: '2026-02-09', value: null, status: 'no_data' });
    expect(card.last_closed).toEqual(full.periods.at(-1));

    // Made a count goal now: the open week is the new version's, the last closed one still the old version's.
    const put = await later.request(`/api/goals/${goal_id}`, {
      method: 'PUT', body: JSON.stringify({ ...responseGoal, name: 'Manila tickets', metric: 'created', stat: 'value', comparator: '>=', target: 1, scope: { team: ['manila'] } }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(put.status).toBe(200);
    const after = ((await (await later.request('/api/goals')).json()) as { goals: Array<{ goal_id: number; current: unknown; last_closed: unknown }> }).goals
      .find((goal) => goal.goal_id === goal_id)!;
    expect(after.current).toMatchObject({ period_start: '2026-02-16', version: 2, value_so_far: 0 });
    expect(after.last_closed).toMatchObject({ period_start: '2026-02-09', version: 1, status: 'no_data' });
  });
});
