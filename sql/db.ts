// The one way into DuckDB. One instance per file per process; a fresh connection per read (a DuckDB
// connection runs one query at a time) and a single writer connection behind a queue, so writes are
// serialised while reads run beside them on their own snapshots.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { memoryLimitBytes, MemoryLimitError } from './memory-limit.ts';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

/** Why the database could not be opened, phrased for the person who ran the command. */
export class DatabaseOpenError extends Error {
  /** For `locked`: the process holding the file, when DuckDB names it. */
  readonly holderPid?: number;

  constructor(
    message: string,
    readonly reason: 'locked' | 'corrupt' | 'unwritable' | 'setting' | 'other',
    options?: { cause?: unknown; holderPid?: number },
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.holderPid = options?.holderPid;
  }
}

/** The parameters a statement names (`$name`): DuckDB refuses a bound parameter the statement does not use. */
export function paramsUsedBy<T>(sql: string, params: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}

export interface Query {
  run(sql: string, params?: Params): Promise<void>;
  all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /** How far the statement now running on this connection is, in percent; undefined when DuckDB cannot tell. */
  progress(): number | undefined;
}

function queryOn(connection: DuckDBConnection): Query {
  async function all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }
  async function one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await all<T>(sql, params))[0];
  }
  async function run(sql: string, params?: Params): Promise<void> {
    await connection.run(sql, params);
  }
  function progress(): number | undefined {
    const { percentage } = connection.progress;
    return percentage >= 0 ? percentage : undefined;
  }
  return { run, all, one, progress };
}

function explainOpenFailure(path: string, error: unknown): DatabaseOpenError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock|Conflicting lock/i.test(message)) {
    const holder = /PID (\d+)/.exec(message)?.[1];
    return new DatabaseOpenError(
      `The database ${path} is in use by another process${holder ? ` (PID ${holder})` : ''}. ` +
        'Stop that process (a running `npm start`?) or point SERVICEPULSE_DB at another file.',
      'locked',
      { cause: error, holderPid: holder ? Number(holder) : undefined },
    );
  }
  if (/not a valid DuckDB database|Invalid Input Error.*database|corrupt|checksum/i.test(message)) {
    return new DatabaseOpenError(
      `The database file ${path} is not a readable DuckDB database (corrupt, or another kind of file). ` +
        'Move it aside or set SERVICEPULSE_DB to another path; a new database is created on start.',
      'corrupt',
      { cause: error },
    );
  }
  if (/Permission denied|Read-only file system|Cannot open file/i.test(message)) {
    return new DatabaseOpenError(
      `Cannot open or create the database file ${path}: ${message.replace(/^IO Error: /, '')}. ` +
        'Check that its folder exists and is writable, or set SERVICEPULSE_DB.',
      'unwritable',
      { cause: error },
    );
  }
  return new DatabaseOpenError(`Cannot open the database ${path}: ${message}`, 'other', { cause: error });
}

let inMemoryInstances = 0;

/** A spill folder of its own for each in-memory database of this process. */
function inMemorySpillFolder(): string {
  inMemoryInstances += 1;
  return join(tmpdir(), `servicepulse-duckdb-${process.pid}-${inMemoryInstances}.tmp`).replaceAll("'", "''");
}

export class Database {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** data_state.version as last read; every committed or failed write forgets it. */
  private knownVersion: Promise<string> | undefined;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the database at `path`, or an in-memory one for ':memory:'. */
  static async open(path: string): Promise<Database> {
    const location = path === ':memory:' ? path : resolve(path);
    let memoryLimit: number;
    try {
      memoryLimit = memoryLimitBytes();
    } catch (error) {
      if (error instanceof MemoryLimitError) throw new DatabaseOpenError(error.message, 'setting', { cause: error });
      throw error;
    }
    if (location !== ':memory:') {
      try {
        mkdirSync(dirname(location), { recursive: true });
      } catch (error) {
        throw new DatabaseOpenError(
          `Cannot create the data folder ${dirname(location)}: ${(error as Error).message}. Set SERVICEPULSE_DB to a writable path.`,
          'unwritable',
          { cause: error },
        );
      }
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(location);
    } catch (error) {
      throw explainOpenFailure(location, error);
    }
    const writer = await instance.connect();
    // Timestamps are stored as instants; pinning UTC keeps day/week boundaries independent of the host.
    await writer.run("SET GLOBAL TimeZone = 'UTC'");
    // Loads report how far their long statements are (progress bars); DuckDB must not print its own.
    await writer.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0');
    // Tables a load creates inside its transaction have no statistics, so DuckDB takes the left side of an ASOF
    // join (SLA clocks against open intervals, rejects against line breaks) for a few rows and loops over it, many
    // times slower (bench/README.md, "Figures behind choices in the code"). Always use the sort-based join.
    await writer.run('SET asof_loop_join_threshold = 0');
    // SERVICEPULSE_MEMORY_LIMIT, or 60 % of the RAM (sql/memory-limit.ts); past it DuckDB spills to temp_directory.
    await writer.run(`SET GLOBAL memory_limit = '${memoryLimit} bytes'`);
    // A database file spills beside itself (`<file>.tmp`, DuckDB's default). An in-memory one would spill into `.tmp`
    // in whatever folder the process was started from, shared by every instance there: give each its own under the
    // system's temp folder instead (DuckDB creates it only when it spills, and removes it on close).
    if (location === ':memory:') await writer.run(`SET temp_directory = '${inMemorySpillFolder()}'`);
    return new Database(location, instance, writer);
  }

  /** Runs a read on its own connection, so reads never wait for each other or for the writer. */
  async read<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.withConnection((query) => query.all<T>(sql, params));
  }

  async readOne<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.read<T>(sql, params))[0];
  }

  /** Several reads on one connection (e.g. a consistent multi-query answer). */
  async withConnection<T>(work: (query: Query) => Promise<T>): Promise<T> {
    this.assertOpen();
    const connection = await this.instance.connect();
    try {
      return await work(queryOn(connection));
    } finally {
      connection.closeSync();
    }
  }

  /**
   * Runs `work` in one transaction on the single writer connection; writes queue behind each other.
   * Any error rolls the whole transaction back, so a write lands whole or not at all, and a `kill -9` too: large
   * appends stay out of the database file until the commit's log is complete (see `WriteOptions.taggedAppends`).
   */
  write<T>(work: (tx: Query) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return this.writePrepared(async () => undefined, work, options);
  }

  /**
   * A write whose heavy preparation runs first, on the writer connection but outside the transaction, then
   * `work` in one transaction. DuckDB scans data a transaction created itself with a single thread, while temp
   * tables built before the transaction are committed to this connection's temporary catalog (never to the
   * database file) and are scanned in parallel (bench/README.md measures the difference).
   * `prepare` must create nothing but temp objects. Every temp object is dropped afterwards, whatever happens,
   * so a failed write leaves neither data nor scratch behind.
   */
  writePrepared<P, T>(
    prepare: (query: Query) => Promise<P>,
    work: (tx: Query, prepared: P) => Promise<T>,
    options: WriteOptions = {},
  ): Promise<T> {
    this.assertOpen();
    const tx = queryOn(this.writer);
    const result = this.writeQueue.then(async () => {
      try {
        const prepared = await prepare(tx);
        if (options.taggedAppends) this.markCommitPending();
        else await tx.run('SET enable_optimistic_write = false');
        await tx.run('BEGIN TRANSACTION');
        try {
          const value = await work(tx, prepared);
          await tx.run('COMMIT');
          return value;
        } catch (error) {
          await tx.run('ROLLBACK').catch(() => {
            // The transaction may already be aborted by DuckDB; the original error is what matters.
          });
          throw error;
        }
      } finally {
        this.knownVersion = undefined;
        if (options.taggedAppends) this.clearCommitPending();
        await tx.run('RESET enable_optimistic_write').catch(() => undefined);
        // A transform may switch an optimizer off for one statement (tickets-store.sql); a failed one never resets it.
        await tx.run('RESET disabled_optimizers').catch(() => undefined);
        await dropTempObjects(tx);
      }
    });
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * A file beside the database that exists while a write with tagged appends is under way: found on open, it says
   * that such a write may have been cut short (sql/recovery.ts). None for an in-memory database.
   */
  get commitPendingMarker(): string | null {
    return this.path === ':memory:' ? null : `${this.path}.commit-pending`;
  }

  private markCommitPending(): void {
    if (this.commitPendingMarker) writeFileSync(this.commitPendingMarker, `${process.pid}\n`);
  }

  clearCommitPending(): void {
    if (this.commitPendingMarker) rmSync(this.commitPendingMarker, { force: true });
  }

  /**
   * The data version (bumped by every load and every change that alters answers), the key of cached answers.
   * A DuckDB file has one writer process, this one, so the version only changes through `write`: it is read
   * again after each write instead of on every request.
   */
  dataVersion(): Promise<string> {
    this.knownVersion ??= this.readOne<{ version: string }>('SELECT version::VARCHAR AS version FROM data_state').then(
      (row) => row?.version ?? '0',
    );
    return this.knownVersion;
  }

  /** Waits for queued writes, then closes every connection and the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writeQueue;
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The database ${this.path} is closed`);
  }
}

export interface WriteOptions {
  /**
   * Let DuckDB write large appends to the database file before the commit ("optimistic writes"), which a load
   * needs (a million tickets' rows would otherwise be held in memory and copied whole into the write-ahead log).
   * DuckDB 1.5 has a flaw there: a process killed while it writes the commit's log comes back with those appended
   * rows but without the transaction's deletes and updates (duckdb/duckdb#25931). Only a write whose every appended
   * row carries a `load_id` that has no `loads` row until the commit's last statement may set this: the recovery on
   * open (sql/recovery.ts) then finds and removes such rows. Every other write keeps its appends in memory and in
   * the log, which replays whole or not at all.
   */
  taggedAppends?: boolean;
}

/** Drops the temp tables and views left on a connection (the scratch of a write). */
async function dropTempObjects(query: Query): Promise<void> {
  const objects = await query.all<{ kind: string; name: string }>(
    `SELECT 'VIEW' AS kind, view_name AS name FROM duckdb_views() WHERE temporary AND NOT internal
     UNION ALL
     SELECT 'TABLE', table_name FROM duckdb_tables() WHERE temporary`,
  );
  for (const { kind, name } of objects) await query.run(`DROP ${kind} IF EXISTS temp.main.${quoteIdentifier(name)}`);
}

/** A name as a SQL identifier (only ever names the code chose or read from a file's header). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
