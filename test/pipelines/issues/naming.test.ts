import { describe, expect, it } from 'vitest';
import { issueNames, representativeTickets } from '../../../pipelines/issues/naming.ts';
import { defaultGroupingOptions, type GroupingState } from '../../../pipelines/issues/state.ts';
import { SubjectCounts } from '../../../pipelines/issues/subject-counts.ts';

describe('issue names (tf·idf of the issue’s features against the corpus)', () => {
  // 100 tickets in the corpus. Issue 7 has 10 tickets: a in 10 (df 50), b in 8 (df 10), c in 2 (df 5), d in 10 (df 100).
  // Scores (count ÷ size) · ln(100 ÷ df): a 1.0 · ln 2 ≈ 0.693, b 0.8 · ln 10 ≈ 1.842, c 0.2 · ln 20 ≈ 0.599, d 1 · ln 1 = 0.
  const state: GroupingState = {
    options: defaultGroupingOptions,
    issues: [{ id: 7, size: 10, signature: [], featureCounts: [['a', 10], ['d', 10], ['b', 8], ['c', 2]] }],
    corpus: { tickets: 100, documentFrequency: [['a', 50], ['b', 10], ['c', 5], ['d', 100]] },
  };
  it('are its three most characteristic features, not its most frequent', () => {
    expect(issueNames(state).get(7)).toEqual(['b', 'a', 'c']);
    expect(issueNames(state, 1).get(7)).toEqual(['b']);
  });
});

describe('issue names weigh subject words up', () => {
  // 100 tickets; issue 3 has 10. a: in 10 tickets, none in the subject; b: in 5, all in the subject; both df 50.
  // tf·idf alone: a 1.0 · ln 2, b 0.5 · ln 2. A subject ticket counts 1 + subjectWeight (2) = 3 times:
  // b (5 + 2 · 5) ÷ 10 · ln 2 = 1.5 · ln 2, above a's 1.0 · ln 2.
  const issue = { id: 3, size: 10, signature: [], featureCounts: [['a', 10], ['b', 5]] as [string, number][] };
  const corpus = { tickets: 100, documentFrequency: [['a', 50], ['b', 50]] as [string, number][] };
  it('rank a term its tickets put in the subject above one as frequent only in descriptions', () => {
    expect(issueNames({ options: defaultGroupingOptions, issues: [issue], corpus }).get(3)).toEqual(['a', 'b']);
    expect(issueNames({ options: defaultGroupingOptions, issues: [{ ...issue, subjectCounts: [['b', 5]] }], corpus }).get(3)).toEqual(['b', 'a']);
    // Two of b's five tickets in the subject: (5 + 4) ÷ 10 = 0.9 < 1.0, a stays first.
    expect(issueNames({ options: defaultGroupingOptions, issues: [{ ...issue, subjectCounts: [['b', 2]] }], corpus }).get(3)).toEqual(['a', 'b']);
  });
});

describe('SubjectCounts', () => {
  it('counts each ticket once per subject term, adds the stored counts, and keeps the profile’s features only', () => {
    const counts = new SubjectCounts();
    counts.add(1, { terms: ['refund', 'refund', 'request', 'card', 'refund'], subjectTerms: 3 });
    counts.add(1, { terms: ['refund', 'card'], subjectTerms: 1 });
    counts.add(1, { terms: ['card'], subjectTerms: 0 });
    counts.add(1, { terms: ['card'] });
    counts.add(2, { terms: ['other'], subjectTerms: 1 });
    // Issue 1: refund in 2 subjects, request in 1, card in none; stored: refund 3, gone 4 (not in the profile).
    expect(counts.of(1, [['card', 4], ['refund', 2], ['request', 1]], [['refund', 3], ['gone', 4]])).toEqual([['refund', 5], ['request', 1]]);
    expect(counts.of(7, [['card', 1]])).toEqual([]);
  });
});

describe('representativeTickets', () => {
  it('are the tickets of each issue whose signatures agree most with the issue’s, ties to the earlier', () => {
    const options = { ...defaultGroupingOptions, hashes: 4, banding: { bands: 2, rows: 2 }, coreBanding: { bands: 4, rows: 1 } };
    const state: GroupingState = {
      options,
      issues: [{ id: 7, size: 6, signature: [1, 2, 3, 4], featureCounts: [] }, { id: 8, size: 1, signature: [5, 5, 5, 5], featureCounts: [] }],
      corpus: { tickets: 7, documentFrequency: [] },
    };
    // Agreement with [1, 2, 3, 4]: t0 4/4, t1 1/4, t2 3/4, t3 2/4, t5 2/4; t4 is issue 8's, t6 has no issue.
    const signatures = Uint32Array.from([1, 2, 3, 4, 1, 0, 0, 0, 1, 2, 3, 0, 1, 2, 0, 0, 5, 5, 5, 5, 1, 2, 0, 0, 1, 2, 3, 4]);
    const assignment = Int32Array.from([7, 7, 7, 7, 8, 7, -1]);
    const representatives = representativeTickets(state, assignment, signatures);
    expect(representatives.get(7)).toEqual([0, 2, 3]);
    expect(representatives.get(8)).toEqual([4]);
    expect(representativeTickets(state, assignment, signatures, 4).get(7)).toEqual([0, 2, 3, 5]);
  });
});
