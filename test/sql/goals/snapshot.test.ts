// Storing goals' closed periods (sql/goals/snapshot.ts) at server start, on the small fixture
// (test/fixtures/small/README.md): week of 5 Jan 2026, first responses 90 and 0 minutes → median 45.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { createGoal } from '../../../sql/goals/goals.ts';
import { snapshotGoalsAtStart } from '../../../sql/goals/snapshot.ts';
import { freshDb, loadSmallFixture } from '../../helpers/db.ts';

let db: Database;
let id: number;
beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  // Stored without any snapshot, as by a process stopped right after.
  ({ goal_id: id } = await createGoal(db, {
    name: 'Replies', metric: 'first_response_time', stat: 'p50', variant: null, hours: 'calendar', comparator: '<=', target: 30, scope: {},
    period: 'week', owner_id: null, starts_on: '2026-01-05', ends_on: null,
  }));
});
afterAll(() => db.close());

const firstWeek = () =>
  db.read(`SELECT revision, value FROM goal_snapshots WHERE goal_id = $id AND period_start = DATE '2026-01-05' ORDER BY revision`, { id });
const dataVersion = async () => (await db.readOne<{ v: number }>('SELECT version::INTEGER AS v FROM data_state'))!.v;
const judgedVersion = async () => (await db.readOne<{ v: number }>('SELECT data_version::INTEGER AS v FROM goal_snapshot_state'))?.v;

describe('the snapshot at server start', () => {
  it('judges every closed period when no snapshot judged the data as they are', async () => {
    await snapshotGoalsAtStart(db, (error) => expect.fail(String(error)));
    expect(await firstWeek()).toEqual([{ revision: 1, value: 45 }]);
    expect(await judgedVersion()).toBe(await dataVersion());
  });

  it('judges only periods nothing is stored for when the data are those last judged', async () => {
    // A stored judgement that the facts would not give: left alone, since the data did not change since it was stored.
    await db.write((tx) => tx.run(`UPDATE goal_snapshots SET value = 44 WHERE goal_id = $id AND period_start = DATE '2026-01-05'`, { id }));
    await snapshotGoalsAtStart(db, (error) => expect.fail(String(error)));
    expect(await firstWeek()).toEqual([{ revision: 1, value: 44 }]);
    await db.write((tx) => tx.run(`UPDATE goal_snapshots SET value = 45 WHERE goal_id = $id AND period_start = DATE '2026-01-05'`, { id }));
  });

  it('judges everything again after data changed with no snapshot (a stop between a load and its snapshot)', async () => {
    // As a load would: ticket 10001's first response becomes 30 minutes (week of 5 Jan: 30 and 0 → 15), a new data version.
    await db.write(async (tx) => {
      await tx.run('UPDATE ticket_facts SET first_response_seconds = 1800 WHERE first_response_seconds = 5400');
      await tx.run('UPDATE data_state SET version = version + 1');
    });
    await snapshotGoalsAtStart(db, (error) => expect.fail(String(error)));
    expect(await firstWeek()).toEqual([{ revision: 1, value: 45 }, { revision: 2, value: 15 }]);
    expect(await judgedVersion()).toBe(await dataVersion());
  });
});
