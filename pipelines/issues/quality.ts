// How well a grouping matches known true problems (the demo generator's, a synthetic corpus's). Labels are any
// integers; −1 (no issue) counts as one more label.

function contingency(assigned: ArrayLike<number>, truth: ArrayLike<number>) {
  if (assigned.length !== truth.length) throw new RangeError(`quality: ${assigned.length} labels against ${truth.length} true labels`);
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  for (let i = 0; i < assigned.length; i++) {
    const a = assigned[i]!;
    const b = truth[i]!;
    const key = `${a} ${b}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    columns.set(b, (columns.get(b) ?? 0) + 1);
  }
  return { cells, rows, columns, n: assigned.length };
}

/** Share of items whose group's most common true label is their own: Σ over groups of its largest true class ÷ n. */
export function purity(assigned: ArrayLike<number>, truth: ArrayLike<number>): number {
  const { cells, n } = contingency(assigned, truth);
  if (n === 0) return 1;
  const largest = new Map<string, number>();
  for (const [key, count] of cells) {
    const group = key.slice(0, key.indexOf(' '));
    largest.set(group, Math.max(largest.get(group) ?? 0, count));
  }
  let sum = 0;
  for (const count of largest.values()) sum += count;
  return sum / n;
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/**
 * Normalised mutual information with the arithmetic-mean normalisation: NMI = I(A;T) / ((H(A) + H(T)) / 2)
 * (scikit-learn's default; Strehl & Ghosh's original divides by the geometric mean √(H(A)·H(T)) instead).
 * 1 when the groupings are the same up to renaming; 1 also when both put everything in one group.
 */
export function normalisedMutualInformation(assigned: ArrayLike<number>, truth: ArrayLike<number>): number {
  const { cells, rows, columns, n } = contingency(assigned, truth);
  if (n === 0) return 1;
  const ha = entropy(rows.values(), n);
  const ht = entropy(columns.values(), n);
  if (ha === 0 && ht === 0) return 1;
  let mutual = 0;
  for (const [key, count] of cells) {
    const space = key.indexOf(' ');
    const a = rows.get(Number(key.slice(0, space)))!;
    const b = columns.get(Number(key.slice(space + 1)))!;
    mutual += (count / n) * Math.log((count * n) / (a * b));
  }
  return Math.max(0, Math.min(1, mutual / ((ha + ht) / 2)));
}
