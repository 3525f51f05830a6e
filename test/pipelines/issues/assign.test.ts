import { describe, expect, it } from 'vitest';
import { assignTickets } from '../../../pipelines/issues/assign.ts';
import { groupTickets } from '../../../pipelines/issues/group.ts';
import { hasherFor } from '../../../pipelines/issues/batch.ts';
import { defaultGroupingOptions, type GroupingState } from '../../../pipelines/issues/state.ts';
import { letters, syntheticCorpus } from '../../../pipelines/issues/synthetic.ts';

// A first load of 4 000 tickets about problems 0–18, grouped in full; then a second load of 1 000 more tickets about
// the same problems (another seed) and 100 about problem 19, which the first load never saw. Problem 19 shares two
// family terms with problems 16–18 (synthetic.ts), so it must not be taken for one of them.
const first = syntheticCorpus({ tickets: 4000, problems: 19, seed: 1 });
const grouped = groupTickets(first.terms, 100);
const second = syntheticCorpus({ tickets: 1000, problems: 19, seed: 2 });
const unseen = syntheticCorpus({ tickets: 100, problems: 1, firstProblem: 19, seed: 3 });
const assigned = assignTickets(grouped.state, [...second.terms, ...unseen.terms], grouped.nextId);

/** The issue holding most of a true problem's first-load tickets. */
function issueOfProblem(problem: number): number {
  const counts = new Map<number, number>();
  first.truth.forEach((p, t) => {
    if (p === problem) counts.set(grouped.assignment[t]!, (counts.get(grouped.assignment[t]!) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

describe('assignTickets (a new load into stored issues)', () => {
  it('puts ≥ 90 % of a new load about known problems into those problems’ issues', () => {
    let matching = 0;
    for (let t = 0; t < 1000; t++) if (assigned.assignment[t] === issueOfProblem(second.truth[t]!)) matching++;
    console.log(`second load: ${matching} of 1000 tickets in their problem's existing issue`);
    expect(matching).toBeGreaterThanOrEqual(900);
  });

  it('makes a new issue, with an id from nextId, for a problem never seen before', () => {
    const ids = new Map<number, number>();
    for (let t = 1000; t < 1100; t++) ids.set(assigned.assignment[t]!, (ids.get(assigned.assignment[t]!) ?? 0) + 1);
    const [id, count] = [...ids].sort((a, b) => b[1] - a[1])[0]!;
    expect(id).toBeGreaterThanOrEqual(grouped.nextId);
    expect(count).toBeGreaterThanOrEqual(90);
    expect(assigned.nextId).toBeGreaterThan(id);
    const issue = assigned.state.issues.find((i) => i.id === id)!;
    expect(issue.featureCounts[0]![0]).toMatch(new RegExp(`^p${letters(19)}w`)); // its most frequent term is problem 19's own
  });

  it('puts a ticket with few of its problem’s terms into that problem’s issue (compared with the issue’s core)', () => {
    // 6 of problem 3's core terms and 9 rare generic ones: Jaccard 6 ÷ 24 = 0.25 with a 15-term core, enough to join
    // it; alone it would make a new issue (a new issue joins an existing one only from the merge threshold, 0.4, up).
    // Synthetic terms spell their numbers in letters (synthetic.ts): problem 3's term 0 is "pdwa", generic term 900 "gjaa".
    const own = (j: number) => `p${letters(3)}w${letters(j)}`;
    const generic = (j: number) => `g${letters(j)}`;
    const ticket = [own(0), generic(900), own(1), generic(901), own(2), generic(902), generic(903), own(3), generic(904), generic(905), own(4), generic(906), generic(907), own(5), generic(909)];
    expect(assignTickets(grouped.state, [ticket], grouped.nextId).assignment[0]).toBe(issueOfProblem(3));
  });

  it('keeps every existing issue, its id and its order; issues only grow, by the tickets they got', () => {
    const before = grouped.state.issues;
    const after = assigned.state.issues;
    expect(after.slice(0, before.length).map((i) => i.id)).toEqual(before.map((i) => i.id));
    before.forEach((issue, i) => {
      const joined = assigned.assignment.filter((id) => id === issue.id).length;
      expect(after[i]!.size).toBe(issue.size + joined);
    });
    expect(after.slice(before.length).every((i) => i.id >= grouped.nextId)).toBe(true);
    expect(grouped.state.issues).toBe(before); // the stored state is not changed in place
    expect(assigned.state.corpus.tickets).toBe(4000 + 1100);
  });

  it('sends the first load’s own tickets, loaded again, back to the issues they were grouped into', () => {
    const again = assignTickets(grouped.state, first.terms, grouped.nextId);
    let same = 0;
    for (let t = 0; t < first.terms.length; t++) if (again.assignment[t] === grouped.assignment[t]) same++;
    expect(same / first.terms.length).toBeGreaterThanOrEqual(0.97);
  });

  it('is deterministic', () => {
    const again = assignTickets(grouped.state, [...second.terms, ...unseen.terms], grouped.nextId);
    expect([...again.assignment]).toEqual([...assigned.assignment]);
    expect(again.state).toEqual(assigned.state);
  });

  it('folds a new group whose core is like a stored issue’s core into that issue', () => {
    // Stored issue 9's core is a1…a20. Each new ticket has a1…a20 and 200 more terms: Jaccard 20 ÷ 220 ≈ 0.09 with the
    // core, well under the 0.15 to join it alone. Together the three make a group whose core (24 features: the 220 are
    // all in every ticket; ties go alphabetically) is a1…a20 and four b's: 20 ÷ 24 ≈ 0.83 alike issue 9's, over 0.4.
    const options = defaultGroupingOptions;
    const core = Array.from({ length: 20 }, (_, i) => `a${i + 1}`);
    const state: GroupingState = {
      options,
      issues: [{ id: 9, size: 5, signature: [...hasherFor(options).sign(core)], featureCounts: core.map((f) => [f, 5]) }],
      corpus: { tickets: 5, documentFrequency: core.map((f) => [f, 5]) },
    };
    const ticket = [...core, ...Array.from({ length: 200 }, (_, i) => `b${i + 1}`)];
    const { assignment, state: after, nextId } = assignTickets(state, [ticket, ticket, ticket], 10);
    expect([...assignment]).toEqual([9, 9, 9]);
    expect(nextId).toBe(10);
    expect(after.issues.map((i) => [i.id, i.size])).toEqual([[9, 8]]);
  });

  it('leaves tickets without terms unassigned', () => {
    const { assignment, nextId } = assignTickets(grouped.state, [[], []], grouped.nextId);
    expect([...assignment]).toEqual([-1, -1]);
    expect(nextId).toBe(grouped.nextId);
  });
});
