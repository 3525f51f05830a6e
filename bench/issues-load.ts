// `npm run bench -- issues-load [--first 100k] [--into 90k,1m] [--batch 10k] [--keep DIR] [--seed N]`: what the
// recurring-issue assignment (issue 12) costs a tickets load. Each load runs twice, with the assignment and without
// it (LoadRequest.issues = false), in a child process of its own on its own database file, and the two times are
// printed side by side with their ratio. Issue 12's target: a load with grouping no more than 1.3× the same load
// without it. Scenarios: a first load of `--first` demo tickets into an empty database; a `--batch` load into a
// database already holding each `--into` size (loaded with issues, not timed; one setup copied for both runs).
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, generateDemo } from '../pipelines/demo/generate.ts';
import { Database } from '../sql/db.ts';
import { ChildFailed, runChild, stopChildren, type ChildBase } from './child.ts';
import type { IssuesLoadInput, IssuesLoadResult } from './issues-load-child.ts';
import { parseSize } from './load.ts';
import { benchOptions, int, table } from './print.ts';

const usage = 'usage: npm run bench -- issues-load [--first 100k|0] [--into 90k,1m] [--batch 10k] [--keep DIR] [--seed N]';
const target = 1.3;
const child = 'bench/issues-load-child.ts';

type Result = IssuesLoadResult & ChildBase;

/** The demo's tickets export of `tickets` tickets, split in file order at each of `cuts` (kept under `--keep`). */
async function demoExports(tickets: number, seed: number, cuts: number[], dir: string): Promise<{ organisation: string; parts: string[] }> {
  await mkdir(dir, { recursive: true });
  const manifest = await generateDemo({ tickets, seed, outDir: dir });
  const db = await Database.open(':memory:');
  const parts: string[] = [];
  try {
    const bounds = [0, ...cuts, tickets];
    for (let i = 1; i < bounds.length; i++) {
      const part = join(dir, `tickets-${bounds[i - 1]}-${bounds[i]}.csv`);
      await db.write((tx) =>
        tx.run(
          `COPY (SELECT * EXCLUDE (n) FROM (SELECT *, row_number() OVER () AS n FROM read_csv($file, header = true, all_varchar = true))
                  WHERE n > $from AND n <= $to ORDER BY n) TO '${part.replaceAll("'", "''")}' (HEADER)`,
          { file: manifest.files.tickets, from: bounds[i - 1]!, to: bounds[i]! },
        ),
      );
      parts.push(part);
    }
  } finally {
    await db.close();
  }
  return { organisation: manifest.files.organisation, parts };
}

async function pair(label: string, scratch: string, input: (issues: boolean) => IssuesLoadInput, setupDb?: string): Promise<[Result, Result]> {
  const out: Result[] = [];
  // Without first, then with: should the machine get busier or quieter during a run, the order is stated.
  for (const issues of [false, true]) {
    const run = input(issues);
    if (setupDb) await copyFile(setupDb, run.db);
    process.stdout.write(`  ${`${label}, ${issues ? 'with' : 'without'} issues`.padEnd(48, '.')} `);
    const result = await runChild<Result>(label, child, run);
    console.log(`${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s)`);
    out.push(result);
    await rm(run.db, { force: true });
    await rm(`${run.db}.wal`, { force: true });
  }
  return [out[0]!, out[1]!];
}

export async function main(argv: string[]): Promise<number> {
  const options = benchOptions(
    'issues-load',
    usage,
    argv,
    {
      first: { type: 'string', default: '100k' },
      into: { type: 'string', default: '90k' },
      batch: { type: 'string', default: '10k' },
      keep: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
    },
    (values) => {
      const seed = Number(values.seed);
      if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
      return {
        first: values.first === '0' || values.first === '' ? 0 : parseSize(values.first),
        into: values.into === '' ? [] : values.into.split(',').map(parseSize),
        batch: parseSize(values.batch),
        keep: values.keep,
        seed,
      };
    },
  );
  if (typeof options === 'number') return options;
  const { first, into, batch, keep, seed } = options;
  process.once('SIGINT', () => stopChildren());
  const scratch = await mkdtemp(join(tmpdir(), 'servicepulse-bench-issues-'));
  const dataDir = (tickets: number) => (keep ? resolve(keep, `issues-load-${tickets}-seed${seed}`) : join(scratch, `demo-${tickets}`));
  const rows: string[][] = [];
  const row = (scenario: string, [without, withIssues]: [Result, Result]) =>
    rows.push([
      scenario,
      int(withIssues.inserted),
      without.seconds.toFixed(2),
      withIssues.seconds.toFixed(2),
      `${(withIssues.seconds / without.seconds).toFixed(2)}×`,
      without.cpuSeconds.toFixed(2),
      withIssues.cpuSeconds.toFixed(2),
      `${(withIssues.cpuSeconds / without.cpuSeconds).toFixed(2)}×`,
      int(withIssues.assigned),
    ]);
  try {
    console.log(`Tickets loads with and without the issue assignment; demo seed ${seed}; ${availableParallelism()} cores.`);
    if (first > 0) {
      const { organisation, parts } = await demoExports(first, seed, [], dataDir(first));
      const db = join(scratch, 'first.duckdb');
      row(`first load of ${int(first)}`, await pair(`first ${int(first)}`, scratch, (issues) => ({ db, organisation, setup: [], file: parts[0]!, issues })));
    }
    for (const size of into) {
      const { organisation, parts } = await demoExports(size + batch, seed, [size], dataDir(size + batch));
      const setupDb = join(scratch, `setup-${size}.duckdb`);
      process.stdout.write(`  ${`setup: ${int(size)} tickets with issues (not timed)`.padEnd(48, '.')} `);
      await runChild<Result>(`setup ${int(size)}`, child, { db: setupDb, organisation, setup: [parts[0]!], issues: true } satisfies IssuesLoadInput);
      console.log('done');
      const db = join(scratch, `into-${size}.duckdb`);
      row(`${int(batch)} into ${int(size)}`, await pair(`${int(batch)} into ${int(size)}`, scratch, (issues) => ({ db, setup: [], file: parts[1]!, issues }), setupDb));
      await rm(setupDb, { force: true });
    }
  } catch (error) {
    if (error instanceof ChildFailed) console.error(`${error.message}\n${error.stderr}`);
    else console.error(error);
    return 1;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  console.log(table(['load', 'tickets', 'without s', 'with s', 'ratio', 'CPU without', 'CPU with', 'CPU ratio', 'assigned'], rows));
  console.log(`Target: with ≤ ${target}× without (wall time). CPU: this process's user + system time (DuckDB's threads included).`);
  return 0;
}
