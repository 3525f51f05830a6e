// The exact upper tail of a Poisson distribution, P(X ≥ k) for X ~ Poisson(λ): the rising flag's test
// (sql/issues/flags.ts). Summed term by term in log space, so that neither a large λ (e^−λ underflows past 745)
// nor a tiny tail (1 − a sum near 1 loses every digit) spoils it. Checked against published tables and values
// summed independently in exact arithmetic (test/sql/issues/poisson.test.ts).

const logFactorials: number[] = [0];

/** ln(n!) for a whole n ≥ 0: summed exactly up to 1,000, Stirling's series beyond (error below 1e-15 relative there). */
export function logFactorial(n: number): number {
  if (n < 1000) {
    for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
    return logFactorials[n]!;
  }
  const x = n + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

/** P(X = i) in log space. */
const logTerm = (i: number, lambda: number) => i * Math.log(lambda) - lambda - logFactorial(i);

/** P(X ≥ k) for X ~ Poisson(λ), k a whole number, λ > 0. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (!Number.isInteger(k)) throw new RangeError(`k must be a whole number, not ${k}`);
  if (!(lambda > 0) || !Number.isFinite(lambda)) throw new RangeError(`λ must be a positive number, not ${lambda}`);
  if (k <= 0) return 1;
  if (k > lambda) {
    // Terms from k on fall (each is the last × λ/(i+1) < 1): sum them until they no longer change the total.
    let term = Math.exp(logTerm(k, lambda));
    let sum = 0;
    for (let i = k; term > sum * 1e-17 && i < k + 100_000; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1, sum);
  }
  // k ≤ λ: the tail is at least about a half, so 1 − P(X < k) keeps its digits; the lower terms are summed from the
  // largest (i = k − 1) down, each from the one above by × i/λ, so none underflows before it matters.
  let term = Math.exp(logTerm(k - 1, lambda));
  let lower = 0;
  for (let i = k - 1; i >= 0 && term > 0; i--) {
    lower += term;
    term *= i / lambda;
  }
  return Math.max(0, 1 - lower);
}
