// Incremental assignment of a new load's tickets to the stored issues. A ticket joins the issue whose core signature
// it is most similar to (at or above the threshold); the tickets that fit none are grouped among themselves
// (group.ts), and a new group whose core is as alike an existing issue's as two issues that would be merged joins
// that issue instead. Existing issues keep their ids and only grow; new issues take ids from `nextId` up. Tickets
// assigned by earlier loads are not looked at again, so their issues cannot change.
import { signBatch } from './batch.ts';
import { ticketFeatures } from './features.ts';
import { groupTickets } from './group.ts';
import { issueBucketCap, LshIndex, minSharedBands } from './lsh.ts';
import { estimatedJaccard } from './minhash.ts';
import { addCounts, coreFeatures, sortedCounts } from './profile.ts';
import { cosine, profileVector } from './profile-merge.ts';
import { checkOptions, type CorpusStats, type GroupingState, type IssueState } from './state.ts';
import { termFrequencies, ubiquitousTerms, withoutTerms } from './ubiquitous.ts';

export interface AssignmentResult {
  /** Issue id of each new ticket, −1 for a ticket without features. */
  assignment: Int32Array;
  /** The state after this load: updated issues first (same order), then the new ones. */
  state: GroupingState;
  /** The next free issue id. */
  nextId: number;
  /** Each new ticket's signature (ticket i at i × hashes). */
  signatures: Uint32Array;
}

const NONE = -1;

export function assignTickets(state: GroupingState, terms: readonly (readonly string[])[], nextId: number): AssignmentResult {
  const { options } = state;
  checkOptions(options);
  const k = options.hashes;
  // A term most of the stored and new tickets have is not a feature, as in the full grouping (ubiquitous.ts). The
  // stored frequencies are of features, which are the terms themselves only in the 'terms' mode.
  const counted = termFrequencies(terms, options.features === 'terms' ? new Map(state.corpus.documentFrequency) : new Map());
  const drop = options.features === 'terms'
    ? ubiquitousTerms(counted.documentFrequency, state.corpus.tickets + counted.tickets, options.maxTermShare)
    : new Set<string>();
  const kept = withoutTerms(terms, drop);
  const batch = signBatch(kept, options);
  const existing = state.issues;
  const cores = new Uint32Array(existing.length * k);
  const index = new LshIndex(options.coreBanding, issueBucketCap);
  existing.forEach((issue, i) => cores.set(issue.signature, i * k));
  // Largest first: should a bucket fill up (a word in thousands of issues' cores), it keeps the big issues.
  const bySize = [...existing.keys()].sort((a, b) => existing[b]!.size - existing[a]!.size || a - b);
  for (const i of bySize) index.add(i, cores, i * k);
  const nearestIssue = (signatures: Uint32Array, offset: number, threshold: number, candidates: number[]): number => {
    let best = NONE;
    let bestSimilarity = threshold;
    for (const i of index.candidates(signatures, offset, candidates, minSharedBands(threshold, options.coreBanding))) {
      const similarity = estimatedJaccard(signatures, offset, cores, i * k, k);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && (best === NONE || i < best))) {
        best = i;
        bestSimilarity = similarity;
      }
    }
    return best;
  };

  const assignment = new Int32Array(terms.length).fill(NONE);
  const joined = new Map<number, { size: number; counts: Map<string, number> }>();
  const join = (i: number, size: number, counts: Iterable<readonly [string, number]>) => {
    let grown = joined.get(i);
    if (grown === undefined) {
      grown = { size: existing[i]!.size, counts: new Map(existing[i]!.featureCounts) };
      joined.set(i, grown);
    }
    grown.size += size;
    for (const [feature, count] of counts) grown.counts.set(feature, (grown.counts.get(feature) ?? 0) + count);
  };

  const candidates: number[] = [];
  const leftovers: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    const features = batch.features[t]!;
    if (features.length === 0) continue;
    const i = nearestIssue(batch.signatures, t * k, options.threshold, candidates);
    if (i === NONE) {
      leftovers.push(t);
      continue;
    }
    assignment[t] = existing[i]!.id;
    join(i, 1, features.map((f) => [f, 1] as const));
  }

  // The rest form issues among themselves; one alike an existing issue is folded into it: its core is as alike as
  // two issues' that would be merged, or its TF-IDF profile is as alike as the full grouping's profile merge asks
  // (profile-merge.ts: the Croatian wording of a problem whose stored issue is mostly English, tied by its codes).
  const fresh = groupTickets(leftovers.map((t) => kept[t]!), 0, options);
  const nearestProfile = profileFolder(state, batch.features, options);
  const freshIssue = new Int32Array(fresh.state.issues.length).fill(NONE);
  const added: IssueState[] = [];
  const freshSignature = new Uint32Array(k);
  fresh.state.issues.forEach((issue, j) => {
    freshSignature.set(issue.signature);
    let i = nearestIssue(freshSignature, 0, options.mergeThreshold, candidates);
    if (i === NONE) i = nearestProfile(issue);
    if (i !== NONE) {
      freshIssue[j] = existing[i]!.id;
      join(i, issue.size, issue.featureCounts);
    } else {
      freshIssue[j] = nextId + added.length;
      added.push({ ...issue, id: freshIssue[j]! });
    }
  });
  leftovers.forEach((t, position) => {
    assignment[t] = freshIssue[fresh.assignment[position]!]!;
  });

  const issues = existing.map((issue, i): IssueState => {
    const grown = joined.get(i);
    if (grown === undefined) return issue;
    const featureCounts = sortedCounts(grown.counts, options.profileFeatures);
    const signature = [...batch.hasher.sign(coreFeatures(featureCounts, grown.size, options))];
    return { id: issue.id, size: grown.size, signature, featureCounts };
  });
  issues.push(...added);
  return {
    assignment,
    state: { options, issues, corpus: addDocumentFrequencies(state.corpus, kept === terms ? batch.features : terms.map((t) => ticketFeatures(t, options.features))) },
    nextId: nextId + added.length,
    signatures: batch.signatures,
  };
}

/**
 * The existing issue (its index) whose profile a new group's is most alike, at or above the profile merge's
 * threshold; NONE when there is none or no profile merge. Vectors of the existing issues are made on first use.
 */
function profileFolder(state: GroupingState, features: readonly string[][], options: GroupingState['options']): (issue: IssueState) => number {
  const merge = options.profileMerge;
  if (!merge) return () => NONE;
  let index: { vectors: Map<string, number>[]; withFeature: Map<string, number[]>; df: (f: string) => number; tickets: number } | null = null;
  const build = () => {
    const df = new Map(state.corpus.documentFrequency);
    let tickets = state.corpus.tickets;
    for (const f of features) {
      if (f.length === 0) continue;
      tickets++;
      addCounts(df, f);
    }
    const frequency = (f: string) => df.get(f) ?? 1;
    const vectors = state.issues.map((issue) => profileVector(issue.featureCounts, issue.size, frequency, tickets, merge));
    const withFeature = new Map<string, number[]>();
    vectors.forEach((v, i) => {
      for (const f of v.keys()) {
        let list = withFeature.get(f);
        if (!list) withFeature.set(f, (list = []));
        list.push(i);
      }
    });
    return { vectors, withFeature, df: frequency, tickets };
  };
  return (issue) => {
    index ??= build();
    const v = profileVector(issue.featureCounts, issue.size, index.df, index.tickets, merge);
    const seen = new Set<number>();
    let best = NONE;
    let bestCosine = merge.threshold;
    for (const f of v.keys()) {
      for (const i of index.withFeature.get(f) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const c = cosine(v, index.vectors[i]!);
        if (c > bestCosine || (c === bestCosine && best !== NONE && i < best)) {
          best = i;
          bestCosine = c;
        }
      }
    }
    return best;
  };
}

function addDocumentFrequencies(corpus: CorpusStats, features: readonly string[][]): CorpusStats {
  const counts = new Map(corpus.documentFrequency);
  let tickets = corpus.tickets;
  for (const f of features) {
    if (f.length === 0) continue;
    tickets++;
    addCounts(counts, f);
  }
  const documentFrequency = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { tickets, documentFrequency };
}
