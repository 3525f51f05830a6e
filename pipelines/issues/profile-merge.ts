// Joins groups that describe one problem in different words. The MinHash passes compare sets of terms, where "click",
// "today" and "invoice" count as much as "password": two wordings of one problem (a template's three bodies, a
// customer's own phrasing) share only a few rare terms and stay apart, while common words pull unrelated tickets
// together. Here each group is a TF-IDF vector over the terms a good share of its tickets use (a term's weight falls
// with the number of tickets having it, so the words every problem uses count for little), and a group joins the
// most similar larger group when the cosine of their vectors reaches the threshold. A group is compared with the
// kept groups' own vectors, never with what they absorbed, so no chain of neighbours becomes one group. Groups are
// few next to tickets; candidates come from an inverted index over the vectors' terms.

export interface ProfileMergeOptions {
  /** Two groups whose TF-IDF profiles have at least this cosine are one group. */
  threshold: number;
  /** A term is in a group's vector when at least this share of its tickets use it. */
  minShare: number;
  /** A term's weight is idf × share^shareExponent: 1 is the plain TF-IDF centroid; below 1 the terms a part of the group uses count nearly as much as those all of it uses. */
  shareExponent: number;
  /**
   * A code's weight is this many times a word's (minhash.ts `isCode`): the codes a problem's tickets quote in every
   * language are what a Croatian group and an English group about it have in common. Absent: 1.
   */
  codeWeight?: number;
}

import { isCode } from './minhash.ts';

const NONE = -1;

/**
 * A group's TF-IDF vector, unit length: its terms used by at least `minShare` of its `size` tickets, each weighted
 * share^shareExponent × idf (× codeWeight for a code). `documentFrequency` counts the tickets of the `tickets` having a term.
 */
export function profileVector(
  counts: Iterable<readonly [string, number]>,
  size: number,
  documentFrequency: (feature: string) => number,
  tickets: number,
  options: ProfileMergeOptions,
): Map<string, number> {
  const v = new Map<string, number>();
  if (size === 0) return v;
  const codeWeight = options.codeWeight ?? 1;
  let norm = 0;
  for (const [f, n] of counts) {
    if (n < options.minShare * size) continue;
    const w = Math.pow(n / size, options.shareExponent) * Math.log(tickets / Math.max(1, documentFrequency(f))) * (isCode(f) ? codeWeight : 1);
    if (w <= 0) continue;
    v.set(f, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  for (const [f, w] of v) v.set(f, w / norm);
  return v;
}

/** Cosine of two unit vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small) dot += w * (large.get(f) ?? 0);
  return dot;
}

/**
 * Relabels `group` in place (group numbers below `groups`, −1 for none) so that alike groups share the number of the
 * larger one (ties: the lower number). Returns how many groups were absorbed.
 */
export function mergeAlikeProfiles(
  features: readonly (readonly string[])[],
  group: Int32Array,
  groups: number,
  options: ProfileMergeOptions,
): number {
  const sizes = new Int32Array(groups);
  const counts = Array.from({ length: groups }, () => new Map<string, number>());
  const documentFrequency = new Map<string, number>();
  let tickets = 0;
  for (let t = 0; t < group.length; t++) {
    const g = group[t]!;
    if (g === NONE) continue;
    tickets++;
    sizes[g]!++;
    const c = counts[g]!;
    for (const f of features[t]!) {
      c.set(f, (c.get(f) ?? 0) + 1);
      documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
    }
  }
  const vectors = counts.map((c, g) => profileVector(c, sizes[g]!, (f) => documentFrequency.get(f)!, tickets, options));

  const order = [...sizes.keys()].filter((g) => sizes[g]! > 0).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const into = Int32Array.from({ length: groups }, (_, g) => g);
  const keptWith = new Map<string, number[]>();
  let absorbed = 0;
  const dot = new Map<number, number>();
  for (const g of order) {
    dot.clear();
    for (const [f, w] of vectors[g]!) {
      for (const k of keptWith.get(f) ?? []) dot.set(k, (dot.get(k) ?? 0) + w * vectors[k]!.get(f)!);
    }
    let best = NONE;
    let bestCosine = options.threshold;
    for (const [k, cosine] of dot) {
      if (cosine > bestCosine || (cosine === bestCosine && best !== NONE && order.indexOf(k) < order.indexOf(best))) {
        best = k;
        bestCosine = cosine;
      }
    }
    if (best !== NONE) {
      into[g] = best;
      absorbed++;
      continue;
    }
    for (const f of vectors[g]!.keys()) {
      let list = keptWith.get(f);
      if (!list) keptWith.set(f, (list = []));
      list.push(g);
    }
  }
  for (let t = 0; t < group.length; t++) if (group[t] !== NONE) group[t] = into[group[t]!]!;
  return absorbed;
}
