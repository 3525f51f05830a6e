import { describe, expect, it } from 'vitest';
import { ticketFeatures } from '../../../pipelines/issues/features.ts';
import { estimatedJaccard, MinHasher } from '../../../pipelines/issues/minhash.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `t${from + i}`);

describe('MinHash signatures', () => {
  // Exact Jaccard by counting: {0…59} and {30…89} share 30 of 90 terms, J = 1/3. With k = 1024 the estimate's
  // standard error is √(⅓·⅔ ÷ 1024) ≈ 0.0147; four of them is the tolerance.
  it('estimate the Jaccard similarity of two sets', () => {
    const hasher = new MinHasher(1024, 11);
    for (const [a, b, jaccard] of [
      [range(0, 60), range(30, 90), 1 / 3],
      [range(0, 40), range(10, 50), 30 / 50],
      [range(0, 20), range(15, 115), 5 / 115],
    ] as const) {
      const estimate = estimatedJaccard(hasher.sign(a), 0, hasher.sign(b), 0, 1024);
      const standardError = Math.sqrt((jaccard * (1 - jaccard)) / 1024);
      expect(Math.abs(estimate - jaccard)).toBeLessThan(4 * standardError);
    }
  });

  it('are 1 for the same set in any order and 0 for disjoint sets', () => {
    const hasher = new MinHasher(64, 3);
    const a = range(0, 15);
    expect(estimatedJaccard(hasher.sign(a), 0, hasher.sign([...a].reverse()), 0, 64)).toBe(1);
    expect(estimatedJaccard(hasher.sign(a), 0, hasher.sign(range(15, 30)), 0, 64)).toBe(0);
  });

  it('differ with the seed and are the same for the same seed', () => {
    const a = range(0, 15);
    expect([...new MinHasher(64, 3).sign(a)]).toEqual([...new MinHasher(64, 3).sign(a)]);
    expect(estimatedJaccard(new MinHasher(64, 3).sign(a), 0, new MinHasher(64, 4).sign(a), 0, 64)).toBe(0);
  });
});

describe('weighted codes', () => {
  // With codeWeight w a code counts as w elements of the set. {c1, a…d} and {c1, e…h}: plain Jaccard 1/9; with the
  // code weighing 5, the union has 5 + 8 elements, 5 of them shared: 5/13 ≈ 0.385. k = 1024: standard error ≈ 0.015.
  it('count a feature with a digit as codeWeight features, and a word as one', () => {
    const a = ['c1', 'alpha', 'bravo', 'charlie', 'delta'];
    const b = ['c1', 'echo', 'foxtrot', 'golf', 'hotel'];
    const plain = new MinHasher(1024, 5);
    const weighted = new MinHasher(1024, 5, 5);
    expect(Math.abs(estimatedJaccard(plain.sign(a), 0, plain.sign(b), 0, 1024) - 1 / 9)).toBeLessThan(0.04);
    expect(Math.abs(estimatedJaccard(weighted.sign(a), 0, weighted.sign(b), 0, 1024) - 5 / 13)).toBeLessThan(0.06);
    // A shared word weighs one, whatever codeWeight is.
    const words = [['x', 'alpha', 'bravo', 'charlie', 'delta'], ['x', 'echo', 'foxtrot', 'golf', 'hotel']];
    expect(Math.abs(estimatedJaccard(weighted.sign(words[0]!), 0, weighted.sign(words[1]!), 0, 1024) - 1 / 9)).toBeLessThan(0.04);
  });

  it('refuse a weight that is not a whole number of at least 1', () => {
    expect(() => new MinHasher(64, 1, 0)).toThrow(RangeError);
    expect(() => new MinHasher(64, 1, 1.5)).toThrow(RangeError);
  });
});

describe('ticketFeatures', () => {
  it('takes distinct terms, bigrams of consecutive terms, or both', () => {
    const terms = ['invoic', 'email', 'invoic', 'email', 'bounc'];
    expect(ticketFeatures(terms, 'terms')).toEqual(['invoic', 'email', 'bounc']);
    expect(ticketFeatures(terms, 'bigrams')).toEqual(['invoic email', 'email invoic', 'email bounc']);
    expect(ticketFeatures(terms, 'terms+bigrams')).toEqual(['invoic', 'email', 'bounc', 'invoic email', 'email invoic', 'email bounc']);
  });
  it('keeps a lone term as the feature of a one-term ticket in bigram mode, and nothing for no terms', () => {
    expect(ticketFeatures(['refund'], 'bigrams')).toEqual(['refund']);
    expect(ticketFeatures([], 'terms+bigrams')).toEqual([]);
  });
});
