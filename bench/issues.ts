// `npm run bench -- issues [--sizes 100k,1m] [--batch 10k] [--corpus demo|synthetic] [--problems 200] [--seed N]`:
// the recurring-problem grouping of pipelines/issues/ with its text step: a full grouping of each size, then the
// incremental assignment of a `--batch` load into it. Corpus 'demo' (the default): the demo generator's subjects and
// descriptions, analysed (text.ts) and grouped as a tickets load does it (worker thread and main thread); 'synthetic': already
// normalised terms (~15 a ticket), grouped on one thread, the grouping alone. Issue 12's targets: 1 m tickets grouped
// in under 2 minutes on 2 cores, a 10 k load assigned in under 5 s. Each size runs in a child process of its own
// (issues-child.ts), for its peak RSS.
import { ChildFailed, runChild, stopChildren, type ChildBase } from './child.ts';
import type { IssuesInput, IssuesResult } from './issues-child.ts';
import { parseSize } from './load.ts';
import { benchOptions, int, mib, table } from './print.ts';

const usage = 'usage: npm run bench -- issues [--sizes 100k,1m] [--batch 10k] [--corpus demo|synthetic] [--problems 200] [--seed N]';
const groupTarget = 120;
const assignTarget = 5;

function settings(argv: string[]) {
  return benchOptions(
    'issues',
    usage,
    argv,
    {
      sizes: { type: 'string', default: '100k,1m' },
      batch: { type: 'string', default: '10k' },
      corpus: { type: 'string', default: 'demo' },
      problems: { type: 'string', default: '200' },
      seed: { type: 'string', default: '20261206' },
    },
    (values) => {
      const problems = Number(values.problems);
      const seed = Number(values.seed);
      if (!Number.isInteger(problems) || problems < 1) throw new Error(`--problems must be a positive integer, got "${values.problems}"`);
      if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
      if (values.corpus !== 'demo' && values.corpus !== 'synthetic') throw new Error(`--corpus must be demo or synthetic, got "${values.corpus}"`);
      return { sizes: values.sizes.split(',').map(parseSize), batch: parseSize(values.batch), corpus: values.corpus as IssuesInput['corpus'], problems, seed };
    },
  );
}

const optional = (n: number | null, digits = 2) => (n === null ? '–' : n.toFixed(digits));
const percent = (share: number | null) => (share === null ? '–' : `${(100 * share).toFixed(1)} %`);

export async function main(argv: string[]): Promise<number> {
  const options = settings(argv);
  if (typeof options === 'number') return options;
  const { sizes, batch, corpus, problems, seed } = options;
  process.once('SIGINT', () => stopChildren());

  console.log(
    corpus === 'demo'
      ? `Issue grouping of demo ticket texts (subject + description, six languages), seed ${seed}: text analysis and grouping as a load does them (the first grouping's texts halved between its worker thread and this one, the batch all on the thread).`
      : `Issue grouping on synthetic tickets: ${problems} problems, ~15 terms a ticket, seed ${seed}; one core (the grouping alone is single-threaded).`,
  );
  const results: (IssuesResult & ChildBase)[] = [];
  for (const tickets of sizes) {
    try {
      const input: IssuesInput = { corpus, tickets, batch, problems, seed };
      results.push(await runChild<IssuesResult & ChildBase>(`group ${int(tickets)}`, 'bench/issues-child.ts', input));
    } catch (error) {
      if (error instanceof ChildFailed) console.error(`${error.message}\n${error.stderr}`);
      else console.error(error);
      return 1;
    }
  }
  console.log(
    table(
      ['tickets', 'group s', 'text s', 'grouping s', 'CPU s', 'tickets/s', 'issues', '≥ 10 tickets', 'NMI', 'purity', 'RSS before', 'peak RSS grouped', `assign ${int(batch)} s`, 'CPU s', 'into existing', 'unseen → new', 'peak RSS'],
      results.map((r) => [
        int(r.tickets),
        r.groupSeconds.toFixed(2),
        optional(r.analyseSeconds),
        optional(r.groupOnlySeconds),
        r.groupCpuSeconds.toFixed(2),
        int(r.tickets / r.groupSeconds),
        int(r.issues),
        int(r.largeIssues),
        r.nmi.toFixed(4),
        r.purity.toFixed(4),
        mib(r.baselineRssKiB),
        mib(r.groupRssKiB),
        r.assignSeconds.toFixed(2),
        r.assignCpuSeconds.toFixed(2),
        percent(r.batchIntoExisting),
        percent(r.unseenIntoNew),
        mib(r.maxRssKiB),
      ]),
    ),
  );
  console.log('group s: wall time of the whole first grouping; text s / grouping s: its text analysis (the main thread\'s half included) and the grouping proper, as the worker thread saw them.');
  console.log('RSS before: the child with its corpus made, before grouping (making it is not timed). CPU s: the process\'s user + system time for the step, all threads.');
  if (corpus === 'demo') {
    console.log(`assign s: the batch's analysis and assignment on one thread started with it (its start-up, about a second, included).`);
    // Repeated texts are signed and placed once (pipelines/issues/batch.ts): how many there are says how much that flatters.
    console.log(`Distinct texts (subject + description): ${results.map((r) => `${percent(r.distinctTexts)} of ${int(r.tickets)}`).join(', ')}.`);
  }
  const largest = results.at(-1)!;
  console.log(
    `${int(largest.tickets)} grouped in ${largest.groupSeconds.toFixed(1)} s: ${(largest.groupSeconds / groupTarget).toFixed(2)}× the ${groupTarget} s target; ` +
      `${int(batch)} assigned into them in ${largest.assignSeconds.toFixed(2)} s: ${(largest.assignSeconds / assignTarget).toFixed(2)}× the ${assignTarget} s target.`,
  );
  return 0;
}
