// A batch signs a ticket whose features repeat an earlier ticket's once (batch.ts `sameAs`), and the grouping places
// and counts such repeats once (group.ts): the issues must be those of signing and placing every ticket afresh.
import { describe, expect, it } from 'vitest';
import { signBatch } from '../../../pipelines/issues/batch.ts';
import { groupTickets } from '../../../pipelines/issues/group.ts';
import { defaultGroupingOptions } from '../../../pipelines/issues/state.ts';
import { syntheticCorpus } from '../../../pipelines/issues/synthetic.ts';

describe('a batch with repeated feature lists', () => {
  it('points each repeat at the first ticket with the same features in the same order, and copies its signature', () => {
    const terms = [['sync', 'fail'], ['export', 'pdf'], ['sync', 'fail', 'sync'], ['fail', 'sync'], [], ['export', 'pdf'], []];
    const batch = signBatch(terms, defaultGroupingOptions);
    // Features are distinct terms in first-seen order: ticket 2 is [sync, fail] like ticket 0; ticket 3 is [fail, sync].
    expect([...batch.sameAs]).toEqual([0, 1, 0, 3, 4, 1, 4]);
    const k = defaultGroupingOptions.hashes;
    const signature = (t: number) => [...batch.signatures.subarray(t * k, (t + 1) * k)];
    expect(signature(2)).toEqual(signature(0));
    expect(signature(5)).toEqual(signature(1));
    // The same set in another order is signed on its own and gets the same signature (MinHash is of the set).
    expect(signature(3)).toEqual(signature(0));
    expect(batch.hasher.sign(['sync', 'fail'])).toEqual(batch.signatures.subarray(0, k));
  });

  it('groups each copy of a corpus repeated three times where its original went, with profiles counted three times', () => {
    const { terms } = syntheticCorpus({ tickets: 1500, problems: 10, seed: 7 });
    // Each ticket's copies come later, so that every copy is a repeat of an earlier ticket.
    const thrice = groupTickets([...terms, ...terms, ...terms], 1);
    const n = terms.length;
    for (let t = 0; t < n; t++) {
      expect(thrice.assignment[t + n], `copy of ticket ${t}`).toBe(thrice.assignment[t]);
      expect(thrice.assignment[t + 2 * n], `copy of ticket ${t}`).toBe(thrice.assignment[t]);
    }
    for (const issue of thrice.state.issues) {
      const members = thrice.assignment.filter((id) => id === issue.id).length;
      expect(issue.size, `issue ${issue.id}`).toBe(members);
      // A feature's count is the number of the issue's tickets having it, counted by hand here.
      for (const [feature, count] of issue.featureCounts.slice(0, 5)) {
        let having = 0;
        [...terms, ...terms, ...terms].forEach((t, i) => {
          if (thrice.assignment[i] === issue.id && t.includes(feature)) having++;
        });
        expect(count, `${feature} in issue ${issue.id}`).toBe(having);
      }
    }
    expect(thrice.state.issues.length).toBeGreaterThan(1);
  });
});
