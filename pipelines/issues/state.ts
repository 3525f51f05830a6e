// The grouping's settings and its persisted state, as plain data (numbers, strings, arrays) so that it can be stored
// in DuckDB rows and read back: an issue is its id, its size, its profile (feature counts) and the MinHash signature
// of the profile's core. Signatures depend on the settings (seed, number of hashes, features), so they travel with
// the state: a new load is always signed the way the stored issues were.
import type { FeatureMode } from './features.ts';
import type { Banding } from './lsh.ts';
import type { ProfileMergeOptions } from './profile-merge.ts';

export interface GroupingOptions {
  features: FeatureMode;
  /** Hash functions per signature (k); `bands × rows` of both bandings must equal it. */
  hashes: number;
  /** LSH banding for finding similar tickets (the leader pass). */
  banding: Banding;
  /**
   * LSH banding for finding the issues a ticket may belong to. Issues are few, so this one can afford one row per
   * band (a candidate for every shared minimum) and miss almost no issue near the threshold.
   */
  coreBanding: Banding;
  seed: number;
  /** A ticket joins an issue when the estimated Jaccard similarity of its features and the issue's core reaches this. */
  threshold: number;
  /** Two issues whose cores are at least this similar are one issue. */
  mergeThreshold: number;
  /** A feature is in an issue's core when at least this share of its tickets has it… */
  coreShare: number;
  /** …and among the `coreSize` most frequent of them. */
  coreSize: number;
  /** Feature counts kept per issue (the most frequent): a bound on the stored profile of a huge issue. */
  profileFeatures: number;
  /** Most refinement passes of the full grouping after its first leader pass… */
  passes: number;
  /** …which stops after a pass that moved fewer than this share of the tickets (it has settled). */
  settledShare: number;
  /**
   * A term that more than this share of a batch's tickets have is not a feature: it tells no problem from another
   * (a brand every complaint names, "Comcast" in 56 % of the Comcast titles). A ticket left without features gets no issue.
   */
  maxTermShare: number;
  /**
   * How many words a code (a feature with a digit: an error code, a model, a version) weighs in the similarity
   * (minhash.ts). Optional so that a state stored before it existed reads as 1 (codes weigh as words).
   */
  codeWeight?: number;
  /** After the passes, groups whose TF-IDF profiles are alike are joined (profile-merge.ts); null: not done. */
  profileMerge: ProfileMergeOptions | null;
}

export const defaultGroupingOptions: GroupingOptions = {
  features: 'terms',
  hashes: 64,
  // 32 bands of 2: sets with Jaccard 0.3 meet in a bucket with probability 0.95, with 0.15 in 0.52, with 0.05 in 0.08.
  // Threshold, merge threshold and passes were tuned on the synthetic corpus (NMI 0.99; 0.91 with weaker problem terms).
  banding: { bands: 32, rows: 2 },
  // 64 bands of 1: an issue whose core has Jaccard 0.15 with a ticket is a candidate with probability 1 − 0.85^64 ≈ 1.
  coreBanding: { bands: 64, rows: 1 },
  seed: 0x5e1ec7,
  threshold: 0.15,
  mergeThreshold: 0.4,
  coreShare: 0.3,
  coreSize: 24,
  profileFeatures: 256,
  passes: 3,
  // On 100 k synthetic tickets the first pass moves 43 % of them, the second 0.3 %, the third 0.15 %.
  settledShare: 0.005,
  maxTermShare: 0.5,
  profileMerge: { threshold: 0.3, minShare: 0.1, shareExponent: 0.5, codeWeight: 8 },
  // Codes weigh 4 words in the signatures and 8 in the profile merge: measured on the demo (3,000 tickets, seeds 11 and
  // 7), 1/1 kept every Croatian and Russian problem in groups of its own language; 4/8 puts 89 % (hr) and 85 % (ru) of
  // them with their problem's English tickets and lifts NMI from 0.84 to 0.94; 8/8 splits English problems again.
  codeWeight: 4,
};

export interface IssueState {
  /** Given by the caller's next id when the issue was made; never changes. */
  id: number;
  /** Tickets assigned to it so far. */
  size: number;
  /** MinHash signature of its core features (k unsigned 32-bit values). */
  signature: number[];
  /** Its most frequent features with the number of its tickets having each, most frequent first. */
  featureCounts: [feature: string, tickets: number][];
  /**
   * Of those features, the number of its tickets having each in their subject (subject-counts.ts), for naming it. Not
   * the grouping's: absent on an issue the grouping has just made or grown, until its tickets' subjects are counted.
   */
  subjectCounts?: [feature: string, tickets: number][];
}

export interface CorpusStats {
  /** Tickets seen with at least one feature. */
  tickets: number;
  /** Tickets having each feature, by feature (sorted by feature). */
  documentFrequency: [feature: string, tickets: number][];
}

export interface GroupingState {
  options: GroupingOptions;
  issues: IssueState[];
  corpus: CorpusStats;
}

export function checkOptions(options: GroupingOptions): void {
  for (const { bands, rows } of [options.banding, options.coreBanding]) {
    if (bands * rows !== options.hashes) throw new RangeError(`grouping: bands × rows (${bands} × ${rows}) must equal hashes (${options.hashes})`);
  }
}
