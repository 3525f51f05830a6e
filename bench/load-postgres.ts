// The reference line of `npm run bench -- load`: PostgreSQL's bare COPY of the same CSV files into tables whose
// every column is TEXT, unlogged and logged, in a throwaway cluster (api-postgres.ts) that is removed afterwards.
// It is where a user who loads exports into a database and writes SQL would start from.
import { open, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findPostgresBin, startPostgres, timingsOf, type Postgres } from './api-postgres.ts';

export type CopyMode = 'unlogged' | 'logged';

export interface PostgresCopy {
  version: string;
  settings: string;
  /** Seconds of each file's COPY, in the order given, per mode. */
  seconds: Record<CopyMode, number[]>;
}

/** Why there is no PostgreSQL line (no PostgreSQL installed, or it failed), said in the report instead. */
export interface PostgresSkipped {
  skipped: string;
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The column names of a CSV file's header line (quoted names may hold commas). */
export async function headerOf(file: string): Promise<string[]> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(64 * 1024), position: 0 });
    const line = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]!));
  } finally {
    await handle.close();
  }
}

/** One COPY of `file` into a fresh text table, timed by psql; the table is dropped afterwards to free the disk. */
async function timeCopy(pg: Postgres, file: string, mode: CopyMode): Promise<number> {
  const columns = (await headerOf(file)).map((name) => `${sqlIdentifier(name)} TEXT`).join(', ');
  const output = await pg.psql(
    [
      `CREATE ${mode === 'unlogged' ? 'UNLOGGED ' : ''}TABLE copied (${columns});`,
      '\\timing on',
      `COPY copied FROM ${sqlString(file)} (FORMAT csv, HEADER true);`,
      '\\timing off',
      'DROP TABLE copied;',
      'CHECKPOINT;',
    ].join('\n'),
  );
  const [seconds] = timingsOf(output);
  if (seconds === undefined) throw new Error(`psql printed no timing for the COPY of ${basename(file)}`);
  return seconds;
}

/**
 * Starts a cluster in `folder` with PostgreSQL's durability on (a load is what is measured), COPYs each file
 * unlogged, then logged, and removes the cluster. Server-side COPY: the server's user must be able to read the files.
 */
export async function postgresCopies(files: string[], folder: string): Promise<PostgresCopy | PostgresSkipped> {
  const bin = findPostgresBin();
  if (bin === null) return { skipped: 'no PostgreSQL' };
  let pg: Postgres | undefined;
  try {
    pg = await startPostgres(bin, folder, { durable: true });
    const seconds: Record<CopyMode, number[]> = { unlogged: [], logged: [] };
    for (const mode of ['unlogged', 'logged'] as const) {
      for (const file of files) seconds[mode].push(await timeCopy(pg, file, mode));
    }
    return { version: pg.version, settings: pg.settings, seconds };
  } catch (error) {
    return { skipped: `PostgreSQL failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await pg?.stop().catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
}
