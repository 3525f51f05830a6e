// The exact Poisson upper tail against published tables and against sums in 60-digit decimal arithmetic
// (Python's decimal module: e^−λ · Σ λ^i / i! for i < k, subtracted from 1), never against itself.
import { describe, expect, it } from 'vitest';
import { logFactorial, poissonUpperTail } from '../../../sql/issues/poisson.ts';

describe('poissonUpperTail: P(X ≥ k), X ~ Poisson(λ)', () => {
  it('agrees with published cumulative tables (4 decimals)', () => {
    // Poisson cumulative tables (e.g. Lindley & Scott, New Cambridge Statistical Tables, table 2): P(X ≤ 4 | 1) = 0.9963,
    // P(X ≤ 10 | 5) = 0.9863, P(X ≤ 15 | 10) = 0.9513, P(X ≤ 9 | 2) = 1.0000.
    expect(poissonUpperTail(5, 1)).toBeCloseTo(1 - 0.9963, 4);
    expect(poissonUpperTail(11, 5)).toBeCloseTo(1 - 0.9863, 4);
    expect(poissonUpperTail(16, 10)).toBeCloseTo(1 - 0.9513, 4);
  });

  it('agrees to 12 significant digits with sums in exact decimal arithmetic, tiny tails and large λ included', () => {
    const cases: Array<[number, number, number]> = [
      [5, 1, 3.659846827343712e-3],
      [11, 5, 1.369526859838294e-2],
      [16, 10, 4.87404033039787e-2],
      [10, 2, 4.64980750172638e-5],
      [3, 0.0625, 3.882962237440735e-5],
      [40, 10, 7.341636314560472e-13],
      [20, 1.5, 3.283434196613644e-16],
      [12, 2.0625, 1.864821552481244e-6],
      [1000, 900, 5.499022657117829e-4],
      [50, 80, 9.998692160234086e-1],
      [1, 0.5, 3.934693402873666e-1],
    ];
    for (const [k, lambda, expected] of cases) {
      const got = poissonUpperTail(k, lambda);
      expect(Math.abs(got - expected) / expected, `k ${k}, λ ${lambda}: ${got} against ${expected}`).toBeLessThan(1e-11);
    }
  });

  it('is 1 at k ≤ 0 and refuses a λ or k it cannot mean', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(() => poissonUpperTail(2.5, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(2, 0)).toThrow(RangeError);
  });

  it('ln n! is the sum of logs below 1,000 and Stirling’s series beyond, continuous where they meet', () => {
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let sum = 0;
    for (let i = 2; i <= 1500; i++) sum += Math.log(i);
    expect(Math.abs(logFactorial(1500) - sum) / sum).toBeLessThan(1e-13);
  });
});
