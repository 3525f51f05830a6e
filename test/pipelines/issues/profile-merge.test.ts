import { describe, expect, it } from 'vitest';
import { assignTickets } from '../../../pipelines/issues/assign.ts';
import { groupTickets } from '../../../pipelines/issues/group.ts';
import { mergeAlikeProfiles } from '../../../pipelines/issues/profile-merge.ts';
import { withoutUbiquitousTerms } from '../../../pipelines/issues/ubiquitous.ts';

const plain = { threshold: 0.3, minShare: 0.1, shareExponent: 1 };

describe('mergeAlikeProfiles', () => {
  // Group 0: two wordings' worth of "password reset"; group 1: the same problem in other words; group 2: VAT.
  const features = [
    ['password', 'reset', 'click'], ['password', 'reset', 'morning'], ['password', 'reset', 'click'], // group 0
    ['password', 'forgot', 'link'], ['password', 'forgot', 'reset'], // group 1
    ['invoice', 'vat', 'click'], ['invoice', 'vat', 'number'], // group 2
  ];
  const groups = [0, 0, 0, 1, 1, 2, 2];
  // By hand, 7 tickets: idf = ln(7 / df): password ln(7/5), reset ln(7/4), click ln(7/3), forgot ln(7/2), …
  // Group 0: password 1·ln 1.4, reset 1·ln 1.75, click ⅔·ln(7/3), morning ⅓·ln 7. Group 1: password 1·ln 1.4,
  // forgot 1·ln 3.5, link ½·ln 7, reset ½·ln 1.75. Their cosine is ≈ 0.152 (below); group 2 shares only "click".
  const cosine01 = (() => {
    const l = Math.log;
    const g0 = { password: l(1.4), reset: l(1.75), click: (2 / 3) * l(7 / 3), morning: (1 / 3) * l(7) };
    const g1 = { password: l(1.4), forgot: l(3.5), link: 0.5 * l(7), reset: 0.5 * l(1.75) };
    const norm = (v: Record<string, number>) => Math.sqrt(Object.values(v).reduce((s, w) => s + w * w, 0));
    return (g0.password * g1.password + g0.reset * g1.reset) / (norm(g0) * norm(g1));
  })();

  it('joins a group to a larger one whose TF-IDF profile is at least as alike as the threshold', () => {
    expect(cosine01).toBeCloseTo(0.152, 3);
    const group = Int32Array.from(groups);
    expect(mergeAlikeProfiles(features, group, 3, { ...plain, threshold: cosine01 - 1e-9 })).toBe(1);
    expect([...group]).toEqual([0, 0, 0, 0, 0, 2, 2]);
  });

  it('keeps them apart above that similarity', () => {
    const group = Int32Array.from(groups);
    expect(mergeAlikeProfiles(features, group, 3, { ...plain, threshold: cosine01 + 1e-9 })).toBe(0);
    expect([...group]).toEqual(groups);
  });

  it('leaves tickets without a group alone', () => {
    const group = Int32Array.from([-1, ...groups]);
    mergeAlikeProfiles([[], ...features], group, 3, { ...plain, threshold: cosine01 - 1e-9 });
    expect(group[0]).toBe(-1);
  });

  it('compares with the kept group’s own profile, so a chain of alike groups is not one group', () => {
    // a ~ b and b ~ c (cosine ≈ 0.40 by the idf of 10 tickets), but a and c share nothing; a, the largest, absorbs b,
    // and c is compared with a alone.
    const chain = [
      ['p', 'q'], ['p', 'q'], ['p', 'q'], // a
      ['q', 'r'], ['q', 'r'], // b
      ['r', 's'], // c
      ['x', 'y'], ['x', 'y'], ['x', 'z'], ['y', 'z'], // filler so that p…s are not in most tickets
    ];
    const group = Int32Array.from([0, 0, 0, 1, 1, 2, 3, 3, 3, 3]);
    mergeAlikeProfiles(chain, group, 4, { ...plain, threshold: 0.2 });
    expect(group[3]).toBe(0);
    expect(group[5]).toBe(2);
  });
});

describe('withoutUbiquitousTerms', () => {
  const terms = [['comcast', 'speed'], ['comcast', 'bill'], ['comcast'], ['data', 'cap'], []];
  it('drops the terms more than the given share of the tickets with terms have', () => {
    // 4 tickets with terms; "comcast" is in 3 (75 %), the rest in 1 (25 %).
    expect(withoutUbiquitousTerms(terms, 0.5, 1)).toEqual([['speed'], ['bill'], [], ['data', 'cap'], []]);
    expect(withoutUbiquitousTerms(terms, 0.75, 1)).toEqual(terms);
  });
  it('keeps every term of a batch too small for shares to mean anything', () => {
    expect(withoutUbiquitousTerms(terms, 0.5, 5)).toBe(terms);
  });
});

describe('a term most tickets have (a brand)', () => {
  // 1,200 tickets about three problems, every one naming the brand: 100 % > 50 %, so the brand is no feature.
  const words = [['speed', 'slow', 'internet'], ['data', 'cap', 'usage'], ['bill', 'charge', 'fee']];
  const corpus = Array.from({ length: 1200 }, (_, i) => ['acme', ...words[i % 3]!]);
  const grouped = groupTickets(corpus, 0);

  it('is left out of the full grouping but counted in the stored document frequencies', () => {
    expect(new Set(grouped.assignment).size).toBe(3);
    for (const issue of grouped.state.issues) expect(issue.featureCounts.map(([f]) => f)).not.toContain('acme');
    expect(new Map(grouped.state.corpus.documentFrequency).get('acme')).toBe(1200);
    expect(grouped.state.corpus.tickets).toBe(1200);
  });

  it('is left out of a small new load too, judged by the stored corpus', () => {
    const load = assignTickets(grouped.state, [['acme', 'data', 'cap', 'usage'], ['acme']], grouped.nextId);
    expect(load.assignment[0]).toBe(grouped.assignment[1]); // ticket 1 of the corpus is about data caps
    expect(load.assignment[1]).toBe(-1); // nothing but the brand: no problem to join, no new issue
    expect(load.nextId).toBe(grouped.nextId);
    expect(new Map(load.state.corpus.documentFrequency).get('acme')).toBe(1202);
  });
});
