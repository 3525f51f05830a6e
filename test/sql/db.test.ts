import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database, DatabaseOpenError } from '../../sql/db.ts';
import { listMigrations, migrate, MigrationError, schemaVersion } from '../../sql/migrate.ts';

const opened: Database[] = [];
async function open(path = ':memory:') {
  const db = await Database.open(path);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

function scratchDir() {
  return mkdtempSync(join(tmpdir(), 'servicepulse-db-'));
}

describe('migrations', () => {
  it('apply every numbered file once and record them', async () => {
    const db = await open();
    const files = listMigrations();
    expect(files.map((m) => m.name)[0]).toBe('001_core.sql');
    expect(await migrate(db)).toEqual(files.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    expect(await schemaVersion(db)).toBe(files.at(-1)!.version);
    const tables = await db.read<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`);
    for (const table of ['tickets', 'ticket_events', 'feedback', 'agents', 'teams', 'customers', 'calendars', 'goals',
      'goal_snapshots', 'suggestions', 'suggestion_votes', 'suggestion_comments', 'suggestion_events', 'users', 'sessions',
      'loads', 'load_rejects', 'ticket_facts']) {
      expect(tables.map((t) => t.name)).toContain(table);
    }
  });

  it('keep every fact when durations move to whole seconds (005), in minutes as before', async () => {
    const db = await open();
    await migrate(db, listMigrations().filter((m) => m.version < 5));
    await db.write((tx) =>
      tx.run(`INSERT INTO ticket_facts BY NAME
              SELECT * FROM (VALUES (1, 4468 / 60, NULL, 1.5, 'email'), (2, NULL, 0.25, 100000.0, 'chat'))
                AS v(ticket_id, first_response_minutes, reply_business_minutes, agent_wait_minutes, channel),
                   (SELECT 'customer' AS requester_kind, false AS is_solved, false AS is_ended, 0 AS agent_replies, 0 AS reopens,
                           0 AS team_stations, 0 AS assignee_stations, 0 AS escalations, 0 AS escalation_level_max, false AS is_escalated)`),
    );
    expect(await migrate(db, listMigrations().filter((m) => m.version <= 5))).toEqual([5]);
    const rows = await db.read(
      `SELECT ticket_id::INTEGER AS id, channel, first_response_seconds, first_response_minutes, reply_business_seconds,
              reply_business_minutes, agent_wait_seconds, agent_wait_minutes FROM ticket_facts ORDER BY ticket_id`,
    );
    expect(rows).toEqual([
      { id: 1, channel: 'email', first_response_seconds: 4468, first_response_minutes: 4468 / 60, reply_business_seconds: null,
        reply_business_minutes: null, agent_wait_seconds: 90, agent_wait_minutes: 1.5 },
      { id: 2, channel: 'chat', first_response_seconds: null, first_response_minutes: null, reply_business_seconds: 15,
        reply_business_minutes: 0.25, agent_wait_seconds: 6000000, agent_wait_minutes: 100000 },
    ]);
  });

  it('keep every goal snapshot when goals get versions (007): the definition so far is version 1', async () => {
    const db = await open();
    await migrate(db, listMigrations().filter((m) => m.version < 7));
    await db.write(async (tx) => {
      await tx.run(`INSERT INTO goals (name, metric, stat, comparator, target, unit, scope, period, starts_on, created_at)
                    VALUES ('Replies', 'first_response_time', 'p50', '<=', 30, 'minutes', '{"team":["zagreb"]}', 'week', DATE '2026-01-05',
                            TIMESTAMPTZ '2026-01-04 10:00:00Z')`);
      await tx.run(`INSERT INTO goal_snapshots VALUES (1, DATE '2026-01-05', 1, 45, 'missed', 2, 3, TIMESTAMPTZ '2026-01-12 00:10:00Z'),
                                                      (1, DATE '2026-01-05', 2, 15, 'met', 2, 4, TIMESTAMPTZ '2026-01-13 00:10:00Z')`);
    });
    expect(await migrate(db, listMigrations().filter((m) => m.version <= 7))).toEqual([7]);
    expect(await db.read(`SELECT goal_id::INTEGER AS goal_id, version, valid_from::VARCHAR AS valid_from, target, scope::VARCHAR AS scope, period
                            FROM goal_versions`)).toEqual([
      { goal_id: 1, version: 1, valid_from: '2026-01-04 10:00:00+00', target: 30, scope: '{"team":["zagreb"]}', period: 'week' },
    ]);
    expect(await db.read(`SELECT goal_id::INTEGER AS goal_id, goal_version, period_start::VARCHAR AS period_start, revision, value, status,
                                 data_version::INTEGER AS data_version
                            FROM goal_snapshots ORDER BY revision`)).toEqual([
      { goal_id: 1, goal_version: 1, period_start: '2026-01-05', revision: 1, value: 45, status: 'missed', data_version: 3 },
      { goal_id: 1, goal_version: 1, period_start: '2026-01-05', revision: 2, value: 15, status: 'met', data_version: 4 },
    ]);
  });

  it('refuse a migration edited after it was applied', async () => {
    const db = await open();
    const files = listMigrations();
    await migrate(db, files);
    const edited = files.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(db, edited)).rejects.toThrow(/001_core\.sql changed after it was applied/);
  });

  it('refuse a database from a newer ServicePulse', async () => {
    const db = await open();
    await migrate(db);
    await db.write((tx) => tx.run(`INSERT INTO schema_migrations VALUES (999, '999_future.sql', 'x', now())`));
    await expect(migrate(db)).rejects.toThrow(/schema version 999, newer than this ServicePulse knows/);
  });

  it('reject values outside the canonical vocabularies', async () => {
    const db = await open();
    await migrate(db);
    await expect(
      db.write((tx) => tx.run(`INSERT INTO teams VALUES ('t', 'T', 'UTC', 'offshore', NULL, 1, false)`)),
    ).rejects.toThrow(/CHECK constraint/);
  });
});

describe('writes', () => {
  it('are serialised: concurrent read-modify-write transactions all land', async () => {
    const db = await open();
    await db.write((tx) => tx.run('CREATE TABLE counter (n INTEGER)'));
    await db.write((tx) => tx.run('INSERT INTO counter VALUES (0)'));
    await Promise.all(
      Array.from({ length: 25 }, () =>
        db.write(async (tx) => {
          const { n } = (await tx.one<{ n: number }>('SELECT n FROM counter'))!;
          await new Promise((resolve) => setTimeout(resolve, 1));
          await tx.run('UPDATE counter SET n = $n', { n: n + 1 });
        }),
      ),
    );
    expect((await db.readOne<{ n: number }>('SELECT n FROM counter'))!.n).toBe(25);
  });

  it('roll back whole when the work fails, and later writes still run', async () => {
    const db = await open();
    await db.write((tx) => tx.run('CREATE TABLE items (id INTEGER)'));
    await expect(
      db.write(async (tx) => {
        await tx.run('INSERT INTO items VALUES (1), (2)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.write((tx) => tx.run('INSERT INTO items VALUES (3)'));
    expect(await db.read('SELECT id FROM items')).toEqual([{ id: 3 }]);
  });

  it('prepare outside the transaction into temp tables, drop them afterwards, and roll back whole on failure', async () => {
    const db = await open();
    await db.write((tx) => tx.run('CREATE TABLE items (id INTEGER)'));
    const tempObjects = "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary";
    const added = await db.writePrepared(
      async (query) => {
        await query.run('CREATE TEMP TABLE staged AS SELECT range::INTEGER AS id FROM range(5)');
        return (await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM staged'))!.n;
      },
      async (tx, staged) => {
        await tx.run('INSERT INTO items SELECT id FROM staged');
        return staged;
      },
    );
    expect(added).toBe(5);
    expect(await db.read('SELECT sum(id)::INTEGER AS s FROM items')).toEqual([{ s: 10 }]);
    await expect(
      db.writePrepared(
        (query) => query.run('CREATE TEMP TABLE staged AS SELECT 100 AS id'),
        async (tx) => {
          await tx.run('INSERT INTO items SELECT id FROM staged');
          throw new Error('boom');
        },
      ),
    ).rejects.toThrow('boom');
    expect(await db.read('SELECT sum(id)::INTEGER AS s FROM items')).toEqual([{ s: 10 }]);
    // The writer connection keeps no scratch: the next write sees no temp table (a read has its own connection).
    expect(await db.write((tx) => tx.all(tempObjects))).toEqual([{ n: 0 }]);
    // A preparation that fails (a file that cannot be read, say) runs no transaction and leaves no scratch either.
    await expect(
      db.writePrepared(
        async (query) => {
          await query.run('CREATE TEMP TABLE staged AS SELECT 1 AS id');
          throw new Error('unreadable');
        },
        (tx) => tx.run('INSERT INTO items VALUES (1000)'),
      ),
    ).rejects.toThrow('unreadable');
    expect(await db.write((tx) => tx.all(tempObjects))).toEqual([{ n: 0 }]);
    expect(await db.read('SELECT sum(id)::INTEGER AS s FROM items')).toEqual([{ s: 10 }]);
  });

  it('leave no optimizer switched off by a statement of a write that failed before switching it back', async () => {
    const db = await open();
    await db.write((tx) => tx.run('CREATE TABLE items (id INTEGER NOT NULL)'));
    const switchedOff = "SELECT current_setting('disabled_optimizers') AS off";
    await expect(
      db.write(async (tx) => {
        await tx.run("SET disabled_optimizers = 'build_side_probe_side'");
        expect(await tx.all(switchedOff)).toEqual([{ off: 'build_side_probe_side' }]);
        await tx.run('INSERT INTO items VALUES (NULL)');
        await tx.run('RESET disabled_optimizers');
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect(await db.write((tx) => tx.all(switchedOff))).toEqual([{ off: '' }]);
  });

  it('are invisible to reads until committed', async () => {
    const db = await open();
    await db.write((tx) => tx.run('CREATE TABLE items (id INTEGER)'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    const writing = db.write(async (tx) => {
      await tx.run('INSERT INTO items VALUES (1)');
      inserted();
      await gate;
    });
    await insertedSignal;
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM items')).toEqual([{ n: 0 }]);
    release();
    await writing;
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM items')).toEqual([{ n: 1 }]);
  });
});

describe('opening', () => {
  it('names the file and the holder when another process has it open', async () => {
    const path = join(scratchDir(), 'held.duckdb');
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(${JSON.stringify(path)}); console.log('held'); setTimeout(() => {}, 60000);`],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk) => String(chunk).includes('held') && resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const error = await Database.open(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseOpenError);
      expect((error as DatabaseOpenError).reason).toBe('locked');
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toContain(`PID ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('explains a file that is not a DuckDB database', async () => {
    const path = join(scratchDir(), 'notes.duckdb');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const error = await Database.open(path).catch((e: unknown) => e);
    expect((error as DatabaseOpenError).reason).toBe('corrupt');
    expect((error as Error).message).toContain(path);
  });

  it('explains a data folder that cannot be created', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'plain-file'), '');
    const path = join(dir, 'plain-file', 'sub', 'servicepulse.duckdb');
    const error = await Database.open(path).catch((e: unknown) => e);
    expect((error as DatabaseOpenError).reason).toBe('unwritable');
    expect((error as Error).message).toContain(join(dir, 'plain-file', 'sub'));
  });

  it('creates the data folder and keeps data across reopen', async () => {
    const dir = join(scratchDir(), 'nested', 'data');
    mkdirSync(join(dir, '..'), { recursive: true });
    const first = await Database.open(join(dir, 'sp.duckdb'));
    await migrate(first);
    await first.write((tx) => tx.run(`INSERT INTO teams VALUES ('t', 'T', 'UTC', 'in_house', NULL, 1, false)`));
    await first.close();
    const second = await open(join(dir, 'sp.duckdb'));
    expect(await migrate(second)).toEqual([]);
    expect(await second.read('SELECT team_id FROM teams')).toEqual([{ team_id: 't' }]);
  });
});
