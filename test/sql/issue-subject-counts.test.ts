// The subject counts that name an issue (pipelines/issues/subject-counts.ts, migration 011) are stored with it and
// grow with it: a second load adds its tickets' subjects to the first's, through the same path a tickets load takes
// (assignTexts → storeGroupingChanges → readGroupingState).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTexts } from '../../pipelines/assign-issues.ts';
import type { Database } from '../../sql/db.ts';
import { readGroupingState, storeGroupingChanges } from '../../sql/issues/store.ts';
import { freshDb } from '../helpers/db.ts';

// Six tickets about one problem: "refund" in every subject, "card" in every description, "request" and "please" (stem
// "pleas": not an English stop word) in three subjects each.
const ticket = (id: number, subject: string) => ({ ticket_id: String(id), subject, description: 'The card was charged after I cancelled the trial.' });
const firstLoad = [ticket(1, 'Refund request'), ticket(2, 'Refund request'), ticket(3, 'Refund please'), ticket(4, 'Refund please')];
const secondLoad = [ticket(5, 'Refund request'), ticket(6, 'Refund please')];

describe('an issue’s subject counts', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(async () => db?.close());

  it('are stored by the first load and added to by the next', async () => {
    await db.write(async (tx) => storeGroupingChanges(tx, assignTexts(await readGroupingState(tx), firstLoad), 1));
    let [issue] = (await db.write((tx) => readGroupingState(tx))).state.issues;
    expect(issue!.size).toBe(4);
    expect(new Map(issue!.subjectCounts)).toEqual(new Map([['refund', 4], ['request', 2], ['pleas', 2]]));
    await db.write(async (tx) => storeGroupingChanges(tx, assignTexts(await readGroupingState(tx), secondLoad), 2));
    [issue] = (await db.write((tx) => readGroupingState(tx))).state.issues;
    expect(issue!.size).toBe(6);
    expect(new Map(issue!.subjectCounts)).toEqual(new Map([['refund', 6], ['request', 3], ['pleas', 3]]));
  });
});
