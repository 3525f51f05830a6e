// The first full grouping of a corpus (and of a new load's tickets that fit no existing issue). No pair of tickets
// is compared unless LSH puts them in a common bucket, and a ticket is compared with a group's representative, never
// joined through a chain of neighbours:
//  1. leader pass: in input order, a ticket joins the most similar leader (a ticket that started a group) at or above
//     the threshold, else starts a group itself;
//  2. each refinement pass (at most `passes`, until one moves fewer than `settledShare` of the tickets): every
//     group's core (profile.ts) gets a signature; groups whose cores are alike are merged, the larger absorbing the
//     smaller; every ticket then moves to the group whose core it is most similar to, and the tickets that fit none
//     go through a leader pass of their own;
//  3. groups whose TF-IDF profiles are alike are joined (profile-merge.ts: one problem in other words);
//  4. groups get ids from `firstId` in the order of their first ticket.
// Terms that more than `maxTermShare` of a large batch's tickets have (a brand) are not features (ubiquitous.ts).
// Everything is in input order with ties to the lower number, so the same tickets and seed give the same issues.
import { signBatch, type SignedBatch } from './batch.ts';
import { ticketFeatures } from './features.ts';
import { issueBucketCap, LshIndex, minSharedBands } from './lsh.ts';
import { estimatedJaccard } from './minhash.ts';
import { mergeAlikeProfiles } from './profile-merge.ts';
import { addCounts, coreFeatures, sortedCounts } from './profile.ts';
import { checkOptions, defaultGroupingOptions, type GroupingOptions, type GroupingState, type IssueState } from './state.ts';
import { withoutUbiquitousTerms } from './ubiquitous.ts';

export interface GroupingResult {
  /** Issue id of each ticket, −1 for a ticket without features. */
  assignment: Int32Array;
  /** The issues made (ids from `firstId` up) and this batch's document frequencies, ready to store. */
  state: GroupingState;
  /** The next free issue id. */
  nextId: number;
  /** Each ticket's signature (ticket i at i × hashes), for picking representative tickets. */
  signatures: Uint32Array;
}

const NONE = -1;

export function groupTickets(
  terms: readonly (readonly string[])[],
  firstId: number,
  options: GroupingOptions = defaultGroupingOptions,
): GroupingResult {
  checkOptions(options);
  const kept = withoutUbiquitousTerms(terms, options.maxTermShare);
  const batch = signBatch(kept, options);
  // The stored document frequencies count every term, dropped or not, so that a new load can tell what is ubiquitous.
  const corpusFeatures = kept === terms ? batch.features : terms.map((t) => ticketFeatures(t, options.features));
  const group = new Int32Array(terms.length).fill(NONE);
  const all: number[] = [];
  for (let t = 0; t < terms.length; t++) if (batch.features[t]!.length > 0) all.push(t);
  let groups = leaderPass(batch, all, group, 0, options);
  for (let pass = 0; pass < options.passes; pass++) {
    const before = group.slice();
    groups = refine(batch, group, groups, options);
    let moved = 0;
    for (let t = 0; t < group.length; t++) if (group[t] !== before[t]) moved++;
    if (moved < options.settledShare * all.length) break;
  }
  if (options.profileMerge) mergeAlikeProfiles(batch.features, group, groups, options.profileMerge);
  return finish(batch, corpusFeatures, group, groups, firstId, options);
}

/** Groups `tickets` by leaders, numbering new groups from `firstGroup`; returns the next free group number. */
function leaderPass(batch: SignedBatch, tickets: readonly number[], group: Int32Array, firstGroup: number, options: GroupingOptions): number {
  const k = options.hashes;
  const sig = batch.signatures;
  const index = new LshIndex(options.banding);
  const leaders: number[] = [];
  const candidates: number[] = [];
  for (const t of tickets) {
    let best = NONE;
    let bestSimilarity = options.threshold;
    for (const leader of index.candidates(sig, t * k, candidates)) {
      const similarity = estimatedJaccard(sig, t * k, sig, leaders[leader]! * k, k);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && (best === NONE || leader < best))) {
        best = leader;
        bestSimilarity = similarity;
      }
    }
    if (best === NONE) {
      best = leaders.length;
      leaders.push(t);
      index.add(best, sig, t * k);
    }
    group[t] = firstGroup + best;
  }
  return firstGroup + leaders.length;
}

interface Profiles {
  sizes: Int32Array;
  counts: Map<string, number>[];
}

function profiles(batch: SignedBatch, group: Int32Array, groups: number): Profiles {
  const sizes = new Int32Array(groups);
  const counts = Array.from({ length: groups }, () => new Map<string, number>());
  // A ticket with the same features as an earlier one in its group (batch.ts) adds what that one adds: the features
  // are counted once, times the number of such tickets.
  const times = new Int32Array(group.length);
  const sameAs = batch.sameAs;
  for (let t = 0; t < group.length; t++) {
    const g = group[t]!;
    if (g === NONE) continue;
    sizes[g]!++;
    const first = sameAs[t]!;
    times[group[first] === g ? first : t]!++;
  }
  for (let t = 0; t < group.length; t++) if (times[t]! > 0) addCounts(counts[group[t]!]!, batch.features[t]!, times[t]!);
  return { sizes, counts };
}

/** One refinement pass (step 2 above); returns the next free group number. */
function refine(batch: SignedBatch, group: Int32Array, groups: number, options: GroupingOptions): number {
  const k = options.hashes;
  const { sizes, counts } = profiles(batch, group, groups);
  const cores = new Uint32Array(groups * k);
  for (let g = 0; g < groups; g++) {
    if (sizes[g] === 0) continue;
    batch.hasher.signInto(coreFeatures(sortedCounts(counts[g]!, options.coreSize), sizes[g]!, options), cores, g * k);
  }
  // Merge alike groups, largest first: a group joins the most similar kept group, compared core to core.
  const order = [...sizes.keys()].filter((g) => sizes[g]! > 0).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const kept = new LshIndex(options.coreBanding, issueBucketCap);
  const candidates: number[] = [];
  for (const g of order) {
    let best = NONE;
    let bestSimilarity = options.mergeThreshold;
    for (const other of kept.candidates(cores, g * k, candidates, minSharedBands(options.mergeThreshold, options.coreBanding))) {
      const similarity = estimatedJaccard(cores, g * k, cores, other * k, k);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && (best === NONE || other < best))) {
        best = other;
        bestSimilarity = similarity;
      }
    }
    if (best === NONE) kept.add(g, cores, g * k);
  }
  // Every ticket to the kept core it is most similar to.
  const sig = batch.signatures;
  const leftovers: number[] = [];
  const minShared = minSharedBands(options.threshold, options.coreBanding);
  // A ticket signed like an earlier one (batch.ts) goes where that one went: the choice depends on the signature only.
  const choice = new Int32Array(group.length);
  const sameAs = batch.sameAs;
  for (let t = 0; t < group.length; t++) {
    if (group[t] === NONE) continue;
    const first = sameAs[t]!;
    if (first !== t) {
      const chosen = choice[first]!;
      if (chosen === NONE) leftovers.push(t);
      else group[t] = chosen;
      continue;
    }
    let best = NONE;
    let bestSimilarity = options.threshold;
    for (const g of kept.candidates(sig, t * k, candidates, minShared)) {
      const similarity = estimatedJaccard(sig, t * k, cores, g * k, k);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && (best === NONE || g < best))) {
        best = g;
        bestSimilarity = similarity;
      }
    }
    choice[t] = best;
    if (best === NONE) leftovers.push(t);
    else group[t] = best;
  }
  return leaderPass(batch, leftovers, group, groups, options);
}

/** Numbers the non-empty groups from `firstId` in order of their first ticket and builds their states. */
function finish(batch: SignedBatch, corpusFeatures: readonly string[][], group: Int32Array, groups: number, firstId: number, options: GroupingOptions): GroupingResult {
  const { sizes, counts } = profiles(batch, group, groups);
  const idOf = new Int32Array(groups).fill(NONE);
  const issues: IssueState[] = [];
  const assignment = new Int32Array(group.length).fill(NONE);
  const documentFrequency = new Map<string, number>();
  let tickets = 0;
  for (let t = 0; t < group.length; t++) {
    if (corpusFeatures[t]!.length > 0) {
      tickets++;
      addCounts(documentFrequency, corpusFeatures[t]!);
    }
    const g = group[t]!;
    if (g === NONE) continue;
    if (idOf[g] === NONE) {
      idOf[g] = firstId + issues.length;
      const featureCounts = sortedCounts(counts[g]!, options.profileFeatures);
      const signature = [...batch.hasher.sign(coreFeatures(featureCounts, sizes[g]!, options))];
      issues.push({ id: idOf[g]!, size: sizes[g]!, signature, featureCounts });
    }
    assignment[t] = idOf[g]!;
  }
  const df = [...documentFrequency.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    assignment,
    state: { options, issues, corpus: { tickets, documentFrequency: df } },
    nextId: firstId + issues.length,
    signatures: batch.signatures,
  };
}
