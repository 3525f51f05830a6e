// `npm run bench -- load [--size 1m] [--keep DIR] [--seed N] [--memory-limit 8GiB]`: ServicePulse's load path against
// DuckDB's own read_csv into a table, file by file, in one run, with PostgreSQL's bare COPY as a reference. The
// targets (issue 14, bench/load-targets.ts): the ingest within 1.5× of the bare read, the complete load within 3×.
// Every measurement runs in a child process of its own (bench/load-child.ts) on a fresh database file.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, platform, arch, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDemo, type DemoManifest } from '../pipelines/demo/generate.ts';
import type { LoadKind } from '../pipelines/mapping/types.ts';
import { memoryLimitBytes, MemoryLimitError, memoryLimitVariable } from '../sql/memory-limit.ts';
import { ChildFailed, repoRoot, runChild, stopChildren, type ChildBase } from './child.ts';
import type { BareResult, ChildInput, DuckdbFacts, OursInput, OursResult, StepTimes } from './load-child.ts';
import { postgresCopies } from './load-postgres.ts';
import { runTeamsVariant } from './load-teams.ts';
import { pairedRoundsReport, targetReport, type PairedRound } from './load-targets.ts';

const usage = 'usage: npm run bench -- load [--size 1m|100k|10m|N] [--keep DIR] [--seed N] [--memory-limit 8GiB] [--teams N] [--skip-issue-assignment] [--rounds N]';
const childScript = 'bench/load-child.ts';
const statementsShown = 8;

class UsageError extends Error {}

/** `1m`, `100k`, `10m`, `2.5m`, `300000`, `300_000` → a whole number of tickets. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replaceAll('_', '').replaceAll(',', ''));
  if (!match) throw new UsageError(`--size must be a number of tickets such as 100k, 1m, 10m or 250000, got "${text}"`);
  const exact = Number(match[1]) * { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  const tickets = Math.round(exact);
  if (Math.abs(exact - tickets) > 1e-6 || tickets < 1 || !Number.isSafeInteger(tickets)) {
    throw new UsageError(`--size must come to a whole number of tickets of at least 1, got "${text}"`);
  }
  return tickets;
}

function parseTeams(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 2) throw new UsageError(`--teams must be a whole number of teams of at least 2, got "${text}"`);
  return Number(text);
}

interface Options {
  tickets: number;
  seed: number;
  keep?: string;
  /** SERVICEPULSE_MEMORY_LIMIT for the load children. */
  memoryLimit?: string;
  /** Instead of the comparison with the bare read: the same load into one team and into this many (load-teams.ts). */
  teams?: number;
  /**
   * Load the tickets file once, without the issue assignment (issue 12), instead of with it and again without: the
   * targets exclude that analysis, which would add half an hour to a 10 m run.
   */
  skipIssueAssignment: boolean;
  /** Rounds of the bare reads and the one load, back to back, whose ratios' median judges the one load (load-targets.ts). */
  rounds: number;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        size: { type: 'string', default: '1m' },
        keep: { type: 'string' },
        seed: { type: 'string' },
        'memory-limit': { type: 'string' },
        teams: { type: 'string' },
        'skip-issue-assignment': { type: 'boolean', default: false },
        rounds: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const seedText = values.seed ?? String(DEFAULT_SEED);
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) throw new UsageError(`--seed must be an integer, got "${seedText}"`);
  if (values.keep === '') throw new UsageError('--keep needs a folder');
  if (!/^\d+$/.test(values.rounds) || Number(values.rounds) < 1) throw new UsageError(`--rounds must be a whole number of at least 1, got "${values.rounds}"`);
  return { tickets: parseSize(values.size), seed: Number(seedText), keep: values.keep, memoryLimit: checkedMemoryLimit(values['memory-limit']), teams: parseTeams(values.teams),
    skipIssueAssignment: values['skip-issue-assignment'], rounds: Number(values.rounds) };
}

/** `--memory-limit`, checked as the load children will check it (sql/memory-limit.ts). */
function checkedMemoryLimit(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    memoryLimitBytes({ [memoryLimitVariable]: text });
  } catch (error) {
    if (error instanceof MemoryLimitError) throw new UsageError(`--memory-limit: ${error.message}`);
    throw error;
  }
  return text;
}

// ── formatting ────────────────────────────────────────────────────────────────────────────────────────────────

const int = (n: number) => Math.round(n).toLocaleString('en');
const secs = (s: number) => s.toFixed(s < 10 ? 3 : 2);
const mib = (kib: number) => `${int(kib / 1024)} MiB`;
const ratio = (ours: number, bare: number) => (bare > 0 ? `${(ours / bare).toFixed(2)}×` : 'n/a');
const bytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);

/** A plain text table: the first column left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ── the demo files ────────────────────────────────────────────────────────────────────────────────────────────

interface Generated {
  dir: string;
  manifest: DemoManifest;
  /** Seconds it took, or null when kept files were reused. */
  seconds: number | null;
}

const manifestName = 'bench-manifest.json';

/** Generates the files for this size and seed, or reuses them from `--keep DIR` when a complete set is there. */
async function demoFiles(options: Options, scratch: string): Promise<Generated> {
  const dir = options.keep ? resolve(options.keep, `demo-${options.tickets}-seed${options.seed}`) : join(scratch, 'demo');
  if (options.keep) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, manifestName), 'utf8')) as DemoManifest;
      await Promise.all(Object.values(manifest.files).map((file) => access(file)));
      return { dir, manifest, seconds: null };
    } catch {
      // Missing or incomplete (an interrupted generation writes no manifest): generate again.
    }
  }
  await mkdir(dir, { recursive: true });
  await rm(join(dir, manifestName), { force: true });
  const start = performance.now();
  const manifest = await generateDemo({ tickets: options.tickets, seed: options.seed, outDir: dir });
  const seconds = (performance.now() - start) / 1000;
  if (options.keep) await writeFile(join(dir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, seconds };
}

// ── the run ───────────────────────────────────────────────────────────────────────────────────────────────────

// The demo writes no messages export, so the benchmark measures the other kinds.
const kinds = ['tickets', 'events', 'feedback'] as const satisfies readonly LoadKind[];
type MeasuredKind = (typeof kinds)[number];

interface FileRun {
  kind: LoadKind;
  file: string;
  bytes: number;
  bare: BareResult & ChildBase;
  ours: OursResult & ChildBase;
}

async function measure<T extends ChildBase>(label: string, input: ChildInput, seconds: (result: T) => number): Promise<T> {
  process.stdout.write(`  ${label.padEnd(40, '.')} `);
  const result = await runChild<T>(label, childScript, input);
  console.log(`${secs(seconds(result))} s, peak RSS ${mib(result.maxRssKiB)}`);
  return result;
}

/** The bare read runs with DuckDB's defaults; ours with the settings `Database.open` makes (memory_limit). */
function machineFacts(duckdb: DuckdbFacts, ours: DuckdbFacts): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${platform()} ${arch()}`,
    `node ${process.version}; duckdb ${duckdb.version} (@duckdb/node-api ${nodeApiVersion}), threads ${duckdb.threads}, memory_limit ${duckdb.memoryLimit} (bare) / ${ours.memoryLimit} (ours)`,
    `date ${new Date().toISOString()}; ${codeState()}`,
  ].join('\n');
}

let nodeApiVersion = 'unknown';

/** Which code was measured: the commit, and whether the load path had uncommitted changes. */
function codeState(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'pipelines', 'sql').split('\n').filter(Boolean).length;
    return `code: ${head}${dirty ? ` + uncommitted changes in ${dirty} file${dirty > 1 ? 's' : ''} under pipelines/ and sql/` : ' (pipelines/ and sql/ as committed)'}`;
  } catch {
    return 'code: (not a git checkout)';
  }
}

/** The intervals between loadFile's call, its four onStep callbacks and its return. */
const stepLabels = [
  'call → read         (inspect, stage raw)',
  'read → validated    (map, rules, rejects)',
  'validated → merged  (dedupe, merge)',
  'merged → facts      (milestones, ticket_facts)',
  'facts → return      (counts, record, commit)',
];

/** Durations of the five intervals between the call, the four steps and the return. */
function intervals(steps: StepTimes): number[] {
  const marks = [0, steps.read, steps.validated, steps.merged, steps.facts, steps.done];
  const out: number[] = [];
  let previous = 0;
  for (let i = 1; i < marks.length; i++) {
    const mark = marks[i];
    if (mark === undefined) {
      out.push(Number.NaN);
      continue;
    }
    out.push(mark - previous);
    previous = mark;
  }
  return out;
}

/** Where the load children's memory limit comes from: `--memory-limit`, the environment, or the default. */
function memoryLimitSource(options: Options): string {
  if (options.memoryLimit !== undefined) return `--memory-limit ${options.memoryLimit}`;
  const set = process.env[memoryLimitVariable];
  return set ? `${memoryLimitVariable}=${set}` : `${memoryLimitVariable} unset: 60 % of the RAM`;
}

/** A measurement in a fresh database file of its own, removed afterwards (at 10 m the files hold gigabytes). */
async function measureOnOwnDatabase(label: string, path: string, input: Omit<OursInput, 'db'>): Promise<OursResult & ChildBase> {
  const result = await measure<OursResult & ChildBase>(label, { ...input, db: path }, (r) => r.seconds);
  removeDatabase(path);
  return result;
}

function removeDatabase(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

/**
 * The tickets file loaded again without the issue assignment (issue 12), into a fresh database of its own: the
 * ingest and facts of the target exclude that analysis, whose worker threads share the cores with DuckDB.
 */
const measureWithoutIssues = (files: DemoManifest['files'], scratch: string) =>
  measureOnOwnDatabase(`our load ${basename(files.tickets)} without issues`, join(scratch, 'ours-without-issues.duckdb'), {
    mode: 'ours', migrate: true, organisation: files.organisation, file: files.tickets, kind: 'tickets', issues: false,
  });

/** The three files as one load, as `npm run load -- folder/` loads them, into a fresh database of its own. */
function measureFolder(files: DemoManifest['files'], scratch: string, issues: boolean, round = ''): Promise<OursResult & ChildBase> {
  const [first, ...rest] = kinds;
  return measureOnOwnDatabase(`${round}our load of the 3 files as one load`, join(scratch, 'ours-folder.duckdb'), {
    mode: 'ours', migrate: true, organisation: files.organisation, file: files[first], kind: first, issues,
    together: rest.map((kind) => ({ file: files[kind], kind })),
  });
}

/** DuckDB's bare read of each file, each into a fresh database file of its own, removed afterwards. */
async function measureBareReads(files: DemoManifest['files'], scratch: string, round = ''): Promise<Record<MeasuredKind, BareResult & ChildBase>> {
  const results: Partial<Record<MeasuredKind, BareResult & ChildBase>> = {};
  for (const kind of kinds) {
    const file = files[kind];
    const bareDb = join(scratch, `bare-${kind}.duckdb`);
    results[kind] = await measure<BareResult & ChildBase>(`${round}bare read ${basename(file)}`, { mode: 'bare', db: bareDb, file }, (r) => r.seconds);
    // Not read again: at 10 m the three bare databases hold 4 GiB that our load's spill may need.
    removeDatabase(bareDb);
  }
  return results as Record<MeasuredKind, BareResult & ChildBase>;
}

/** The target lines, from this run's measurements (bench/load-targets.ts). */
function printTargets(
  options: Options, runs: FileRun[], withoutIssues: OursResult | null, folder: OursResult, postgres: Awaited<ReturnType<typeof postgresCopies>>,
): void {
  const peak = runs.reduce((top, r) => (r.ours.maxRssKiB > top.ours.maxRssKiB ? r : top));
  // Only the tickets file assigns issues: the other files' loads are the same either way.
  const others = runs.filter((r) => r.kind !== 'tickets');
  // Skipped, the runs' tickets load is the one without the issue assignment.
  const ticketsWithoutIssues = withoutIssues ?? runs[0]!.ours;
  console.log(`\n${targetReport({
    bareSeconds: runs.reduce((sum, r) => sum + r.bare.seconds, 0),
    completeSeconds: withoutIssues ? runs.reduce((sum, r) => sum + r.ours.seconds, 0) : null,
    folderSeconds: folder.seconds,
    folderIssueAssignment: !options.skipIssueAssignment,
    withoutIssuesSeconds: others.reduce((sum, r) => sum + r.ours.seconds, ticketsWithoutIssues.seconds),
    factsSeconds: others.reduce((sum, r) => sum + r.ours.factsSeconds, ticketsWithoutIssues.factsSeconds),
    postgres,
    checkpointSeconds: {
      bare: runs.reduce((sum, r) => sum + r.bare.checkpointSeconds, 0),
      ours: others.reduce((sum, r) => sum + r.ours.checkpointSeconds, ticketsWithoutIssues.checkpointSeconds),
      folder: folder.checkpointSeconds,
    },
    memoryLimit: runs[0]!.ours.duckdb.memoryLimit,
    memoryLimitSource: memoryLimitSource(options),
    peakRss: { kiB: peak.ours.maxRssKiB, file: basename(peak.file) },
  }, options.tickets)}`);
}

/** PostgreSQL's bare COPY of the same files, after our loads (its memory is not held while they run). */
async function measurePostgres(files: string[], scratch: string): Promise<Awaited<ReturnType<typeof postgresCopies>>> {
  process.stdout.write(`  ${'PostgreSQL bare COPY, unlogged and logged'.padEnd(40, '.')} `);
  const result = await postgresCopies(files, join(scratch, 'postgres'));
  console.log('skipped' in result ? `skipped: ${result.skipped}` : (['unlogged', 'logged'] as const)
    .map((mode) => `${mode} ${secs(result.seconds[mode].reduce((a, b) => a + b, 0))} s`).join(', '));
  return result;
}

async function run(options: Options): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'servicepulse-bench-'));
  // PostgreSQL's server runs as its own user (as `postgres` under root) and reads the files from here.
  await chmod(scratch, 0o755);
  // The load children inherit it (sql/memory-limit.ts); the bare reads keep DuckDB's defaults.
  if (options.memoryLimit !== undefined) process.env[memoryLimitVariable] = options.memoryLimit;
  const cleanUp = () => rm(scratch, { recursive: true, force: true });
  // Interrupted (Ctrl-C, kill, or `| head` closing the pipe): stop the running child, remove the temp folder.
  const abandon = (code: number) => {
    stopChildren();
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    process.exit(code);
  };
  const onSignal = () => abandon(130);
  const onStdoutError = (error: NodeJS.ErrnoException) => abandon(error.code === 'EPIPE' ? 0 : 1);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.stdout.on('error', onStdoutError);
  try {
    nodeApiVersion = await readFile(join(repoRoot, 'node_modules/@duckdb/node-api/package.json'), 'utf8')
      .then((text) => (JSON.parse(text) as { version: string }).version)
      .catch(() => 'unknown');
    console.log(`ServicePulse load benchmark: ${int(options.tickets)} tickets, seed ${options.seed}`);

    const generated = await demoFiles(options, scratch);
    const { files, counts } = generated.manifest;
    console.log(
      generated.seconds === null
        ? `demo files reused from ${generated.dir} (not generated this run)`
        : `demo files generated in ${generated.seconds.toFixed(1)} s (not part of the comparison)${options.keep ? ` into ${generated.dir}` : ''}`,
    );
    const sizes = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, (await stat(f)).size] as const)));
    for (const [key, file] of Object.entries(files)) {
      const rows = (counts as Record<string, number | undefined>)[key];
      console.log(`  ${basename(file).padEnd(18)} ${bytes(sizes[key]!).padStart(10)}${rows === undefined ? '' : `  ${int(rows).padStart(12)} rows`}`);
    }

    if (options.teams !== undefined) {
      await runTeamsVariant(generated.manifest, options.teams, scratch);
      return 0;
    }

    console.log('\nmeasuring (each in its own process; bare reads each into a fresh database file, ours into one fresh file):');
    const oursDb = join(scratch, 'ours.duckdb');
    const runs: FileRun[] = [];
    const bareResults = await measureBareReads(files, scratch);
    for (const kind of kinds) {
      const file = files[kind];
      const ours = await measure<OursResult & ChildBase>(
        `our load ${basename(file)}${kind === 'tickets' ? ' (+ organisation)' : ''}`,
        {
          mode: 'ours', db: oursDb, migrate: kind === 'tickets', organisation: kind === 'tickets' ? files.organisation : undefined, file, kind,
          ...(options.skipIssueAssignment ? { issues: false } : {}),
        },
        (r) => r.seconds,
      );
      runs.push({ kind, file, bytes: sizes[kind]!, bare: bareResults[kind]!, ours });
    }
    const reload = await measure<OursResult & ChildBase>(
      `reload ${basename(files.tickets)} (unchanged)`,
      { mode: 'ours', db: oursDb, migrate: false, file: files.tickets, kind: 'tickets' },
      (r) => r.seconds,
    );
    const withoutIssues = options.skipIssueAssignment ? null : await measureWithoutIssues(files, scratch);
    const folder = await measureFolder(files, scratch, !options.skipIssueAssignment);
    const postgres = await measurePostgres(runs.map((r) => r.file), scratch);
    const rounds: PairedRound[] = [{ bareSeconds: kinds.reduce((sum, kind) => sum + bareResults[kind].seconds, 0), folderSeconds: folder.seconds }];
    for (let round = 2; round <= options.rounds; round++) {
      const bare = await measureBareReads(files, scratch, `round ${round}: `);
      const again = await measureFolder(files, scratch, !options.skipIssueAssignment, `round ${round}: `);
      rounds.push({ bareSeconds: kinds.reduce((sum, kind) => sum + bare[kind].seconds, 0), folderSeconds: again.seconds });
    }

    // ── report ──
    console.log(`\n${machineFacts(runs[0]!.bare.duckdb, runs[0]!.ours.duckdb)}\n`);
    const bareTotal = runs.reduce((sum, r) => sum + r.bare.seconds, 0);
    const oursTotal = runs.reduce((sum, r) => sum + r.ours.seconds, 0);
    const rowsTotal = runs.reduce((sum, r) => sum + r.ours.rowsRead, 0);
    const header = ['file', 'size', 'rows', 'bare read s', 'our load s', 'ratio', 'our rows/s', 'peak RSS bare', 'peak RSS ours'];
    const body = runs.map((r) => [
      basename(r.file), bytes(r.bytes), int(r.ours.rowsRead), secs(r.bare.seconds), secs(r.ours.seconds), ratio(r.ours.seconds, r.bare.seconds),
      int(r.ours.rowsRead / r.ours.seconds), mib(r.bare.maxRssKiB), mib(r.ours.maxRssKiB),
    ]);
    body.push([
      'total', bytes(runs.reduce((s, r) => s + r.bytes, 0)), int(rowsTotal), secs(bareTotal), secs(oursTotal), ratio(oursTotal, bareTotal),
      int(rowsTotal / oursTotal), mib(Math.max(...runs.map((r) => r.bare.maxRssKiB))), mib(Math.max(...runs.map((r) => r.ours.maxRssKiB))),
    ]);
    body.push([
      `${basename(files.tickets)} reload`, bytes(sizes.tickets!), int(reload.rowsRead), secs(runs[0]!.bare.seconds), secs(reload.seconds),
      ratio(reload.seconds, runs[0]!.bare.seconds), int(reload.rowsRead / reload.seconds), '', mib(reload.maxRssKiB),
    ]);
    console.log(table(header, body));

    const notes: string[] = [];
    const orgSeconds = runs[0]!.ours.organisationSeconds;
    if (orgSeconds !== null) notes.push(`organisation.json loaded in ${secs(orgSeconds)} s before the tickets (not in the figures above)`);
    for (const r of runs) {
      const o = r.ours;
      notes.push(
        `${basename(r.file)}: ${int(o.inserted)} inserted, ${int(o.updated)} updated, ${int(o.unchanged)} unchanged, ${int(o.rejected)} rejected` +
          (r.bare.rows === o.rowsRead ? '' : ` (bare read counted ${int(r.bare.rows)} rows!)`) +
          (o.topRejects.length ? `; top reject: ${o.topRejects[0]!.count}× ${o.topRejects[0]!.reason}` : ''),
      );
    }
    notes.push(
      `reload: ${int(reload.inserted)} inserted, ${int(reload.updated)} updated, ${int(reload.unchanged)} unchanged, ${int(reload.rejected)} rejected` +
        (reload.inserted === 0 && reload.updated === 0 ? '' : ' (expected all unchanged!)'),
    );
    notes.push(
      `an idle child (node + tsx + DuckDB, database open) peaks at ${mib(Math.min(...runs.map((r) => r.bare.baselineRssKiB)))} (bare) / ` +
        `${mib(Math.min(...runs.map((r) => r.ours.baselineRssKiB)))} (ours) before any work`,
    );
    console.log(notes.map((n) => `  ${n}`).join('\n'));

    // ── where our time goes ──
    const columns = [...runs.map((r) => ({ name: r.kind, result: r.ours })), { name: 'reload', result: reload }];
    const perColumn = columns.map((c) => intervals(c.result.steps));
    const allFiles = stepLabels.map((_, i) => runs.reduce((sum, _r, j) => sum + (perColumn[j]![i] ?? 0), 0));
    const cell = (seconds: number, total: number) => (Number.isNaN(seconds) ? 'n/a' : `${secs(seconds)} ${`${Math.round((seconds / total) * 100)}%`.padStart(4)}`);
    const stepBody = stepLabels.map((label, i) => [
      label,
      ...columns.map((c, j) => cell(perColumn[j]![i]!, c.result.seconds)),
      cell(allFiles[i]!, oursTotal),
    ]);
    stepBody.push(['total', ...columns.map((c) => cell(c.result.seconds, c.result.seconds)), cell(oursTotal, oursTotal)]);
    stepBody.push([
      '  sha256 in JS alone (overlaps the staging)',
      ...columns.map((c) => cell(c.result.sha256Seconds, c.result.seconds)),
      cell(runs.reduce((s, r) => s + r.ours.sha256Seconds, 0), oursTotal),
    ]);
    stepBody.push([
      '  of which the facts (their statements)',
      ...columns.map((c) => cell(c.result.factsSeconds, c.result.seconds)),
      cell(runs.reduce((s, r) => s + r.ours.factsSeconds, 0), oursTotal),
    ]);
    stepBody.push([
      '  bare read of the same file, for scale',
      ...columns.map((c, j) => cell(j < runs.length ? runs[j]!.bare.seconds : runs[0]!.bare.seconds, c.result.seconds)),
      cell(bareTotal, oursTotal),
    ]);
    console.log('\nwhere our load spends its time (seconds and share of that load; steps from loadFile\'s onStep):');
    console.log(table(['step', ...columns.map((c) => `${c.name} s  %`), 'all 3 files s  %'], stepBody));

    console.log('\nslowest statements of each load (DuckDB time, grouped by statement text):');
    for (const c of columns) {
      const shown = c.result.statements.slice(0, statementsShown);
      const inSql = c.result.statements.reduce((sum, st) => sum + st.seconds, 0);
      console.log(`  ${c.name}: ${secs(inSql)} s of ${secs(c.result.seconds)} s in ${c.result.statements.reduce((n, st) => n + st.calls, 0)} statements`);
      for (const st of shown) {
        console.log(`    ${secs(st.seconds).padStart(7)} s ${`${Math.round((st.seconds / c.result.seconds) * 100)}%`.padStart(4)}${st.calls > 1 ? ` ×${st.calls}` : ''}  ${st.sql}`);
      }
    }

    // The verdict comes last.
    const bareCheckpoint = runs.reduce((sum, r) => sum + r.bare.checkpointSeconds, 0);
    const oursCheckpoint = runs.reduce((sum, r) => sum + r.ours.checkpointSeconds, 0);
    console.log(
      `\nwith an explicit CHECKPOINT right after each measurement counted on both sides (bare ${runs.map((r) => secs(r.bare.checkpointSeconds)).join(' / ')} s, ` +
        `ours ${runs.map((r) => secs(r.ours.checkpointSeconds)).join(' / ')} s): ${ratio(oursTotal + oursCheckpoint, bareTotal + bareCheckpoint)}`,
    );
    printTargets(options, runs, withoutIssues, folder, postgres);
    if (rounds.length > 1) console.log(`\n${pairedRoundsReport(rounds)}`);
    return 0;
  } catch (error) {
    if (error instanceof ChildFailed) {
      console.log('FAILED');
      console.error(`bench load: ${error.message}\n--- stderr of the child ---\n${error.stderr.trimEnd()}`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.stdout.off('error', onStdoutError);
    await cleanUp();
  }
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`bench load: ${error.message}; ${usage}`);
      return 1;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  return run(options);
}
