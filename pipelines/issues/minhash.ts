// MinHash signatures: for each of k seeded hash functions, the smallest hash over a ticket's distinct features.
// Two signatures agree at a position with probability equal to the Jaccard similarity of the two feature sets, so
// the share of agreeing positions estimates it (standard error √(J(1−J)/k)). A term is hashed once (murmur3); the
// k functions are murmur3's finaliser over that hash xor a per-function seed.
import { fmix32, hashSeeds, hashString32 } from './hash.ts';

/** The signature of an empty feature set: every position at the largest value. Such tickets are never grouped (batch.ts). */
export const EMPTY = 0xffffffff;

export class MinHasher {
  readonly seeds: Uint32Array;
  /** Cache of feature → murmur3 hash: a corpus repeats the same few hundred thousand features millions of times. */
  private readonly featureHashes = new Map<string, number>();

  constructor(
    readonly hashes: number,
    readonly seed: number,
  ) {
    this.seeds = hashSeeds(seed, hashes);
  }

  featureHash(feature: string): number {
    let h = this.featureHashes.get(feature);
    if (h === undefined) {
      h = hashString32(feature, this.seed);
      this.featureHashes.set(feature, h);
    }
    return h;
  }

  /** Writes the signature of `features` into `out` at `offset` (k values). */
  signInto(features: readonly string[], out: Uint32Array, offset: number): void {
    const k = this.hashes;
    const seeds = this.seeds;
    out.fill(EMPTY, offset, offset + k);
    for (const feature of features) {
      const h = this.featureHash(feature);
      for (let i = 0; i < k; i++) {
        const v = fmix32(h ^ seeds[i]!);
        if (v < out[offset + i]!) out[offset + i] = v;
      }
    }
  }

  sign(features: readonly string[]): Uint32Array {
    const out = new Uint32Array(this.hashes);
    this.signInto(features, out, 0);
    return out;
  }
}

/** Share of the k positions where two signatures agree: the estimated Jaccard similarity of their sets. */
export function estimatedJaccard(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, k: number): number {
  let same = 0;
  for (let i = 0; i < k; i++) if (a[aOffset + i] === b[bOffset + i]) same++;
  return same / k;
}
