// LSH banding over MinHash signatures: the k positions are cut into `bands` bands of `rows` values; two signatures
// land in a common bucket when they agree on a whole band, which for Jaccard similarity J happens with probability
// 1 − (1 − J^rows)^bands. Only signatures sharing a bucket are compared, so grouping never looks at all pairs.
// A bucket keeps at most `bucketCap` members (the first ones added): a band that many unrelated signatures share
// (generic words) says nothing, and an uncapped one would make a lookup quadratic.
import { BucketTable } from './bucket-table.ts';
import { fmix32 } from './hash.ts';

export interface Banding {
  bands: number;
  rows: number;
}

/** Probability that two sets of Jaccard similarity `jaccard` share at least one bucket. */
export function candidateProbability(jaccard: number, { bands, rows }: Banding): number {
  return 1 - (1 - jaccard ** rows) ** bands;
}

/** The `minShared` for `LshIndex.candidates` that finds every member at or above a Jaccard threshold and no fewer. */
export function minSharedBands(threshold: number, banding: Banding): number {
  return banding.rows === 1 ? Math.max(1, Math.ceil(threshold * banding.bands - 1e-9)) : 1;
}

/** Issues are few: a bucket of issues keeps far more members than one of tickets. */
export const issueBucketCap = 1024;

/** The bucket key of band `band` of a signature (band number mixed in, so equal rows in different bands differ). */
export function bandKey(signature: Uint32Array, offset: number, band: number, rows: number): number {
  let h = fmix32(Math.imul(band + 1, 0x9e3779b9) >>> 0);
  const start = offset + band * rows;
  for (let i = 0; i < rows; i++) h = fmix32((h ^ signature[start + i]!) >>> 0) + i;
  return h | 0;
}

/** Buckets of member numbers by band key; members are whatever the caller numbers (tickets, issues). */
export class LshIndex {
  private readonly buckets: BucketTable;
  /** Last query that saw each member, to return every candidate once, and how many of its buckets it shared. */
  private seen = new Int32Array(1024).fill(-1);
  private shared = new Int32Array(1024);
  private query = 0;

  constructor(
    private readonly banding: Banding,
    bucketCap = 16,
  ) {
    this.buckets = new BucketTable(bucketCap);
  }

  add(member: number, signature: Uint32Array, offset: number): void {
    const { bands, rows } = this.banding;
    for (let band = 0; band < bands; band++) {
      this.buckets.add(bandKey(signature, offset, band, rows), member);
    }
  }

  /**
   * Members sharing at least `minShared` buckets with the signature, each once, in order of first sighting. With one
   * row per band a shared bucket is an agreeing signature position, so `minShared` = ⌈threshold × k⌉ keeps exactly the
   * members whose estimated Jaccard similarity can reach the threshold (the rest are never compared).
   */
  candidates(signature: Uint32Array, offset: number, out: number[], minShared = 1): number[] {
    out.length = 0;
    const { bands, rows } = this.banding;
    const query = this.query++;
    for (let band = 0; band < bands; band++) {
      const buckets = this.buckets;
      for (let e = buckets.first(bandKey(signature, offset, band, rows)); e !== -1; e = buckets.after(e)) {
        const member = buckets.member(e);
        if (member >= this.seen.length) this.grow(member);
        if (this.seen[member] === query) {
          this.shared[member]!++;
          continue;
        }
        this.seen[member] = query;
        this.shared[member] = 1;
        out.push(member);
      }
    }
    if (minShared > 1) {
      let kept = 0;
      for (const member of out) if (this.shared[member]! >= minShared) out[kept++] = member;
      out.length = kept;
    }
    return out;
  }

  private grow(member: number): void {
    let size = this.seen.length;
    while (size <= member) size *= 2;
    const seen = new Int32Array(size).fill(-1);
    seen.set(this.seen);
    this.seen = seen;
    const shared = new Int32Array(size);
    shared.set(this.shared);
    this.shared = shared;
  }
}
