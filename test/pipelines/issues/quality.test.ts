import { describe, expect, it } from 'vitest';
import { normalisedMutualInformation, purity } from '../../../pipelines/issues/quality.ts';

// Worked by hand: groups a = {1, 2}, b = {3, 4}; true classes x = {1, 2, 3}, y = {4}. Cells (a,x) 2, (b,x) 1, (b,y) 1.
// H(A) = ln 2; H(T) = −(¾ ln ¾ + ¼ ln ¼);
// I = ½ ln(½ ÷ (½·¾)) + ¼ ln(¼ ÷ (½·¾)) + ¼ ln(¼ ÷ (½·¼)) = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2 ≈ 0.215762;
// NMI (arithmetic mean) = I ÷ ((H(A) + H(T)) ÷ 2) ≈ 0.215762 ÷ 0.627741 ≈ 0.343711.
const assigned = [0, 0, 1, 1];
const truth = [7, 7, 7, 9];

describe('purity', () => {
  it('is the share of tickets in their group’s majority class', () => {
    expect(purity(assigned, truth)).toBe(3 / 4); // a: 2 of x; b: 1 (x or y) → (2 + 1) ÷ 4
  });
  it('is 1 for one ticket per group, and for the truth itself under other names', () => {
    expect(purity([1, 2, 3, 4], truth)).toBe(1);
    expect(purity([5, 5, 2, 2, 2], [0, 0, 1, 1, 1])).toBe(1);
  });
  it('is the largest class share when everything is in one group', () => {
    expect(purity([0, 0, 0, 0, 0], [1, 1, 1, 2, 3])).toBe(3 / 5);
  });
});

describe('normalisedMutualInformation (arithmetic-mean normalisation)', () => {
  it('matches the hand-worked value', () => {
    const i = 0.5 * Math.log(4 / 3) + 0.25 * Math.log(2 / 3) + 0.25 * Math.log(2);
    const hA = Math.log(2);
    const hT = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    expect(i).toBeCloseTo(0.215762, 6);
    expect(normalisedMutualInformation(assigned, truth)).toBeCloseTo(i / ((hA + hT) / 2), 12);
    expect(normalisedMutualInformation(assigned, truth)).toBeCloseTo(0.343711, 6);
  });
  it('is symmetric', () => {
    expect(normalisedMutualInformation(truth, assigned)).toBeCloseTo(0.343711, 6);
  });
  it('is 1 for the same partition under other names and 0 for independent ones', () => {
    expect(normalisedMutualInformation([5, 5, 2, 2, 2], [0, 0, 1, 1, 1])).toBeCloseTo(1, 12);
    // Each group holds one of each class: I = 0.
    expect(normalisedMutualInformation([0, 1, 0, 1], [0, 0, 1, 1])).toBe(0);
  });
  it('counts −1 (no issue) as a label of its own', () => {
    expect(normalisedMutualInformation([-1, -1, 3, 3], [1, 1, 2, 2])).toBeCloseTo(1, 12);
  });
  it('refuses label vectors of different lengths', () => {
    expect(() => normalisedMutualInformation([0], [0, 1])).toThrow(RangeError);
  });
});
