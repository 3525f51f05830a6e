// A seeded synthetic corpus of already-normalised ticket terms with known true problems, for the grouping's quality
// tests and its benchmark. Each problem has a core vocabulary in a fixed phrase order (weights falling with rank) and
// shares two terms with the other problems of its family of four (say "invoice", "email"); every ticket also carries
// generic terms drawn from a shared Zipf-distributed vocabulary, the words left after stop words that every problem
// uses ("account", "today"). A ticket keeps its core terms in phrase order with generic terms dropped in between.
import { Rng, WeightedIndex } from '../demo/random.ts';

export interface SyntheticOptions {
  tickets: number;
  /** True problems numbered `firstProblem` … `firstProblem + problems − 1`. */
  problems: number;
  firstProblem?: number;
  seed: number;
  /** Mean terms per ticket (it varies ±⅓). */
  termsPerTicket?: number;
  /** Share of a ticket's terms drawn from its problem (the rest are generic). */
  problemShare?: number;
  /** Core terms per problem. */
  coreTerms?: number;
  /** Size of the shared generic vocabulary. */
  genericTerms?: number;
}

export interface SyntheticCorpus {
  terms: string[][];
  /** True problem of each ticket. */
  truth: Int32Array;
}

const familySize = 4;

/**
 * A number written in letters ("12" → "bc"): synthetic terms stand for words, and a term with a digit would be a
 * code, which the signatures weigh up (minhash.ts `isCode`) and sign several times over.
 */
export const letters = (n: number) => String(n).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);

/** A problem's vocabulary: its own core terms, then its family's two shared terms. */
function problemVocabulary(problem: number, coreTerms: number): string[] {
  const family = Math.floor(problem / familySize);
  const own = Array.from({ length: coreTerms }, (_, j) => `p${letters(problem)}w${letters(j)}`);
  return [...own, `f${letters(family)}x`, `f${letters(family)}y`];
}

export function syntheticCorpus(options: SyntheticOptions): SyntheticCorpus {
  const { tickets, problems, seed } = options;
  const firstProblem = options.firstProblem ?? 0;
  const termsPerTicket = options.termsPerTicket ?? 15;
  const problemShare = options.problemShare ?? 0.6;
  const coreTerms = options.coreTerms ?? 12;
  const genericCount = options.genericTerms ?? 3000;
  const rng = new Rng(seed, `synthetic-issues-${firstProblem}`);
  const generic = Array.from({ length: genericCount }, (_, j) => `g${letters(j)}`);
  const genericPick = new WeightedIndex(generic.map((_, j) => 1 / (j + 1)));
  // Problem sizes are uneven (weights 1 … 5), as real recurring problems are.
  const sizes = Array.from({ length: problems }, () => rng.int(1, 5));
  const problemPick = new WeightedIndex(sizes);
  const vocabularies = Array.from({ length: problems }, (_, p) => problemVocabulary(firstProblem + p, coreTerms));
  const termWeights = new WeightedIndex(vocabularies[0]!.map((_, j) => 1 / Math.sqrt(j + 1)));
  const terms = new Array<string[]>(tickets);
  const truth = new Int32Array(tickets);
  for (let t = 0; t < tickets; t++) {
    const p = problemPick.pick(rng);
    const vocabulary = vocabularies[p]!;
    const length = Math.max(3, Math.round(termsPerTicket * rng.range(2 / 3, 4 / 3)));
    const fromProblem = Math.min(vocabulary.length, Math.max(1, Math.round(length * problemShare)));
    const chosen = new Set<number>();
    while (chosen.size < fromProblem) chosen.add(termWeights.pick(rng));
    const ticket = [...chosen].sort((a, b) => a - b).map((j) => vocabulary[j]!);
    for (let g = fromProblem; g < length; g++) ticket.splice(rng.int(0, ticket.length), 0, generic[genericPick.pick(rng)]!);
    terms[t] = ticket;
    truth[t] = firstProblem + p;
  }
  return { terms, truth };
}
