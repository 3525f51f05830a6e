// One measurement of `npm run bench -- issues`, in a process of its own (see child.ts): a corpus of `tickets` tickets
// (not timed), its full grouping (timed), then the incremental assignment of a further `batch` tickets (timed).
// Corpus 'demo': the demo generator's ticket texts (issues-corpus.ts), analysed and grouped as a tickets load does it,
// beside a load's worker thread (pipelines/assign-issues.ts assignBesideThread: for the first grouping the thread and this
// one each analyse half the texts, and the thread groups them all; the batch all on the thread, started with it).
// Corpus 'synthetic': already
// normalised terms (pipelines/issues/synthetic.ts), grouped on this thread, with a batch holding 1 % of a problem the
// corpus never had.
import type { StoredGrouping } from '../sql/issues/store.ts';
import { assignTickets } from '../pipelines/issues/assign.ts';
import { assignBesideThread } from '../pipelines/assign-issues.ts';
import { AnalysisThreads } from '../pipelines/issues/analysis-threads.ts';
import { groupTickets } from '../pipelines/issues/group.ts';
import { normalisedMutualInformation, purity } from '../pipelines/issues/quality.ts';
import { defaultGroupingOptions } from '../pipelines/issues/state.ts';
import { syntheticCorpus } from '../pipelines/issues/synthetic.ts';
import { childMain, peakRssKiB } from './child.ts';
import { demoTexts } from './issues-corpus.ts';

export interface IssuesInput {
  corpus: 'demo' | 'synthetic';
  tickets: number;
  batch: number;
  /** True problems of the synthetic corpus. */
  problems: number;
  seed: number;
}

export interface IssuesResult {
  tickets: number;
  /** Wall seconds of the text analysis and of the grouping proper, as the worker thread saw them (demo corpus). */
  analyseSeconds: number | null;
  groupOnlySeconds: number | null;
  groupSeconds: number;
  /** CPU time of the grouping (user + system, all threads): the wall time on a busy machine is more. */
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
  /** Share of the batch's unseen-problem tickets put into new issues (synthetic corpus only). */
  unseenIntoNew: number | null;
  baselineRssKiB: number;
  /**
   * Share of the corpus's tickets whose subject and description no earlier ticket has (demo corpus): the grouping
   * signs and places repeated feature lists once (pipelines/issues/batch.ts), so a corpus of repeats would flatter it.
   */
  distinctTexts: number | null;
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const emptyStore = (): StoredGrouping => ({
  state: { options: defaultGroupingOptions, issues: [], corpus: { tickets: 0, documentFrequency: [] } },
  nextId: 1, display: new Map(), names: new Map(), createdLoad: new Map(),
});

async function measureDemo(input: IssuesInput): Promise<IssuesResult> {
  const corpus = demoTexts(input.tickets, input.seed);
  // The batch: more tickets of the same demo, from rounds the corpus did not use.
  const batch = demoTexts(input.batch, input.seed + Math.ceil(input.tickets / 100_000) + 1);
  const baselineRssKiB = peakRssKiB();

  let since = performance.now();
  let cpu = process.cpuUsage();
  const grouped = await assignBesideThread(new AnalysisThreads().start(), emptyStore(), corpus.rows);
  const groupSeconds = seconds(since);
  const groupCpuSeconds = cpuSeconds(cpu);
  const groupRssKiB = peakRssKiB();
  if (!grouped?.changes) throw new Error('the analysis thread did not answer');
  const changes = grouped.changes;
  const assignment = Int32Array.from(changes.tickets, (t) => t.issueId ?? -1);

  // The grouped state as the database would hold it (sql/issues/store.ts readGroupingState).
  const stored: StoredGrouping = {
    state: { options: changes.options, issues: changes.issues.map((r) => r.issue), corpus: { tickets: changes.corpusTickets, documentFrequency: changes.documentFrequency } },
    nextId: changes.nextId,
    names: new Map(changes.issues.map((r) => [r.issue.id, r.names])),
    display: new Map(changes.issues.map((r) => [r.issue.id, r.display])),
    createdLoad: new Map(),
  };
  since = performance.now();
  cpu = process.cpuUsage();
  // One thread, started with the batch as a load of 10k tickets does (its start-up included).
  const assigned = await assignBesideThread(new AnalysisThreads().start(), stored, batch.rows);
  const assignSeconds = seconds(since);
  const assignCpuSeconds = cpuSeconds(cpu);
  if (!assigned?.changes) throw new Error('the analysis thread did not answer the batch');
  const intoExisting = assigned.changes.tickets.filter((t) => t.issueId !== null && t.issueId < stored.nextId).length;
  return {
    tickets: input.tickets,
    analyseSeconds: grouped.seconds.analyse + grouped.seconds.wait,
    groupOnlySeconds: grouped.seconds.group,
    groupSeconds,
    groupCpuSeconds,
    issues: changes.issues.length,
    largeIssues: changes.issues.filter((r) => r.issue.size >= 10).length,
    nmi: normalisedMutualInformation(assignment, corpus.truth),
    purity: purity(assignment, corpus.truth),
    groupRssKiB,
    assignSeconds,
    assignCpuSeconds,
    batchIntoExisting: intoExisting / batch.rows.length,
    unseenIntoNew: null,
    baselineRssKiB,
    distinctTexts: new Set(corpus.rows.map((r) => `${r.subject}\n${r.description}`)).size / corpus.rows.length,
  };
}

async function measureSynthetic(input: IssuesInput): Promise<IssuesResult> {
  const corpus = syntheticCorpus({ tickets: input.tickets, problems: input.problems, seed: input.seed });
  const known = syntheticCorpus({ tickets: input.batch - Math.round(input.batch / 100), problems: input.problems, seed: input.seed + 1 });
  const unseen = syntheticCorpus({ tickets: Math.round(input.batch / 100), problems: 1, firstProblem: input.problems, seed: input.seed + 2 });
  const baselineRssKiB = peakRssKiB();

  let since = performance.now();
  let cpu = process.cpuUsage();
  const grouped = groupTickets(corpus.terms, 1);
  const groupSeconds = seconds(since);
  const groupCpuSeconds = cpuSeconds(cpu);
  const groupRssKiB = peakRssKiB();

  since = performance.now();
  cpu = process.cpuUsage();
  const assigned = assignTickets(grouped.state, [...known.terms, ...unseen.terms], grouped.nextId);
  const assignSeconds = seconds(since);
  const assignCpuSeconds = cpuSeconds(cpu);

  let intoExisting = 0;
  let intoNew = 0;
  assigned.assignment.forEach((id, t) => {
    if (t < known.terms.length && id > 0 && id < grouped.nextId) intoExisting++;
    if (t >= known.terms.length && id >= grouped.nextId) intoNew++;
  });
  return {
    tickets: input.tickets,
    analyseSeconds: null,
    groupOnlySeconds: null,
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
    baselineRssKiB,
    distinctTexts: null,
  };
}

await childMain((input: IssuesInput) => (input.corpus === 'demo' ? measureDemo(input) : measureSynthetic(input)));
