// The Mann–Whitney U test against values computed independently: by hand for the first case, and by SciPy 1.17
// (`scipy.stats.mannwhitneyu` for U and the normal approximation with continuity correction; `permutation_test` over
// every split, statistic |U − n1·n2/2|, for the exact p-values with ties), printed once and written here.
import { describe, expect, it } from 'vitest';
import { mannWhitney, midranks, normalUpperTail } from '../../common/mann-whitney.ts';

describe('Mann–Whitney U, two-sided', () => {
  it('by hand: four weeks wholly above four others', () => {
    // Before 10, 12, 14, 16 all rank above after 5, 6, 7, 8: U(before) = 16 of 16 pairs. Of the C(8,4) = 70 equally
    // likely splits, only this one and its mirror (U = 0) are as far from 8: p = 2 / 70.
    expect(mannWhitney([10, 12, 14, 16], [5, 6, 7, 8])).toEqual({ u: 16, p: 2 / 70, method: 'exact' });
  });

  it('exact over every split, ties at their midranks (SciPy permutation_test)', () => {
    const cases: Array<[number[], number[], number, number]> = [
      [[3, 5, 5, 8, 9, 9], [1, 2, 5, 5, 7, 9], 24, 0.3593073593073593],
      [[20, 22, 19, 25, 30, 21, 18, 24], [15, 17, 19, 12, 16, 20, 14, 13], 60, 0.0018648018648018648],
      [[4, 4, 6, 7, 9, 10], [1, 4, 4, 5, 6, 8], 25.5, 0.25757575757575757],
      [[9, 11, 10, 12, 10, 11, 9, 12], [5, 6, 4, 7, 5, 6, 5, 4], 64, 0.0001554001554001554],
      [[1, 1, 2], [2, 3, 3], 0.5, 0.2],
    ];
    for (const [x, y, u, p] of cases) {
      const result = mannWhitney(x, y);
      expect(result.method).toBe('exact');
      expect(result.u).toBe(u);
      expect(result.p).toBeCloseTo(p, 12);
    }
  });

  it('the normal approximation for samples too large to enumerate (SciPy asymptotic, continuity corrected)', () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = Array.from({ length: 25 }, (_, i) => i + 5.5);
    const result = mannWhitney(x, y);
    expect(result.method).toBe('normal_approximation');
    expect(result.u).toBe(300);
    expect(result.p).toBeCloseTo(0.20792927248164417, 6);
  });

  it('midranks share tied ranks; the normal tail is P(Z > z)', () => {
    expect(midranks([5, 1, 5, 3, 5])).toEqual([4, 1, 4, 2, 4]);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 7);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(-1)).toBeCloseTo(0.8413447460685429, 7);
  });
});
