// `npm run bench -- issues [--sizes 100k,1m] [--batch 10k] [--problems 200] [--seed N]`: the text grouping of
// pipelines/issues/ on synthetic ticket terms (~15 a ticket): a full grouping of each size, then the incremental
// assignment of a `--batch` load into it. Issue 12's targets: 1 m tickets grouped in under 2 minutes on 2 cores, a
// 10 k load assigned in under 5 s. Each size runs in a child process of its own (issues-child.ts), for its peak RSS.
import { parseArgs } from 'node:util';
import { ChildFailed, runChild, stopChildren, type ChildBase } from './child.ts';
import type { IssuesInput, IssuesResult } from './issues-child.ts';
import { parseSize } from './load.ts';

const usage = 'usage: npm run bench -- issues [--sizes 100k,1m] [--batch 10k] [--problems 200] [--seed N]';
const groupTarget = 120;
const assignTarget = 5;

const int = (n: number) => Math.round(n).toLocaleString('en');
const mib = (kib: number) => `${int(kib / 1024)} MiB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '100k,1m' },
        batch: { type: 'string', default: '10k' },
        problems: { type: 'string', default: '200' },
        seed: { type: 'string', default: '20261206' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`bench issues: ${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  let sizes: number[], batch: number;
  try {
    sizes = values.sizes.split(',').map(parseSize);
    batch = parseSize(values.batch);
  } catch (error) {
    console.error(`bench issues: ${(error as Error).message}\n${usage}`);
    return 1;
  }
  const problems = Number(values.problems);
  const seed = Number(values.seed);
  if (!Number.isInteger(problems) || problems < 1 || !Number.isSafeInteger(seed)) {
    console.error(`bench issues: --problems must be a positive integer and --seed an integer\n${usage}`);
    return 1;
  }
  process.once('SIGINT', () => stopChildren());

  console.log(`Issue grouping on synthetic tickets: ${problems} problems, ~15 terms a ticket, seed ${seed}; one core (the grouping is single-threaded).`);
  const results: (IssuesResult & ChildBase)[] = [];
  for (const tickets of sizes) {
    try {
      const input: IssuesInput = { tickets, batch, problems, seed };
      results.push(await runChild<IssuesResult & ChildBase>(`group ${int(tickets)}`, 'bench/issues-child.ts', input));
    } catch (error) {
      if (error instanceof ChildFailed) console.error(`${error.message}\n${error.stderr}`);
      else console.error(error);
      return 1;
    }
  }
  console.log(
    table(
      ['tickets', 'terms/ticket', 'group s', 'CPU s', 'tickets/s', 'issues', '≥ 10 tickets', 'NMI', 'purity', 'RSS before', 'peak RSS grouped', `assign ${int(batch)} s`, 'CPU s', 'into existing', 'unseen → new', 'peak RSS'],
      results.map((r) => [
        int(r.tickets),
        r.meanTerms.toFixed(1),
        r.groupSeconds.toFixed(2),
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
        `${(100 * r.batchIntoExisting).toFixed(1)} %`,
        `${(100 * r.unseenIntoNew).toFixed(1)} %`,
        mib(r.maxRssKiB),
      ]),
    ),
  );
  console.log('RSS before: the child with its synthetic corpus generated, before grouping (generation is not timed).');
  console.log('CPU s: the process\'s user + system time for the step; a wall time well above it means the machine was busy.');
  const largest = results.at(-1)!;
  console.log(
    `${int(largest.tickets)} grouped in ${largest.groupSeconds.toFixed(1)} s: ${(largest.groupSeconds / groupTarget).toFixed(2)}× the ${groupTarget} s target; ` +
      `${int(batch)} assigned into them in ${largest.assignSeconds.toFixed(2)} s: ${(largest.assignSeconds / assignTarget).toFixed(2)}× the ${assignTarget} s target.`,
  );
  return 0;
}
