// One step of `npm run bench -- api`, in a process of its own (see child.ts), so DuckDB starts cold each time:
//   capture: runs GET /api/overview once in-process (createApp, no HTTP) and records every statement it sends to
//            DuckDB with its values; optionally exports ticket_facts and feedback as CSV for PostgreSQL.
//   duckdb:  runs the captured aggregates straight through @duckdb/node-api: once cold, then `repeats` times.
import { DuckDBInstance, listValue, type DuckDBValue } from '@duckdb/node-api';
import { join } from 'node:path';
import { createApp } from '../api/app.ts';
import { Database } from '../sql/db.ts';
import { pinNow, type CapturedValue } from './api-sql.ts';
import { childMain, peakRssKiB } from './child.ts';
import { watchStatements } from './watch-statements.ts';

export interface CapturedStatement {
  sql: string;
  params: Record<string, CapturedValue>;
  /** Reads ticket_facts or feedback_facts: the aggregates compared with PostgreSQL. */
  aggregate: boolean;
  /** Measures the goals (every goal of one measure at once); timed here only. */
  goals: boolean;
  seconds: number;
}

export interface CaptureInput {
  mode: 'capture';
  db: string;
  /** Export the facts here as CSV (for PostgreSQL's COPY). */
  exportDir?: string;
}

export interface CaptureResult {
  mode: 'capture';
  status: number;
  bodyBytes: number;
  /** The in-process request, cold: a fresh process with an empty answer cache. */
  seconds: number;
  statements: CapturedStatement[];
  tickets: number;
  feedback: number;
  duckdb: { version: string; threads: string; memoryLimit: string };
  exportSeconds: number | null;
  /** ticket_facts' columns and DuckDB types, and the survey views' definitions, to build the same in PostgreSQL. */
  ticketColumns: Array<{ name: string; type: string }>;
  feedbackViews: string[];
  databaseBytes: number;
  baselineRssKiB: number;
}

export interface DirectInput {
  mode: 'duckdb';
  db: string;
  statements: CapturedStatement[];
  repeats: number;
  /** After the timed passes, one more with now() fixed at this instant: the answers PostgreSQL's are checked against. */
  pinnedNow: string;
}

export interface DirectResult {
  mode: 'duckdb';
  /** Per statement: seconds of the first (cold) run, then of each repeat. */
  cold: number[];
  repeats: number[][];
  rows: number[];
  /** The answers with now() pinned, rows as JSON arrays, to check PostgreSQL's against. */
  results: unknown[][][];
  baselineRssKiB: number;
}

export type ApiChildInput = CaptureInput | DirectInput;

const since = (start: number) => (performance.now() - start) / 1000;
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** The goals' statements (sql/goals/measure.ts) join the facts to scopes given as JSON: DuckDB only, not compared. */
const measuresGoals = (sql: string) => /\bgoal_scopes\b/.test(sql);
const readsFacts = (sql: string) => /\b(ticket_facts|feedback_facts|feedback_answers|rollup_\w+)\b/.test(sql) && /^\s*SELECT\b/i.test(sql);

function captured(value: DuckDBValue): CapturedValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'object' && 'items' in value) return { items: (value.items as DuckDBValue[]).map(captured) };
  return String(value);
}

const bound = (value: CapturedValue): DuckDBValue =>
  value !== null && typeof value === 'object' ? listValue(value.items.map(bound)) : value;

async function capture(input: CaptureInput): Promise<CaptureResult> {
  const db = await Database.open(input.db);
  const app = createApp({ db });
  const baselineRssKiB = peakRssKiB();
  const statements: CapturedStatement[] = [];
  const start = performance.now();
  const { response, body } = await watchStatements(
    (sql, values, seconds) => {
      const params = Object.fromEntries(Object.entries((values ?? {}) as Record<string, DuckDBValue>).map(([k, v]) => [k, captured(v)]));
      statements.push({ sql, params, aggregate: readsFacts(sql) && !measuresGoals(sql), goals: measuresGoals(sql), seconds });
    },
    async () => {
      const answer = await app.request('/api/overview');
      return { response: answer, body: await answer.text() };
    },
  );
  const seconds = since(start);

  const facts = (await db.readOne<{ version: string; threads: string; memory_limit: string; tickets: number; feedback: number }>(
    `SELECT version() AS version, current_setting('threads')::VARCHAR AS threads, current_setting('memory_limit')::VARCHAR AS memory_limit,
            (SELECT count(*) FROM ticket_facts)::INTEGER AS tickets, (SELECT count(*) FROM feedback)::INTEGER AS feedback`,
  ))!;
  const ticketColumns = await db.read<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'ticket_facts' ORDER BY ordinal_position`,
  );
  // The survey views as DuckDB defines them, the one the other reads first.
  const feedbackViews = (await db.read<{ sql: string }>(
    "SELECT sql FROM duckdb_views() WHERE view_name IN ('feedback_answers', 'feedback_facts') ORDER BY view_name = 'feedback_facts'",
  )).map((view) => view.sql);
  const { bytes: databaseBytes } = (await db.readOne<{ bytes: number }>(
    'SELECT (total_blocks * block_size)::DOUBLE AS bytes FROM pragma_database_size() LIMIT 1',
  ))!;
  let exportSeconds: number | null = null;
  if (input.exportDir) {
    const exporting = performance.now();
    await db.withConnection(async (sql) => {
      await sql.run(`COPY ticket_facts TO ${sqlString(join(input.exportDir!, 'ticket_facts.csv'))} (HEADER)`);
      await sql.run(
        `COPY (SELECT feedback_id, ticket_id, submitted_at, kind, score, scale_max, channel FROM feedback)
           TO ${sqlString(join(input.exportDir!, 'feedback.csv'))} (HEADER)`,
      );
    });
    exportSeconds = since(exporting);
  }
  await db.close();
  return {
    mode: 'capture', status: response.status, bodyBytes: Buffer.byteLength(body), seconds, statements,
    tickets: facts.tickets, feedback: facts.feedback,
    duckdb: { version: facts.version, threads: facts.threads, memoryLimit: facts.memory_limit },
    exportSeconds, ticketColumns, feedbackViews, databaseBytes, baselineRssKiB,
  };
}

async function direct(input: DirectInput): Promise<DirectResult> {
  const instance = await DuckDBInstance.create(input.db);
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const baselineRssKiB = peakRssKiB();
  const runAll = async (pinnedNow?: string) => {
    const times: number[] = [];
    const rows: number[] = [];
    const results: unknown[][][] = [];
    for (const statement of input.statements) {
      const values = Object.fromEntries(Object.entries(statement.params).map(([k, v]) => [k, bound(v)]));
      const sql = pinnedNow ? pinNow(statement.sql, pinnedNow) : statement.sql;
      const start = performance.now();
      const reader = await connection.runAndReadAll(sql, values);
      rows.push(reader.getRowObjectsJson().length);
      times.push(since(start));
      results.push(reader.getRowsJson() as unknown[][]);
    }
    return { times, rows, results };
  };
  const first = await runAll();
  const repeats: number[][] = input.statements.map(() => []);
  for (let r = 0; r < input.repeats; r++) (await runAll()).times.forEach((t, i) => repeats[i]!.push(t));
  const pinned = await runAll(input.pinnedNow);
  connection.closeSync();
  instance.closeSync();
  return { mode: 'duckdb', cold: first.times, repeats, rows: first.rows, results: pinned.results, baselineRssKiB };
}

await childMain<ApiChildInput, CaptureResult | DirectResult>((input) => (input.mode === 'capture' ? capture(input) : direct(input)));
