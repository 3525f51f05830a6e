// Applies sql/schema/NNN_name.sql files in order, each exactly once and in its own transaction,
// recording them in schema_migrations with a checksum so an edited, already-applied file is caught.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';
import { recoverUnfinishedLoad } from './recovery.ts';
import { ensureRollups } from './rollups.ts';

const schemaDir = fileURLToPath(new URL('./schema/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = schemaDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the schema up to date; returns the versions applied by this call. */
export async function migrate(db: Database, migrations = listMigrations()): Promise<number[]> {
  await db.write((tx) =>
    tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`),
  );
  const applied = new Map(
    (await db.read<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations')).map(
      (row) => [row.version, row],
    ),
  );
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  for (const version of applied.keys()) {
    if (version > newest) {
      throw new MigrationError(
        `The database has schema version ${version}, newer than this ServicePulse knows (${newest}). Upgrade ServicePulse or use another database file.`,
      );
    }
  }
  const done: number[] = [];
  for (const migration of migrations) {
    const previous = applied.get(migration.version);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} changed after it was applied to this database. Add a new migration instead of editing an applied one.`,
        );
      }
      continue;
    }
    await db.write(async (tx) => {
      await tx.run(migration.sql);
      await tx.run('INSERT INTO schema_migrations VALUES ($version, $name, $checksum, now())', {
        version: migration.version,
        name: migration.name,
        checksum: migration.checksum,
      });
    });
    done.push(migration.version);
  }
  // Schema changes go straight into the database file rather than waiting in the write-ahead log:
  // DuckDB 1.5 cannot replay some DDL from the WAL (ALTER TABLE … ADD COLUMN … DEFAULT), which would
  // leave a database that no longer opens after an unclean exit.
  if (done.length > 0) await db.write((tx) => tx.run('CHECKPOINT'));
  // Before anything reads the data: undo a load whose commit was cut short (sql/recovery.ts).
  await recoverUnfinishedLoad(db);
  // The rollups' columns come from the metric registry, not from a migration: a changed registry rebuilds them.
  await ensureRollups(db);
  return done;
}

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.readOne<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}
