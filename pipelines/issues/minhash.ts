// MinHash signatures: for each of k seeded hash functions, the smallest hash over a ticket's distinct features.
// Two signatures agree at a position with probability equal to the Jaccard similarity of the two feature sets, so
// the share of agreeing positions estimates it (standard error √(J(1−J)/k)). A term is hashed once (murmur3); the
// k functions are murmur3's finaliser over that hash xor a per-function seed.
// A code (a feature with a digit: "e404", "bankauth401", "v520") counts `codeWeight` times: it is hashed as that many
// distinct copies, so the signatures estimate a weighted Jaccard similarity in which a shared code weighs as much as
// that many shared words. Codes are what tickets about one problem share across languages (a Croatian and an English
// ticket quoting BANK_AUTH_401 share little else), and they rarely name two problems.
import { fmix32, hashSeeds, hashString32 } from './hash.ts';

/** The signature of an empty feature set: every position at the largest value. Such tickets are never grouped (batch.ts). */
export const EMPTY = 0xffffffff;

export class MinHasher {
  readonly seeds: Uint32Array;
  /** Cache of feature → murmur3 hash: a corpus repeats the same few hundred thousand features millions of times. */
  private readonly featureHashes = new Map<string, number>();

  /** The copies of each code beyond the first: hash(code) xor these. */
  private readonly copySalts: Uint32Array;

  constructor(
    readonly hashes: number,
    readonly seed: number,
    readonly codeWeight = 1,
  ) {
    if (!Number.isInteger(codeWeight) || codeWeight < 1) throw new RangeError(`minhash: codeWeight must be a whole number ≥ 1, not ${codeWeight}`);
    this.seeds = hashSeeds(seed, hashes);
    this.copySalts = hashSeeds(seed ^ 0x636f6465, codeWeight - 1);
  }

  featureHash(feature: string): number {
    let h = this.featureHashes.get(feature);
    if (h === undefined) {
      h = hashString32(feature, this.seed);
      this.featureHashes.set(feature, h);
    }
    return h;
  }

  private signOne(h: number, out: Uint32Array, offset: number): void {
    const k = this.hashes;
    const seeds = this.seeds;
    for (let i = 0; i < k; i++) {
      const v = fmix32(h ^ seeds[i]!);
      if (v < out[offset + i]!) out[offset + i] = v;
    }
  }

  /** Writes the signature of `features` into `out` at `offset` (k values). */
  signInto(features: readonly string[], out: Uint32Array, offset: number): void {
    out.fill(EMPTY, offset, offset + this.hashes);
    const copies = this.copySalts;
    for (const feature of features) {
      const h = this.featureHash(feature);
      this.signOne(h, out, offset);
      if (copies.length > 0 && isCode(feature)) for (let c = 0; c < copies.length; c++) this.signOne(fmix32((h ^ copies[c]!) >>> 0), out, offset);
    }
  }

  sign(features: readonly string[]): Uint32Array {
    const out = new Uint32Array(this.hashes);
    this.signInto(features, out, 0);
    return out;
  }
}

const digit = /[0-9]/;

/** A code: tokens.ts keeps a token with letters and digits whole (a word never has a digit). */
export function isCode(feature: string): boolean {
  return digit.test(feature);
}

/** Share of the k positions where two signatures agree: the estimated Jaccard similarity of their sets. */
export function estimatedJaccard(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number, k: number): number {
  let same = 0;
  for (let i = 0; i < k; i++) if (a[aOffset + i] === b[bOffset + i]) same++;
  return same / k;
}
