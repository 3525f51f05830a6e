// A load computes its issue assignment before its transaction (pipelines/assign-issues.ts); a lead's split in between
// takes the stored next issue id. The load's new issues are then renumbered after it, never given the split's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGroupingOptions, type IssueState } from '../../pipelines/issues/state.ts';
import type { Database } from '../../sql/db.ts';
import { storeGroupingChanges } from '../../sql/issues/store.ts';
import { freshDb } from '../helpers/db.ts';

const issue = (id: number, size: number): IssueState => ({ id, size, signature: [1, 2], featureCounts: [['x', size]] });
const row = (id: number, size: number) => ({ issue: issue(id, size), names: ['x'], display: ['x'], createdLoad: null });

describe('storing a load’s issues after a split took an id', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
    // The load read next id 4 (issues 1–3); a split then took 4, so 5 is next.
    await db.write((tx) => tx.run(`INSERT INTO issue_grouping VALUES (1, '{}', 5, 10, 1)`));
  });
  afterAll(async () => db?.close());

  it('gives the load’s new issues the ids after it, and leaves its grown issues alone', async () => {
    await db.write((tx) =>
      storeGroupingChanges(tx, {
        options: defaultGroupingOptions, nextId: 6, corpusTickets: 12, documentFrequency: [], baseNextId: 4,
        // Issue 2 grew; 4 and 5 are new.
        issues: [row(2, 3), row(4, 1), row(5, 1)],
        tickets: [
          { ticketId: 11, issueId: 2, reason: null, language: 'en' },
          { ticketId: 12, issueId: 4, reason: null, language: 'en' },
          { ticketId: 13, issueId: 5, reason: null, language: 'en' },
          { ticketId: 14, issueId: null, reason: 'no terms', language: 'und' },
        ],
      }, 2),
    );
    expect(await db.read('SELECT issue_id::INTEGER AS id FROM issues ORDER BY 1')).toEqual([{ id: 2 }, { id: 5 }, { id: 6 }]);
    expect(await db.read('SELECT ticket_id::INTEGER AS t, issue_id::INTEGER AS i FROM ticket_issues ORDER BY 1')).toEqual([
      { t: 11, i: 2 }, { t: 12, i: 5 }, { t: 13, i: 6 }, { t: 14, i: null },
    ]);
    expect(await db.readOne('SELECT next_issue_id::INTEGER AS n FROM issue_grouping')).toEqual({ n: 7 });
  });
});
