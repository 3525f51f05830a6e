// `npm run bench -- api [--size 1m|10m] [--keep DIR] [--no-postgres]`: GET /api/overview on the real server, cold
// and warm, beside the same SQL run straight in DuckDB and in PostgreSQL. PRODUCT.md §9: the overview answers in
// under 1 s cold at 10 M tickets, warm p99 under 20 ms, and at least 10× faster than PostgreSQL on the same queries.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keptDatabase, prepareDatabase } from './api-data.ts';
import { ensureBenchGoals } from './api-goals.ts';
import { overviewDuringImport, type ImportLoadResult } from './api-import.ts';
import type { ApiChildInput, CaptureResult, CapturedStatement, DirectResult } from './api-child.ts';
import { postgresBin, startPostgres, timingsOf, type Postgres } from './api-postgres.ts';
import { startServer, stopServers, sustained, timed } from './api-server.ts';
import { median, pinNow, postgresType, resultDifference, summarise, toPostgres, type LatencySummary } from './api-sql.ts';
import { runChild, stopChildren, type ChildBase } from './child.ts';
import { parseSize } from './load.ts';
import { rollupSelect, rollupTables } from '../sql/metrics/rollups.ts';

const usage = 'usage: npm run bench -- api [--size 1m|10m|N] [--keep DIR] [--goals 200] [--clients 20] [--seconds 10] [--repeats 10] [--cold-starts 5] ' +
  '[--import-size 1m|N] [--import-clients 50] [--no-import] [--no-postgres]';
const childScript = 'bench/api-child.ts';
const targets = { coldSeconds: 1, warmP99Seconds: 0.02, postgresRatio: 10, importTimeoutSeconds: 10 };

interface Options {
  tickets: number;
  keep?: string;
  clients: number;
  seconds: number;
  repeats: number;
  coldStarts: number;
  postgres: boolean;
  goals: number;
  /** Rows of the tickets export imported under load; 0: no import test. */
  importTickets: number;
  importClients: number;
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '1m' },
      keep: { type: 'string' },
      clients: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '10' },
      repeats: { type: 'string', default: '10' },
      'cold-starts': { type: 'string', default: '5' },
      'no-postgres': { type: 'boolean', default: false },
      goals: { type: 'string', default: '200' },
      'import-size': { type: 'string' },
      'import-clients': { type: 'string', default: '50' },
      'no-import': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const count = (name: string, text: string) => {
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${text}"`);
    return Number(text);
  };
  const tickets = parseSize(values.size);
  return {
    tickets,
    keep: values.keep,
    clients: count('clients', values.clients),
    seconds: count('seconds', values.seconds),
    repeats: count('repeats', values.repeats),
    coldStarts: count('cold-starts', values['cold-starts']),
    postgres: !values['no-postgres'],
    goals: values.goals === '0' ? 0 : count('goals', values.goals),
    importTickets: values['no-import'] ? 0 : values['import-size'] ? parseSize(values['import-size']) : Math.min(tickets, 1_000_000),
    importClients: count('import-clients', values['import-clients']),
  };
}

// ── formatting ────────────────────────────────────────────────────────────────────────────────────────────────

const ms = (seconds: number) => (Number.isNaN(seconds) ? 'n/a' : `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1)} ms`);
const int = (n: number) => Math.round(n).toLocaleString('en');
const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');
const latencyLine = (s: LatencySummary) => `n ${s.count}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** Short names for the captured aggregates, from their SQL and values. */
export function describeStatements(statements: CapturedStatement[]): string[] {
  return statements.map(({ sql, params }) => {
    const table = /FROM "?(\w+)"? f\b/.exec(sql)?.[1] ?? '?';
    const period = 'previous_from' in params && !('to' in params) ? 'previous period' : 'range';
    if (sql.includes('m0_current_value')) return `headline: ${table}, range + previous`;
    if (sql.includes('GROUP BY')) {
      const group = /(f\.\w+)::VARCHAR AS "group"/.exec(sql)?.[1];
      const time = /WHERE (f\.\w+) >=/.exec(sql)?.[1] ?? '?';
      return `series by ${String(params.grain)}${group ? ` × ${group}` : ''}: ${table} on ${time}`;
    }
    const measured = /f\.(\w+_seconds)/.exec(sql)?.[1] ?? /f\.kind = '(\w+)'/.exec(sql)?.[1] ?? /f\.(sla_\w+_due_at)/.exec(sql)?.[1] ?? '?';
    return `headline: ${table} ${measured}, ${period}`;
  });
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────────────────────────

interface PostgresRun {
  version: string;
  settings: string;
  loadSeconds: number;
  tableBytes: number;
  cold: number[];
  repeats: number[][];
  /** Null when every answer matched DuckDB's. */
  difference: string | null;
}

async function loadPostgres(pg: Postgres, capture: CaptureResult, csvDir: string): Promise<{ loadSeconds: number; tableBytes: number }> {
  const ticketColumns = capture.ticketColumns.map((c) => `"${c.name}" ${postgresType(c.type)}`).join(', ');
  const script = [
    `CREATE TABLE ticket_facts (${ticketColumns});`,
    'CREATE TABLE feedback (feedback_id bigint, ticket_id bigint, submitted_at timestamptz NOT NULL, kind varchar NOT NULL, score double precision, scale_max smallint NOT NULL, channel varchar);',
    '\\timing on',
    `COPY ticket_facts FROM '${join(csvDir, 'ticket_facts.csv')}' (FORMAT csv, HEADER true);`,
    `COPY feedback FROM '${join(csvDir, 'feedback.csv')}' (FORMAT csv, HEADER true);`,
    // What a DBA would add for range queries on the period columns and the view's join.
    'ALTER TABLE ticket_facts ADD PRIMARY KEY (ticket_id);',
    'ALTER TABLE feedback ADD PRIMARY KEY (feedback_id);',
    ...['created_at', 'solved_at', 'first_response_at'].map((c) => `CREATE INDEX ON ticket_facts (${c});`),
    'CREATE INDEX ON feedback (submitted_at);',
    'CREATE INDEX ON feedback (ticket_id);',
    ...capture.feedbackViews.map((view) => `${view.replace(/;\s*$/, '')};`),
    // The daily rollups, summed by PostgreSQL from its own facts with the same definitions.
    ...rollupTables.map((table) => `CREATE TABLE ${table.name} AS ${toPostgres(rollupSelect(table)).text};`),
    'VACUUM ANALYZE;',
    '\\timing off',
    '\\pset tuples_only on',
    '\\pset format unaligned',
    "SELECT 'bytes ' || (pg_total_relation_size('ticket_facts') + pg_total_relation_size('feedback'));",
  ].join('\n');
  const output = await pg.psql(script);
  return { loadSeconds: timingsOf(output).reduce((a, b) => a + b, 0), tableBytes: Number(/^bytes (\d+)/m.exec(output)?.[1] ?? Number.NaN) };
}

function prepared(statements: CapturedStatement[], pinnedNow?: string) {
  const translated = statements.map((s) => toPostgres(pinnedNow ? pinNow(s.sql, pinnedNow) : s.sql, s.params));
  return {
    prepare: translated.map((t, i) => `PREPARE s${i}${t.types.length ? ` (${t.types.join(', ')})` : ''} AS ${t.text};`),
    execute: translated.map((t, i) => `EXECUTE s${i}${t.literals.length ? `(${t.literals.join(', ')})` : ''};`),
  };
}

/** Each statement's answer in PostgreSQL against DuckDB's: null when every one agrees, else the first difference. */
async function checkPostgres(pg: Postgres, statements: CapturedStatement[], duckdb: unknown[][][], pinnedNow: string): Promise<string | null> {
  const { prepare, execute } = prepared(statements, pinnedNow);
  const marker = '@@statement';
  const output = await pg.psql([...prepare, '\\pset format unaligned', '\\pset tuples_only on', "\\pset fieldsep '|'",
    ...execute.flatMap((e) => [`\\echo ${marker}`, e])].join('\n'));
  const answers = output.split(`${marker}\n`).slice(1);
  const labels = describeStatements(statements);
  for (const [i, answer] of answers.entries()) {
    const difference = resultDifference(duckdb[i]!, answer);
    if (difference) return `${labels[i]!.trim()}: ${difference}`;
  }
  return answers.length === statements.length ? null : `${answers.length} answers for ${statements.length} statements`;
}

/** The statements prepared once, then run in order: a first pass right after a restart, then `repeats` more. */
async function timePostgres(pg: Postgres, statements: CapturedStatement[], repeats: number) {
  const { prepare, execute } = prepared(statements);
  await pg.restart();
  const passes = Array.from({ length: repeats + 1 }, () => execute.join('\n'));
  const output = await pg.psql([...prepare, '\\o /dev/null', '\\timing on', ...passes].join('\n'));
  const timings = timingsOf(output);
  if (timings.length !== statements.length * (repeats + 1)) throw new Error(`expected ${statements.length * (repeats + 1)} timings from psql, got ${timings.length}`);
  const pass = (p: number) => timings.slice(p * statements.length, (p + 1) * statements.length);
  return { cold: pass(0), repeats: statements.map((_, i) => Array.from({ length: repeats }, (_v, p) => pass(p + 1)[i]!)) };
}

// ── the run ───────────────────────────────────────────────────────────────────────────────────────────────────

const today = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

/** A goal created and archived again: two data-version bumps that leave the overview's work the same. */
async function changeDataVersion(origin: string): Promise<void> {
  const body = JSON.stringify({ name: 'bench', metric: 'created', comparator: '>=', target: 1, period: 'week', starts_on: today().toISOString().slice(0, 10) });
  const created = await timed(`${origin}/api/goals`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }, 201);
  const { goal_id } = JSON.parse(created.body) as { goal_id: number };
  await timed(`${origin}/api/goals/${goal_id}`, { method: 'DELETE' }, 204);
}

async function run(options: Options): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'servicepulse-apibench-'));
  // PostgreSQL runs as its own user: it must reach its folder and the CSV files.
  await chmod(scratch, 0o755);
  const abandon = (code: number) => {
    stopChildren();
    stopServers();
    void rm(scratch, { recursive: true, force: true }).finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abandon(130));
  process.once('SIGTERM', () => abandon(143));
  let pg: Postgres | null = null;
  try {
    console.log(`ServicePulse API benchmark: GET /api/overview at ${int(options.tickets)} tickets`);
    const dbPath = options.keep ? keptDatabase(resolve(options.keep), options.tickets) : join(scratch, 'api.duckdb');
    if (options.keep) await mkdir(options.keep, { recursive: true });
    const prepared = await prepareDatabase(dbPath, options.tickets, { reuse: Boolean(options.keep), end: today(), log: (line) => console.log(line) });
    if (prepared.seedSeconds === null && prepared.replicateSeconds === null) console.log(`database reused from ${dbPath}`);
    else if (prepared.seedSeconds !== null) console.log(`demo generated and loaded through the load path in ${prepared.seedSeconds.toFixed(1)} s${options.keep ? ` into ${dbPath}` : ''}`);
    if (prepared.replicateSeconds !== null) console.log(`facts replicated ${prepared.copies}× in ${prepared.replicateSeconds.toFixed(1)} s`);

    const goals = await ensureBenchGoals(dbPath, options.goals, today());
    console.log(`${int(options.goals)} service goals ${goals.created > 0 ? 'set' : 'kept'}; every closed period judged and stored in ${goals.snapshotSeconds.toFixed(1)} s`);

    const csvDir = join(scratch, 'csv');
    if (options.postgres) await mkdir(csvDir, { mode: 0o755 });
    const capture = await runChild<CaptureResult & ChildBase>('capture', childScript, {
      mode: 'capture', db: dbPath, exportDir: options.postgres ? csvDir : undefined,
    } satisfies ApiChildInput);
    if (capture.status !== 200) throw new Error(`GET /api/overview answered ${capture.status}`);
    const aggregates = capture.statements.filter((s) => s.aggregate);
    const pinnedNow = new Date().toISOString();
    const direct = await runChild<DirectResult & ChildBase>('duckdb direct', childScript, {
      mode: 'duckdb', db: dbPath, statements: aggregates, repeats: options.repeats, pinnedNow,
    } satisfies ApiChildInput);

    process.stdout.write('measuring the server: cold starts');
    const coldStarts: number[] = [];
    for (let i = 0; i < options.coldStarts; i++) {
      const server = await startServer(dbPath);
      coldStarts.push((await timed(`${server.origin}/api/overview`)).seconds);
      await server.stop();
      process.stdout.write('.');
    }
    process.stdout.write(' burst');
    const server = await startServer(dbPath);
    const url = `${server.origin}/api/overview`;
    const burst = await Promise.all(Array.from({ length: options.clients }, () => timed(url).then((r) => r.seconds)));
    process.stdout.write(' version-changes');
    const afterChange: number[] = [];
    for (let i = 0; i < options.repeats; i++) {
      await changeDataVersion(server.origin);
      afterChange.push((await timed(url)).seconds);
    }
    process.stdout.write(' warm');
    await timed(url);
    const warm = await sustained(url, options.clients, options.seconds);
    await server.stop();
    console.log();
    const http = { coldStarts, burst, afterChange, warm };
    reportHttp(options, http, direct, capture);

    let underImport: ImportLoadResult | null = null;
    if (options.importTickets > 0) {
      console.log(`\n${options.importClients} clients on GET /api/overview while the server imports ${int(options.importTickets)} tickets (a copy of the database):`);
      underImport = await overviewDuringImport({
        db: dbPath, scratch, tickets: options.importTickets, end: today(), clients: options.importClients,
        timeoutSeconds: targets.importTimeoutSeconds, afterSeconds: 5, log: (line) => console.log(`  ${line}`),
      });
      reportImportLoad(underImport);
    }

    let postgres: PostgresRun | null = null;
    if (options.postgres) {
      process.stdout.write('PostgreSQL: starting');
      pg = await startPostgres(postgresBin((line) => console.log(line)), join(scratch, 'postgres'));
      process.stdout.write(', loading');
      const loaded = await loadPostgres(pg, capture, csvDir);
      process.stdout.write(', querying');
      const timings = await timePostgres(pg, aggregates, options.repeats);
      process.stdout.write(', comparing answers');
      const difference = await checkPostgres(pg, aggregates, direct.results, pinnedNow);
      console.log();
      postgres = { version: pg.version, settings: pg.settings, ...loaded, ...timings, difference };
    }

    report(options, capture, direct, http, postgres, dbPath, prepared.copies, underImport);
    // Timings of queries that answer differently compare nothing: the run fails.
    return postgres?.difference ? 1 : 0;
  } finally {
    await pg?.stop().catch(() => {});
    await rm(scratch, { recursive: true, force: true });
  }
}

interface HttpFigures {
  coldStarts: number[];
  burst: number[];
  afterChange: number[];
  warm: Awaited<ReturnType<typeof sustained>>;
}

function reportImportLoad(result: ImportLoadResult) {
  const rows = result.rows ? Object.entries(result.rows).map(([name, n]) => `${int(n)} ${name}`).join(', ') : 'no counts';
  console.log(`  import ${result.importState} in ${result.importSeconds.toFixed(1)} s (${rows})`);
  console.log(`  while importing:  ${latencyLine(summarise(result.during))}`);
  console.log(`  5 s after commit: ${latencyLine(summarise(result.after))}`);
  console.log(`  time-outs (${targets.importTimeoutSeconds} s): ${result.timeouts}; non-2xx ${result.non2xx}; errors ${result.errors}`);
}

/** Printed as soon as measured: at 10 M the PostgreSQL part that follows takes a long time. */
function reportHttp(options: Options, http: HttpFigures, direct: DirectResult, capture: CaptureResult) {
  const warm = summarise(http.warm.latencies);
  console.log(`\nGET /api/overview on the real server (node api/server.ts)`);
  console.log(`  cold start, first request of a fresh server (×${http.coldStarts.length}): ${http.coldStarts.map(ms).join(', ')}; median ${ms(median(http.coldStarts))}, max ${ms(Math.max(...http.coldStarts))}`);
  console.log(`  cold burst, ${options.clients} clients at once on a fresh server:  ${latencyLine(summarise(http.burst))}`);
  console.log(`  after a data-version change, 1 client (cache miss):  ${latencyLine(summarise(http.afterChange))}`);
  console.log(`  warm (cached), ${options.clients} clients for ${options.seconds} s:  ${latencyLine(warm)}; ${int(http.warm.requestsPerSecond)} req/s` +
    (http.warm.non2xx + http.warm.errors > 0 ? `; ${http.warm.non2xx} non-2xx, ${http.warm.errors} errors!` : ''));

  console.log(`  cold, in-process (createApp, a fresh process, no HTTP, no start-up snapshot beside it): ${ms(capture.seconds)}`);
  const goalStatements = capture.statements.filter((s) => s.goals);
  console.log(`  the ${int(options.goals)} goals took ${goalStatements.length} statements (one per measure), ` +
    `${ms(goalStatements.reduce((sum, s) => sum + s.seconds, 0))} summed in the capture's cold in-process overview`);

  const directWarmTotal = direct.repeats.map(median).reduce((a, b) => a + b, 0);
  const directColdTotal = direct.cold.reduce((a, b) => a + b, 0);
  console.log(`\nthe same ${direct.cold.length} aggregates straight through @duckdb/node-api (no HTTP, no cache), one after the other`);
  console.log(`  cold (fresh process) ${ms(directColdTotal)}; warm (median of ${options.repeats} per statement, summed) ${ms(directWarmTotal)}`);
  console.log(`  our overhead: cold start median ÷ DuckDB cold = ${times(median(http.coldStarts), directColdTotal)}; ` +
    `after-change p50 ÷ DuckDB warm = ${times(median(http.afterChange), directWarmTotal)}`);
}

function report(
  options: Options, capture: CaptureResult, direct: DirectResult, http: HttpFigures, postgres: PostgresRun | null, dbPath: string, copies: number,
  underImport: ImportLoadResult | null,
) {
  const aggregates = capture.statements.filter((s) => s.aggregate);
  const bookkeeping = capture.statements.length - aggregates.length;
  console.log(`\nmachine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM; node ${process.version}`);
  console.log(`duckdb ${capture.duckdb.version}, threads ${capture.duckdb.threads}, memory_limit ${capture.duckdb.memoryLimit}`);
  if (postgres) console.log(`postgresql ${postgres.version}: ${postgres.settings}`);
  console.log(`date ${new Date().toISOString()}`);

  console.log('\ndata');
  console.log(`  ticket_facts ${int(capture.tickets)} rows, feedback ${int(capture.feedback)} rows` +
    (copies > 1 ? ` (the generated ${int(capture.tickets / copies)} tickets' facts replicated ${copies}× with shifted ids, same dates)` : ''));
  console.log(`  DuckDB database ${gib(capture.databaseBytes)} (${dbPath})`);
  if (postgres) console.log(`  PostgreSQL tables + indexes ${gib(postgres.tableBytes)}; COPY + indexes + VACUUM ANALYZE took ${postgres.loadSeconds.toFixed(1)} s`);
  console.log(`  the overview answer: ${int(capture.bodyBytes)} bytes; ${capture.statements.length} statements, ${aggregates.length} of them aggregates over the facts (${bookkeeping} bookkeeping: data version, goals, snapshots)`);

  const coldMax = Math.max(...http.coldStarts);
  const warm = summarise(http.warm.latencies);
  const directWarm = direct.repeats.map(median);
  const directWarmTotal = directWarm.reduce((a, b) => a + b, 0);
  const directColdTotal = direct.cold.reduce((a, b) => a + b, 0);

  const rows = [['statement', 'rows', 'duckdb cold', 'duckdb warm', ...(postgres ? ['pg first', 'pg warm', 'pg ÷ duckdb'] : [])]];
  const labels = describeStatements(aggregates);
  aggregates.forEach((_statement, i) => {
    const pgWarm = postgres ? median(postgres.repeats[i]!) : 0;
    rows.push([
      labels[i]!, int(direct.rows[i]!), ms(direct.cold[i]!), ms(directWarm[i]!),
      ...(postgres ? [ms(postgres.cold[i]!), ms(pgWarm), times(pgWarm, directWarm[i]!)] : []),
    ]);
  });
  const pgWarmTotal = postgres ? postgres.repeats.map(median).reduce((a, b) => a + b, 0) : Number.NaN;
  const pgColdTotal = postgres ? postgres.cold.reduce((a, b) => a + b, 0) : Number.NaN;
  rows.push([
    'total', '', ms(directColdTotal), ms(directWarmTotal),
    ...(postgres ? [ms(pgColdTotal), ms(pgWarmTotal), times(pgWarmTotal, directWarmTotal)] : []),
  ]);
  console.log(`\n${columns(rows).replace(/^/gm, '  ')}`);
  if (postgres) {
    console.log(`  PostgreSQL ÷ DuckDB, first pass after a restart of each: ${times(pgColdTotal, directColdTotal)}`);
    console.log(postgres.difference
      ? `  ANSWERS DIFFER: ${postgres.difference}`
      : '  every answer is the same in both (numbers to a relative 1e-9; checked in a separate pass with now() pinned to one instant)');
  }

  console.log('\ntargets (PRODUCT.md §9)');
  if (options.tickets < 10_000_000) console.log(`  (the cold target is stated at 10 M tickets; this run has ${int(capture.tickets)})`);
  console.log(`  cold overview < ${ms(targets.coldSeconds)} (${int(options.goals)} goals): slowest cold start ${ms(coldMax)} — ${verdict(coldMax < targets.coldSeconds)}`);
  console.log(`  warm p99 < ${ms(targets.warmP99Seconds)} at ${options.clients} clients: ${ms(warm.p99)} — ${verdict(warm.p99 < targets.warmP99Seconds)}`);
  if (underImport) {
    const all = summarise([...underImport.during, ...underImport.after]);
    console.log(`  no time-out with ${options.importClients} clients during a ${int(options.importTickets)}-row import: ${underImport.timeouts} time-outs, ` +
      `p99 ${ms(all.p99)} — ${verdict(underImport.timeouts === 0 && underImport.non2xx === 0 && underImport.errors === 0)}`);
  }
  if (postgres) {
    const ratio = pgWarmTotal / directWarmTotal;
    console.log(`  ≥ ${targets.postgresRatio}× faster than PostgreSQL on the same queries (warm totals): ${ratio.toFixed(1)}× — ${verdict(ratio >= targets.postgresRatio)}`);
  } else console.log('  PostgreSQL comparison skipped (--no-postgres)');
}

export async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error(`bench api: ${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (options === 'help') {
    console.log(`${usage}\nSee bench/API.md for what is measured and how to read it.`);
    return 0;
  }
  try {
    return await run(options);
  } catch (error) {
    console.error(`\nbench api failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error && typeof error === 'object' && 'stderr' in error && error.stderr) console.error(String(error.stderr));
    return 1;
  }
}
