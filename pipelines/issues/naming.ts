// What an issue is called and which tickets show it. Its name is its most characteristic features: the share of its
// tickets having a feature times the feature's inverse document frequency over the whole corpus,
// tf·idf = (count ÷ size) · ln(corpus tickets ÷ tickets having it), so that a word every problem uses ("account")
// does not name one. A ticket having the feature in its subject counts 1 + `subjectWeight` times (subject-counts.ts):
// a subject says the problem in few words, where a description's words tied with it are often filler ("just",
// "trying", "goes"). Its representative tickets are those whose signatures are closest to the issue's.
import { estimatedJaccard } from './minhash.ts';
import type { CorpusStats, GroupingState, IssueState } from './state.ts';

/** Terms an issue is called by; more are kept (`keptTermCount`) for the issue's page to list as its top terms. */
export const nameTermCount = 3;
export const keptTermCount = 10;

/**
 * How many times more a ticket counts when the feature is in its subject. On the demo (3,000 tickets, seed 11,
 * naming-demo.test.ts) 28 of 32 problems' largest issues are then led by a word of their subjects (12 with none), and
 * all 32 names hold one (30). A code quoted after the subject counts as the subject's too.
 */
export const subjectWeight = 2;

export function issueName(issue: IssueState, documentFrequency: ReadonlyMap<string, number>, corpusTickets: number, count = nameTermCount): string[] {
  const inSubjects = new Map(issue.subjectCounts ?? []);
  const scored = issue.featureCounts.map(([feature, tickets]) => {
    const df = documentFrequency.get(feature) ?? tickets;
    const weighted = tickets + subjectWeight * (inSubjects.get(feature) ?? 0);
    return { feature, score: (weighted / issue.size) * Math.log(Math.max(corpusTickets, df) / df) };
  });
  scored.sort((a, b) => b.score - a.score || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  return scored.slice(0, count).map((s) => s.feature);
}

/** Names of every issue of a state, by issue id. */
export function issueNames(state: GroupingState, count = nameTermCount): Map<number, string[]> {
  const df = documentFrequencies(state.corpus);
  return new Map(state.issues.map((issue) => [issue.id, issueName(issue, df, state.corpus.tickets, count)]));
}

export function documentFrequencies(corpus: CorpusStats): Map<string, number> {
  return new Map(corpus.documentFrequency);
}

/**
 * For each issue given tickets in this batch, the `count` tickets (batch positions) most similar to its signature,
 * most similar first, ties to the earlier ticket.
 */
export function representativeTickets(
  state: GroupingState,
  assignment: Int32Array,
  signatures: Uint32Array,
  count = 3,
): Map<number, number[]> {
  const k = state.options.hashes;
  const signatureOf = new Map(state.issues.map((issue) => [issue.id, Uint32Array.from(issue.signature)]));
  const best = new Map<number, { ticket: number; similarity: number }[]>();
  for (let t = 0; t < assignment.length; t++) {
    const id = assignment[t]!;
    const signature = signatureOf.get(id);
    if (signature === undefined) continue;
    const similarity = estimatedJaccard(signatures, t * k, signature, 0, k);
    let top = best.get(id);
    if (top === undefined) best.set(id, (top = []));
    if (top.length === count && similarity <= top[count - 1]!.similarity) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.similarity < similarity) at--;
    top.splice(at, 0, { ticket: t, similarity });
    if (top.length > count) top.pop();
  }
  return new Map([...best].map(([id, top]) => [id, top.map((r) => r.ticket)]));
}
