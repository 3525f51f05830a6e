// Goal edits keep history (versions), edits of archived or unknown goals change nothing, and reads never write.
// The small fixture (test/fixtures/small/README.md), "now" Tue 20 Jan 2026 12:00 UTC.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { createGoal } from '../../sql/goals/goals.ts';
import type { GoalReport } from '../../sql/goals/report.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';
import { signedIn } from '../helpers/signed-in.ts';

const fixture = useSmallFixtureApp();

// Week of 5 Jan: first responses 90 and 0 → median 45; week of 12 Jan: 5 and 40 → 22.5.
const responseGoal = {
  name: 'Median first response within 30 minutes', metric: 'first_response_time', stat: 'p50', comparator: '<=', target: 30,
  period: 'week', starts_on: '2026-01-05',
};

const json = { 'Content-Type': 'application/json' };

async function create(body: unknown = responseGoal): Promise<number> {
  const response = await fixture.app.request('/api/goals', { method: 'POST', body: JSON.stringify(body), headers: json });
  expect(response.status).toBe(201);
  return ((await response.json()) as { goal_id: number }).goal_id;
}

const put = (id: number, body: unknown, app = fixture.app) =>
  app.request(`/api/goals/${id}`, { method: 'PUT', body: JSON.stringify(body), headers: json });

async function report(id: number, app = fixture.app): Promise<GoalReport> {
  const response = await app.request(`/api/goals/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as GoalReport;
}

/** Everything a write could change: the data version, the goals, their versions and snapshots. */
async function stored() {
  const db = fixture.db;
  return {
    dataVersion: await db.readOne('SELECT version::INTEGER AS version FROM data_state'),
    goals: await db.read('SELECT goal_id::INTEGER AS goal_id, name, target, archived_at::VARCHAR AS archived_at FROM goals ORDER BY goal_id'),
    versions: await db.read('SELECT goal_id::INTEGER AS goal_id, version, target FROM goal_versions ORDER BY ALL'),
    snapshots: await db.read(
      `SELECT goal_id::INTEGER AS goal_id, goal_version, period_start::VARCHAR AS period_start, revision, value, status FROM goal_snapshots ORDER BY ALL`,
    ),
  };
}

/** A goal's stored judgements, with when and at which data version each was stored (a deleted and re-stored one differs). */
const snapshotsOf = async (id: number) =>
  fixture.db.read(
    `SELECT goal_version, period_start::VARCHAR AS period_start, revision, value, status, data_version::INTEGER AS data_version,
            computed_at::VARCHAR AS computed_at
       FROM goal_snapshots WHERE goal_id = $id ORDER BY ALL`,
    { id },
  );

const judgements = (rows: Array<Record<string, unknown>>) =>
  rows.map(({ goal_version, period_start, revision, value, status }) => ({ goal_version, period_start, revision, value, status }));

const judgedWeeks = [
  { goal_version: 1, period_start: '2026-01-05', revision: 1, value: 45, status: 'missed' },
  { goal_version: 1, period_start: '2026-01-12', revision: 1, value: 22.5, status: 'met' },
];

describe('editing a goal', () => {
  it('keeps its history and its version when only the name or owner changes', async () => {
    const id = await create();
    const snapshots = await snapshotsOf(id);
    expect(judgements(snapshots)).toEqual(judgedWeeks);
    const response = await put(id, { ...responseGoal, name: 'First responses', owner_id: 'lead.zagreb' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'First responses', owner_id: 'lead.zagreb', version: 1 });
    const body = await report(id);
    expect(body.versions.map((v) => [v.version, v.target])).toEqual([[1, 30]]);
    expect(body.periods.map((p) => [p.period_start, p.version, p.value, p.status, p.revision])).toEqual([
      ['2026-01-05', 1, 45, 'missed', 1],
      ['2026-01-12', 1, 22.5, 'met', 1],
    ]);
    expect(await snapshotsOf(id)).toEqual(snapshots);
  });

  it('starts version 2 on a new target; the closed weeks stay judged under version 1 and its target', async () => {
    const id = await create();
    const snapshots = await snapshotsOf(id);
    const response = await put(id, { ...responseGoal, target: 60 });
    expect(await response.json()).toMatchObject({ target: 60, version: 2 });
    const body = await report(id);
    expect(body.versions.map((v) => ({ version: v.version, target: v.target, valid_from: v.valid_from }))).toEqual([
      { version: 1, target: 30, valid_from: '2026-01-20T12:00:00.000Z' },
      { version: 2, target: 60, valid_from: '2026-01-20T12:00:00.000Z' },
    ]);
    // 45 would meet the new target of 60: the week of 5 Jan stays missed, as judged under version 1.
    expect(body.periods.map((p) => [p.period_start, p.version, p.value, p.status])).toEqual([
      ['2026-01-05', 1, 45, 'missed'],
      ['2026-01-12', 1, 22.5, 'met'],
    ]);
    // The open week is the new version's: the mean of the two closed weeks, 33.75, is within 60.
    expect(body.current).toMatchObject({ period_start: '2026-01-19', version: 2, status: 'met', projection: { value: 33.75 } });
    expect(judgements(snapshots)).toEqual(judgedWeeks);
    expect(await snapshotsOf(id)).toEqual(snapshots);

    // A week later the week of 19 Jan (no first response in it) has closed under version 2.
    const later = await signedIn(createApp({ db: fixture.db, now: () => new Date('2026-01-27T12:00:00Z') }), fixture.db);
    expect((await report(id, later)).periods.map((p) => [p.period_start, p.version, p.status])).toEqual([
      ['2026-01-05', 1, 'missed'],
      ['2026-01-12', 1, 'met'],
      ['2026-01-19', 2, 'no_data'],
    ]);
  });

  it('starts no version when the scope lists the same values in another order', async () => {
    const id = await create({ ...responseGoal, scope: { channel: ['chat', 'email'] } });
    const response = await put(id, { ...responseGoal, scope: { channel: ['email', 'chat'] } });
    expect(await response.json()).toMatchObject({ version: 1 });
  });

  it('changes nothing in an archived goal: 404, its snapshots and the data version stay', async () => {
    const id = await create();
    expect((await fixture.app.request(`/api/goals/${id}`, { method: 'DELETE' })).status).toBe(204);
    const before = await stored();
    expect(before.snapshots.filter((row) => row.goal_id === id)).toHaveLength(2);
    expect((await put(id, { ...responseGoal, target: 60 })).status).toBe(404);
    expect((await put(id, { ...responseGoal, name: 'Renamed' })).status).toBe(404);
    expect((await fixture.app.request(`/api/goals/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('answers 404 to a PUT or DELETE of an unknown goal, changing nothing', async () => {
    const before = await stored();
    const missing = await put(999_999, responseGoal);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { detail: string }).detail).toBe('There is no goal 999999.');
    expect((await fixture.app.request('/api/goals/999999', { method: 'DELETE' })).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('answers 400 naming the field to an invalid PUT body, changing nothing', async () => {
    const id = await create();
    const before = await stored();
    const response = await put(id, { ...responseGoal, target: 'sixty' });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^target: /);
    expect(await stored()).toEqual(before);
  });
});

describe('reading goals', () => {
  it('writes nothing: GET /api/goals, /api/goals/:id and /api/overview leave every table and the data version as they were', async () => {
    // Stored without the API's snapshot, so two closed weeks are judged but not stored: a read that stored them would show.
    const { goal_id } = await createGoal(fixture.db, { ...responseGoal, variant: null, hours: 'calendar', scope: {}, owner_id: null, ends_on: null } as Parameters<typeof createGoal>[1]);
    const before = await stored();
    expect(before.snapshots.filter((row) => row.goal_id === goal_id)).toEqual([]);
    for (const path of ['/api/goals', `/api/goals/${goal_id}`, '/api/overview', '/api/overview?channel=email']) {
      expect((await fixture.app.request(path)).status).toBe(200);
    }
    expect(await stored()).toEqual(before);
    // Judged all the same, as the next snapshot will store them.
    expect((await report(goal_id)).periods.map((p) => [p.period_start, p.value, p.revision])).toEqual([['2026-01-05', 45, 1], ['2026-01-12', 22.5, 1]]);
  });

  it('answers while a write holds the single writer (a read waiting for it would never answer here)', async () => {
    let release!: () => void;
    let held!: Promise<void>;
    await new Promise<void>((started) => {
      held = fixture.db.write(() => new Promise<void>((done) => {
        release = done;
        started();
      }));
    });
    try {
      const [goals, overview] = await Promise.all([fixture.app.request('/api/goals'), fixture.app.request('/api/overview?hours=business')]);
      expect([goals.status, overview.status]).toEqual([200, 200]);
      expect(((await goals.json()) as { goals: unknown[] }).goals.length).toBeGreaterThan(0);
    } finally {
      release();
      await held;
    }
  });
});
