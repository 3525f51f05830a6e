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
  /** CPU time of the grouping (user + system): the wall time on a busy machine is more. */
  groupCpuSeconds: number;
  issues: number;
  /** Issues of at least 10 tickets. */
  largeIssues: number;
  nmi: number;
  purity: number;
  /** Peak RSS once the grouping is done. */
  groupRssKiB: number;
  assignSeconds: number;
  assignCpuSeconds: number;
  /** Share of the batch's known-problem tickets put into an existing issue. */
  batchIntoExisting: number;
  /** Share of the batch's unseen-problem tickets put into new issues. */
  unseenIntoNew: number;
  batchNmi: number;
  baselineRssKiB: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function measure(input: IssuesInput): Promise<IssuesResult> {
  let since = performance.now();
  const corpus = syntheticCorpus({ tickets: input.tickets, problems: input.problems, seed: input.seed });
  const known = syntheticCorpus({ tickets: input.batch - Math.round(input.batch / 100), problems: input.problems, seed: input.seed + 1 });
  const unseen = syntheticCorpus({ tickets: Math.round(input.batch / 100), problems: 1, firstProblem: input.problems, seed: input.seed + 2 });
  const generateSeconds = seconds(since);
  const baselineRssKiB = peakRssKiB();

  since = performance.now();
  let cpu = process.cpuUsage();
  const grouped = groupTickets(corpus.terms, 1);
  const groupSeconds = seconds(since);
  const groupCpuSeconds = cpuSeconds(cpu);
  const groupRssKiB = peakRssKiB();

  const batch = [...known.terms, ...unseen.terms];
  since = performance.now();
  cpu = process.cpuUsage();
  const assigned = assignTickets(grouped.state, batch, grouped.nextId);
  const assignSeconds = seconds(since);
  const assignCpuSeconds = cpuSeconds(cpu);

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
    groupCpuSeconds,
    issues: grouped.state.issues.length,
    largeIssues: grouped.state.issues.filter((i) => i.size >= 10).length,
    nmi: normalisedMutualInformation(grouped.assignment, corpus.truth),
    purity: purity(grouped.assignment, corpus.truth),
    groupRssKiB,
    assignSeconds,
    assignCpuSeconds,
    batchIntoExisting: intoExisting / known.terms.length,
    unseenIntoNew: intoNew / unseen.terms.length,
    batchNmi: normalisedMutualInformation(assigned.assignment, Int32Array.from([...known.truth, ...unseen.truth])),
    baselineRssKiB,
  };
}

await childMain(measure);
