// The Mann–Whitney U test (Wilcoxon rank-sum), two-sided: is one sample's distribution shifted against the other's?
// It assumes no shape (weekly counts are skewed and few), only that the weeks are exchangeable when nothing changed.
// Small samples get the exact permutation p-value (every way of splitting the pooled midranks into groups of the two
// sizes, ties included); larger ones the normal approximation with the tie correction and a continuity correction.

export interface MannWhitneyResult {
  /** U of the first sample: how many (x, y) pairs have x > y, ties counting one half. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  method: 'exact' | 'normal_approximation';
}

/** Splittings enumerated at most for the exact test (8 + 8 weeks: 12,870). */
export const maxExactSplits = 200_000;

/** Midranks (1-based) of the pooled values: tied values share the mean of their ranks. */
export function midranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** The standard normal's upper tail, P(Z > z), by the complementary error function (W. J. Cody's rational fit, |error| < 1.2e-7). */
export function normalUpperTail(z: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(z / Math.SQRT2));
  const x = Math.abs(z / Math.SQRT2);
  const erfc =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

export function mannWhitney(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann–Whitney needs values on both sides');
  const ranks = midranks([...x, ...y]);
  const rankSumX = ranks.slice(0, n1).reduce((sum, r) => sum + r, 0);
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const centre = (n1 * n2) / 2;
  if (binomial(n1 + n2, n1) <= maxExactSplits) return { u, p: exactP(ranks, n1, Math.abs(u - centre), centre), method: 'exact' };
  const n = n1 + n2;
  const tieTerm = tieSizes(ranks).reduce((sum, t) => sum + (t ** 3 - t), 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance === 0) return { u, p: 1, method: 'normal_approximation' };
  const z = Math.max(0, Math.abs(u - centre) - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, 2 * normalUpperTail(z)), method: 'normal_approximation' };
}

function tieSizes(ranks: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.values()];
}

/** P(|U − centre| ≥ observed) over every split of the pooled midranks into n1 and the rest, equally likely. */
function exactP(ranks: readonly number[], n1: number, observed: number, centre: number): number {
  const n = ranks.length;
  const offset = (n1 * (n1 + 1)) / 2;
  let asExtreme = 0;
  let total = 0;
  const chosen: number[] = [];
  // Ranks are multiples of one half: compare doubled values as integers, so equal distances are never lost to rounding.
  const threshold = Math.round(2 * observed);
  const walk = (from: number, sum: number) => {
    if (chosen.length === n1) {
      total++;
      if (Math.round(2 * Math.abs(sum - offset - centre)) >= threshold) asExtreme++;
      return;
    }
    for (let i = from; i <= n - (n1 - chosen.length); i++) {
      chosen.push(i);
      walk(i + 1, sum + ranks[i]!);
      chosen.pop();
    }
  };
  walk(0, 0);
  return asExtreme / total;
}
