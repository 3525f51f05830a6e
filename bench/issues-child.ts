// One measurement of `npm run bench -- issues`, in a process of its own (see child.ts): a synthetic corpus of
// `tickets` tickets (not timed), its full grouping (timed), then the incremental assignment of a further `batch`
// tickets (timed): the same problems plus one the corpus never had.
import { assignTickets } from '../pipelines/issues/assign.ts';
import { groupTickets } from '../pipelines/issues/group.ts';
import { normalisedMutualInformation, purity } from '../pipelines/issues/quality.ts';
import { syntheticCorpus } from '../pipelines/issues/synthetic.ts';
import { childMain, peakRssKiB } from './child.ts';

export interface IssuesInput {
  tickets: number;
  batch: number;
  problems: number;
  seed: number;
}

export interface IssuesResult {
  tickets: number;
  meanTerms: number;
  generateSeconds: number;
  groupSeconds: number;
  issues: number;
  /** Issues of at least 10 tickets. */
  largeIssues: number;
  nmi: number;
  purity: number;
  /** Peak RSS once the grouping is done. */
  groupRssKiB: number;
  assignSeconds: number;
  /** Share of the batch's known-problem tickets put into an existing issue. */
  batchIntoExisting: number;
  /** Share of the batch's unseen-problem tickets put into new issues. */
  unseenIntoNew: number;
  batchNmi: number;
  baselineRssKiB: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

async function measure(input: IssuesInput): Promise<IssuesResult> {
  let since = performance.now();
  const corpus = syntheticCorpus({ tickets: input.tickets, problems: input.problems, seed: input.seed });
  const known = syntheticCorpus({ tickets: input.batch - Math.round(input.batch / 100), problems: input.problems, seed: input.seed + 1 });
  const unseen = syntheticCorpus({ tickets: Math.round(input.batch / 100), problems: 1, firstProblem: input.problems, seed: input.seed + 2 });
  const generateSeconds = seconds(since);
  const baselineRssKiB = peakRssKiB();

  since = performance.now();
  const grouped = groupTickets(corpus.terms, 1);
  const groupSeconds = seconds(since);
  const groupRssKiB = peakRssKiB();

  const batch = [...known.terms, ...unseen.terms];
  since = performance.now();
  const assigned = assignTickets(grouped.state, batch, grouped.nextId);
  const assignSeconds = seconds(since);

  let intoExisting = 0;
  let intoNew = 0;
  assigned.assignment.forEach((id, t) => {
    if (t < known.terms.length && id > 0 && id < grouped.nextId) intoExisting++;
    if (t >= known.terms.length && id >= grouped.nextId) intoNew++;
  });
  let terms = 0;
  for (const t of corpus.terms) terms += t.length;
  return {
    tickets: input.tickets,
    meanTerms: terms / input.tickets,
    generateSeconds,
    groupSeconds,
    issues: grouped.state.issues.length,
    largeIssues: grouped.state.issues.filter((i) => i.size >= 10).length,
    nmi: normalisedMutualInformation(grouped.assignment, corpus.truth),
    purity: purity(grouped.assignment, corpus.truth),
    groupRssKiB,
    assignSeconds,
    batchIntoExisting: intoExisting / known.terms.length,
    unseenIntoNew: intoNew / unseen.terms.length,
    batchNmi: normalisedMutualInformation(assigned.assignment, Int32Array.from([...known.truth, ...unseen.truth])),
    baselineRssKiB,
  };
}

await childMain(measure);
