import { describe, expect, it } from 'vitest';
import { BucketTable } from '../../../pipelines/issues/bucket-table.ts';
import { candidateProbability, LshIndex, minSharedBands } from '../../../pipelines/issues/lsh.ts';
import { coreFeatures, sortedCounts } from '../../../pipelines/issues/profile.ts';
import { defaultGroupingOptions } from '../../../pipelines/issues/state.ts';

describe('candidateProbability', () => {
  it('is 1 − (1 − J^rows)^bands', () => {
    expect(candidateProbability(0.5, { bands: 2, rows: 2 })).toBeCloseTo(1 - 0.75 ** 2, 12); // 0.4375
    expect(candidateProbability(0.3, { bands: 32, rows: 2 })).toBeCloseTo(1 - 0.91 ** 32, 12); // ≈ 0.951
  });
});

describe('LshIndex', () => {
  const s = (...values: number[]) => Uint32Array.from(values);
  // 2 bands of 2 rows: members share a bucket when both values of band 0 or both of band 1 are equal.
  const banding = { bands: 2, rows: 2 };

  it('returns the members that agree with the query on a whole band, each once', () => {
    const index = new LshIndex(banding);
    index.add(0, s(1, 2, 9, 9), 0); // band 0 as the query
    index.add(1, s(9, 2, 3, 9), 0); // one value of each band: no whole band
    index.add(2, s(7, 7, 3, 4), 0); // band 1 as the query
    index.add(3, s(1, 2, 3, 4), 0); // both bands: returned once
    expect(index.candidates(s(1, 2, 3, 4), 0, [])).toEqual([0, 3, 2]);
  });

  it('does not mistake band 1 values for band 0 ones', () => {
    const index = new LshIndex(banding);
    index.add(0, s(3, 4, 0, 0), 0);
    expect(index.candidates(s(1, 2, 3, 4), 0, [])).toEqual([]);
  });

  it('with one row per band, keeps only members agreeing on at least minShared positions', () => {
    const index = new LshIndex({ bands: 4, rows: 1 });
    index.add(0, s(1, 2, 3, 4), 0); // agrees with the query on 3 positions
    index.add(1, s(1, 2, 0, 0), 0); // on 2
    index.add(2, s(0, 0, 0, 4), 0); // on 1
    expect(index.candidates(s(1, 2, 3, 9), 0, [], 2)).toEqual([0, 1]);
    expect(index.candidates(s(1, 2, 3, 9), 0, [], 3)).toEqual([0]);
    expect(index.candidates(s(1, 2, 3, 4), 0, [])).toEqual([0, 1, 2]);
  });

  it('minSharedBands is ⌈threshold × k⌉ for one row per band and 1 otherwise', () => {
    expect(minSharedBands(0.15, { bands: 64, rows: 1 })).toBe(10); // 9.6 → 10: 10/64 ≥ 0.15 > 9/64
    expect(minSharedBands(0.25, { bands: 64, rows: 1 })).toBe(16);
    expect(minSharedBands(0.25, { bands: 32, rows: 2 })).toBe(1);
  });

  it('keeps at most bucketCap members in a bucket, the first ones', () => {
    const index = new LshIndex(banding, 2);
    for (let m = 0; m < 5; m++) index.add(m, s(1, 1, m, m), 0);
    expect(index.candidates(s(1, 1, 8, 8), 0, [])).toEqual([0, 1]);
    expect(index.candidates(s(0, 0, 4, 4), 0, [])).toEqual([4]);
  });
});

describe('issue profiles', () => {
  const options = { ...defaultGroupingOptions, coreShare: 0.3, coreSize: 24 };
  it('sorts counts most frequent first, ties by feature', () => {
    const counts = new Map([['d', 1], ['c', 3], ['a', 5], ['b', 3]]);
    expect(sortedCounts(counts, 10)).toEqual([['a', 5], ['b', 3], ['c', 3], ['d', 1]]);
    expect(sortedCounts(counts, 2)).toEqual([['a', 5], ['b', 3]]);
  });
  it('takes as core the features in at least coreShare of the tickets, at most coreSize', () => {
    const sorted: [string, number][] = [['a', 5], ['b', 3], ['c', 2], ['d', 1]];
    expect(coreFeatures(sorted, 10, options)).toEqual(['a', 'b']); // floor 0.3 × 10 = 3
    expect(coreFeatures(sorted, 10, { ...options, coreSize: 1 })).toEqual(['a']);
    expect(coreFeatures(sorted, 1, options)).toEqual(['a', 'b', 'c', 'd']); // one ticket: all of it
  });
});

describe('BucketTable', () => {
  const list = (table: BucketTable, key: number) => {
    const members: number[] = [];
    for (let e = table.first(key); e !== -1; e = table.after(e)) members.push(table.member(e));
    return members;
  };
  it('keeps every key’s members in insertion order through many rehashes, capped', () => {
    const table = new BucketTable(3, 4);
    const key = (i: number) => Math.imul(i, 0x01000193) ^ 0x5bd1e995; // spread keys, negative ones too
    for (let i = 0; i < 20_000; i++) table.add(key(i), i);
    for (let i = 0; i < 20_000; i += 2) {
      table.add(key(i), i + 1);
      table.add(key(i), i + 2);
      table.add(key(i), i + 3); // beyond the cap of 3
    }
    for (const i of [0, 1, 2, 9_999, 10_000, 19_998, 19_999]) {
      expect(list(table, key(i))).toEqual(i % 2 === 0 ? [i, i + 1, i + 2] : [i]);
    }
    expect(table.first(key(20_000))).toBe(-1);
  });
});
