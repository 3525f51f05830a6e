// The database `npm run bench -- api` measures: the demo organisation loaded through the real load path, and for
// sizes above what is worth generating, the loaded ticket_facts and feedback replicated with shifted ids. Its service
// goals are set by api-goals.ts.
import { access, copyFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Database, quoteIdentifier } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { rebuildRollups } from '../sql/rollups.ts';
import { seedDemo } from '../pipelines/demo/seed.ts';

/** Above this many tickets the demo is generated at this size and replicated (generating 10 M takes too long). */
export const largestGenerated = 1_000_000;

export interface PreparedData {
  /** Seconds to generate and load the demo (null when a kept database was reused or copied). */
  seedSeconds: number | null;
  replicateSeconds: number | null;
  copies: number;
}

/**
 * Replicates the loaded facts `copies - 1` more times with ids shifted past the largest, keeping every date: the
 * overview's range then holds `copies` times the tickets, the worst case for its scan.
 */
async function replicate(db: Database, copies: number): Promise<void> {
  await db.write(async (tx) => {
    const { tickets, feedback } = (await tx.one<{ tickets: string; feedback: string }>(
      'SELECT (SELECT max(ticket_id) FROM ticket_facts)::VARCHAR AS tickets, (SELECT max(feedback_id) FROM feedback)::VARCHAR AS feedback',
    ))!;
    // The minutes columns are virtual (computed from the seconds): they take no values.
    const virtual = (await tx.all<{ name: string }>(
      "SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'ticket_facts' AND column_name LIKE '%\\_minutes' ESCAPE '\\'",
    )).map((c) => quoteIdentifier(c.name));
    for (let copy = 1; copy < copies; copy++) {
      const params = { copy, ticket_shift: BigInt(tickets) * BigInt(copy), feedback_shift: BigInt(feedback) * BigInt(copy) };
      await tx.run(
        `INSERT INTO ticket_facts BY NAME SELECT * EXCLUDE (${virtual.join(', ')}) REPLACE (ticket_id + $ticket_shift AS ticket_id)
           FROM ticket_facts WHERE ticket_id <= $ticket_shift / $copy`,
        { ticket_shift: params.ticket_shift, copy },
      );
      await tx.run(
        `INSERT INTO feedback SELECT * REPLACE (feedback_id + $feedback_shift AS feedback_id, ticket_id + $ticket_shift AS ticket_id,
                                               external_id || '#' || $copy AS external_id)
           FROM feedback WHERE feedback_id <= $feedback_shift / $copy`,
        params,
      );
    }
    await rebuildRollups(tx);
    await tx.run('UPDATE data_state SET version = version + 1, changed_at = now()');
    // The copies keep their originals' load ids, all recorded: the recovery on open leaves them alone.
  }, { taggedAppends: true });
}

const exists = (path: string) => access(path).then(() => true, () => false);

/** Where a kept database of `tickets` tickets lives, next to the others. */
export const keptDatabase = (folder: string, tickets: number) => join(folder, `api-${tickets}.duckdb`);

/**
 * Builds the benchmark database at `path` (written under a temporary name, renamed when complete). With `reuse`,
 * an existing file is used as it is, and a larger size starts from a kept database of the generated size.
 */
export async function prepareDatabase(path: string, tickets: number, options: { reuse: boolean; end: Date; log: (line: string) => void }): Promise<PreparedData> {
  const copies = Math.max(1, Math.ceil(tickets / largestGenerated));
  const generated = Math.ceil(tickets / copies);
  if (options.reuse && (await exists(path))) {
    // A database kept by an older build gets this build's schema and rollups (a changed registry rebuilds them).
    const kept = await Database.open(path);
    try {
      const applied = await migrate(kept);
      if (applied.length > 0) options.log(`kept database brought up to schema ${Math.max(...applied)}`);
    } finally {
      await kept.close();
    }
    return { seedSeconds: null, replicateSeconds: null, copies };
  }
  const building = `${path}.building`;
  await rm(building, { force: true });
  await rm(`${building}.wal`, { force: true });
  const base = keptDatabase(dirname(path), generated);
  const fromBase = options.reuse && copies > 1 && (await exists(base));
  if (fromBase) {
    options.log(`starting from the kept ${generated.toLocaleString('en')}-ticket database ${base}`);
    await copyFile(base, building);
  }
  const db = await Database.open(building);
  try {
    let seedSeconds: number | null = null;
    await migrate(db);
    if (!fromBase) {
      const start = performance.now();
      await seedDemo(db, { tickets: generated, end: options.end, log: options.log });
      seedSeconds = (performance.now() - start) / 1000;
    }
    const start = performance.now();
    if (copies > 1) await replicate(db, copies);
    const replicateSeconds = copies > 1 ? (performance.now() - start) / 1000 : null;
    await db.withConnection((sql) => sql.run('CHECKPOINT'));
    await db.close();
    await rename(building, path);
    return { seedSeconds, replicateSeconds, copies };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
