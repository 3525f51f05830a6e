// A batch of tickets made ready for grouping: each ticket's distinct features and its MinHash signature, in one flat
// Uint32Array (ticket i at i × k). A ticket without features (empty or all-noise text) gets no issue.
import { ticketFeatures } from './features.ts';
import { MinHasher } from './minhash.ts';
import type { GroupingOptions } from './state.ts';

export interface SignedBatch {
  features: string[][];
  signatures: Uint32Array;
  hasher: MinHasher;
}

/** The signer of a grouping's settings: a stored state is always signed again the way it was signed. */
export function hasherFor(options: GroupingOptions): MinHasher {
  return new MinHasher(options.hashes, options.seed, options.codeWeight ?? 1);
}

export function signBatch(terms: readonly (readonly string[])[], options: GroupingOptions, hasher = hasherFor(options)): SignedBatch {
  const k = options.hashes;
  const features = new Array<string[]>(terms.length);
  const signatures = new Uint32Array(terms.length * k);
  for (let t = 0; t < terms.length; t++) {
    const f = ticketFeatures(terms[t]!, options.features);
    features[t] = f;
    hasher.signInto(f, signatures, t * k);
  }
  return { features, signatures, hasher };
}
