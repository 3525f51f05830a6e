// One measurement of `npm run bench -- load`, in a process of its own (see child.ts):
//   bare: DuckDB's own read_csv into a table of a fresh database file;
//   ours: ServicePulse's loadFile (optionally after migrating a fresh file and loading the organisation), with the
//         time of each step its onStep callback reports; or, given `together`, the files as one load (loadFiles), as
//         `npm run load -- folder/` loads them.
import { watchStatements } from './watch-statements.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { loadFiles, sha256Of, type LoadStep, type LoadSummary } from '../pipelines/load.ts';
import type { LoadKind, Mapping } from '../pipelines/mapping/types.ts';
import { loadOrganisation } from '../pipelines/organisation/load.ts';
import { demoSource } from '../pipelines/demo/seed.ts';
import { servicepulseEvents, servicepulseFeedback } from '../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../pipelines/sources/zendesk.ts';
import { childMain, peakRssKiB } from './child.ts';

export interface DuckdbFacts {
  version: string;
  threads: string;
  memoryLimit: string;
}

export interface BareInput {
  mode: 'bare';
  db: string;
  file: string;
}

export interface BareResult {
  mode: 'bare';
  duckdb: DuckdbFacts;
  rows: number;
  seconds: number;
  /** An explicit CHECKPOINT right after the measured work (what is still to be written to the file), not in `seconds`. */
  checkpointSeconds: number;
  baselineRssKiB: number;
}

export interface OursInput {
  mode: 'ours';
  db: string;
  /** Migrate the (fresh) database first. */
  migrate: boolean;
  /** Load this organisation.json before the file, timed on its own. */
  organisation?: string;
  file: string;
  kind: LoadKind;
  /** Assign the tickets to recurring issues (LoadRequest.issues); default true. */
  issues?: boolean;
  /** More files loaded with `file` as one load (pipelines/load.ts `loadFiles`), after it; the counts are their sums. */
  together?: Array<{ file: string; kind: LoadKind }>;
}

/** Seconds from the call to each step's callback, and to the call's return (`done`). */
export type StepTimes = Partial<Record<LoadStep, number>> & { done: number };

export interface OursResult extends Pick<LoadSummary, 'rowsRead' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'topRejects' | 'seconds'> {
  mode: 'ours';
  duckdb: DuckdbFacts;
  organisationSeconds: number | null;
  steps: StepTimes;
  /** The file's SHA-256 computed again the way loadFile does (a stream in JS), after the load: part of the first step. */
  sha256Seconds: number;
  /** Every SQL statement the load ran, grouped by its text (whitespace collapsed, cut), slowest first. */
  statements: StatementTime[];
  /** DuckDB time of the statements run by the facts' functions (see `factsFunctions`), before and in the transaction. */
  factsSeconds: number;
  checkpointSeconds: number;
  baselineRssKiB: number;
}

export interface StatementTime {
  sql: string;
  calls: number;
  seconds: number;
}

export type ChildInput = BareInput | OursInput;

const mappings: Partial<Record<LoadKind, Mapping>> = {
  tickets: zendeskTickets,
  events: servicepulseEvents,
  feedback: servicepulseFeedback,
};

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const since = (start: number) => (performance.now() - start) / 1000;

const factsSql = `SELECT version() AS version, current_setting('threads')::VARCHAR AS threads,
                         current_setting('memory_limit')::VARCHAR AS memory_limit`;

async function bare(input: BareInput): Promise<BareResult> {
  const instance = await DuckDBInstance.create(input.db);
  const connection = await instance.connect();
  const facts = (await connection.runAndReadAll(factsSql)).getRowObjectsJson()[0]!;
  const baselineRssKiB = peakRssKiB();

  const start = performance.now();
  await connection.run(
    `CREATE TABLE t AS SELECT * FROM read_csv(${sqlString(input.file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`,
  );
  const seconds = since(start);

  const checkpointing = performance.now();
  await connection.run('CHECKPOINT');
  const checkpointSeconds = since(checkpointing);

  const rows = Number((await connection.runAndReadAll('SELECT count(*) AS n FROM t')).getRowObjectsJson()[0]!.n);
  connection.closeSync();
  instance.closeSync();
  return {
    mode: 'bare',
    duckdb: { version: String(facts.version), threads: String(facts.threads), memoryLimit: String(facts.memory_limit) },
    rows,
    seconds,
    checkpointSeconds,
    baselineRssKiB,
  };
}

/** The file's hash alone, as the load computes it (which overlaps it with the file's staging). */
async function sha256Seconds(file: string): Promise<number> {
  const start = performance.now();
  await sha256Of(file);
  return since(start);
}

/**
 * The facts of the touched tickets (sql/facts.ts): their milestones recounted and written, ticket_facts computed and
 * written with the daily rollups they feed. What the load does besides is its ingest (bench/README.md).
 */
const factsFunctions = /\bat (?:async )?(?:computeTicketMilestones|applyTicketMilestones|computeFacts|storeFacts) /;

/** Whether the statement now running was called from one of the facts' functions, read from the async call stack. */
function runByFacts(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  try {
    return factsFunctions.test(new Error().stack ?? '');
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Times every statement DuckDB runs while `work` runs, by wrapping DuckDBConnection.run (runAndReadAll and the
 * other readers go through it; with values bound it prepares, binds and executes a materialised result), and adds
 * up those the facts' functions ran.
 */
async function timingStatements<T>(work: () => Promise<T>): Promise<{ value: T; statements: StatementTime[]; factsSeconds: number }> {
  const byText = new Map<string, StatementTime>();
  let factsSeconds = 0;
  const value = await watchStatements((sql, _values, seconds) => {
    if (runByFacts()) factsSeconds += seconds;
    const text = sql.replace(/\s+/g, ' ').trim();
    const key = text.length > 110 ? `${text.slice(0, 109)}…` : text;
    const entry = byText.get(key) ?? { sql: key, calls: 0, seconds: 0 };
    entry.calls += 1;
    entry.seconds += seconds;
    byText.set(key, entry);
  }, work);
  return { value, statements: [...byText.values()].sort((a, b) => b.seconds - a.seconds), factsSeconds };
}

async function ours(input: OursInput): Promise<OursResult> {
  const db = await Database.open(input.db);
  if (input.migrate) await migrate(db);
  const facts = (await db.readOne<{ version: string; threads: string; memory_limit: string }>(factsSql))!;
  const baselineRssKiB = peakRssKiB();

  let organisationSeconds: number | null = null;
  if (input.organisation) {
    const start = performance.now();
    await loadOrganisation(db, input.organisation);
    organisationSeconds = since(start);
  }

  const steps: Partial<Record<LoadStep, number>> = {};
  const start = performance.now();
  const files = [{ file: input.file, kind: input.kind }, ...(input.together ?? [])];
  const { value: summaries, statements, factsSeconds } = await timingStatements(() =>
    loadFiles(db, files.map(({ file, kind }) => ({
      file,
      mapping: mappings[kind]!,
      source: demoSource,
      issues: input.issues ?? true,
      onStep: (step: LoadStep) => {
        steps[step] = since(start);
      },
    }))),
  );
  const seconds = since(start);
  const total = (count: (summary: LoadSummary) => number) => summaries.reduce((sum, summary) => sum + count(summary), 0);

  const checkpointing = performance.now();
  await db.withConnection((query) => query.run('CHECKPOINT'));
  const checkpointSeconds = since(checkpointing);
  const hashing = await sha256Seconds(input.file);
  await db.close();
  return {
    mode: 'ours',
    duckdb: { version: facts.version, threads: facts.threads, memoryLimit: facts.memory_limit },
    organisationSeconds,
    rowsRead: total((summary) => summary.rowsRead),
    inserted: total((summary) => summary.inserted),
    updated: total((summary) => summary.updated),
    unchanged: total((summary) => summary.unchanged),
    rejected: total((summary) => summary.rejected),
    topRejects: summaries.flatMap((summary) => summary.topRejects),
    seconds,
    steps: { ...steps, done: seconds },
    sha256Seconds: hashing,
    statements,
    factsSeconds,
    checkpointSeconds,
    baselineRssKiB,
  };
}

await childMain<ChildInput, BareResult | OursResult>((input) => (input.mode === 'bare' ? bare(input) : ours(input)));
