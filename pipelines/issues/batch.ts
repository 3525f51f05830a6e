// A batch of tickets made ready for grouping: each ticket's distinct features and its MinHash signature, in one flat
// Uint32Array (ticket i at i × k). A ticket without features (empty or all-noise text) gets no issue.
// Helpdesk text is templated: tickets with the same features in the same order (two in five of the demo's 100 k) are
// signed once, and the grouping decides once for all of them where it can (`sameAs`).
import { ticketFeatures } from './features.ts';
import { MinHasher } from './minhash.ts';
import type { GroupingOptions } from './state.ts';

export interface SignedBatch {
  features: string[][];
  signatures: Uint32Array;
  hasher: MinHasher;
  /** Each ticket's first ticket with the same features in the same order (itself when none came before): the same signature. */
  sameAs: Int32Array;
}

/** The signer of a grouping's settings: a stored state is always signed again the way it was signed. */
export function hasherFor(options: GroupingOptions): MinHasher {
  return new MinHasher(options.hashes, options.seed, options.codeWeight ?? 1);
}

export function signBatch(terms: readonly (readonly string[])[], options: GroupingOptions, hasher = hasherFor(options)): SignedBatch {
  const k = options.hashes;
  const features = new Array<string[]>(terms.length);
  const signatures = new Uint32Array(terms.length * k);
  const sameAs = new Int32Array(terms.length);
  // Features never hold a NUL (tokens are letters, digits and joiners), so the joined list names the sequence.
  const firstWith = new Map<string, number>();
  for (let t = 0; t < terms.length; t++) {
    const f = ticketFeatures(terms[t]!, options.features);
    features[t] = f;
    const key = f.join('\u0000');
    const first = firstWith.get(key);
    if (first === undefined) {
      firstWith.set(key, t);
      sameAs[t] = t;
      hasher.signInto(f, signatures, t * k);
    } else {
      sameAs[t] = first;
      signatures.copyWithin(t * k, first * k, first * k + k);
    }
  }
  return { features, signatures, hasher, sameAs };
}
