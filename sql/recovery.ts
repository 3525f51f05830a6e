// Undoes a load whose commit was cut short. DuckDB 1.5 writes a large append to the database file before the commit
// ("optimistic writes") and, when the process dies while the commit's write-ahead log is being written, its replay
// brings those appended rows back without the transaction's deletes, updates and small inserts (duckdb/duckdb#25931):
// tickets twice over, facts partial, no `loads` row. A load therefore tags every row it appends with its load id and
// writes its `loads` row last (pipelines/load.ts); any row tagged with an id above the last recorded load belongs to a
// commit that never finished. Removing those rows restores the state before the load, since the load's deletes and
// updates never reached the file. The daily rollups, which the load rewrote without a tag, are summed again from the
// restored facts. Runs on every open, before anything reads or writes (sql/migrate.ts).
import { existsSync } from 'node:fs';
import { quoteIdentifier, type Database } from './db.ts';
import { rebuildRollups } from './rollups.ts';

/** Every table a load appends to, each row with the `load_id` of the load that wrote it. */
export const loadTaggedTables = [
  'tickets', 'ticket_events', 'feedback', 'ticket_facts', 'ticket_solved_gaps', 'load_rejects',
  'issue_grouping', 'issues', 'ticket_issues', 'issue_term_frequency',
] as const;

export interface LoadRecovery {
  /** The highest load id recorded in `loads`; rows tagged above it were removed. */
  lastRecordedLoad: number;
  /** Rows removed, per table (tables without any left out). */
  removed: Partial<Record<(typeof loadTaggedTables)[number], number>>;
  /** Whether a tagged write was under way when the process stopped (its marker file was found). */
  interruptedWrite: boolean;
}

/** Finds and undoes an unfinished load; returns what it did, or null when there was nothing to undo. */
export async function recoverUnfinishedLoad(db: Database, log: (line: string) => void = console.warn): Promise<LoadRecovery | null> {
  const marker = db.commitPendingMarker;
  const interruptedWrite = marker !== null && existsSync(marker);
  const lastRecordedLoad = Number(
    (await db.readOne<{ last: string }>('SELECT coalesce(max(load_id), 0)::VARCHAR AS last FROM loads'))!.last,
  );
  // A filter on load_id skips whole row groups by their min/max statistics: on a database without a torn load this
  // reads almost nothing.
  const counts = await db.withConnection(async (query) => {
    const found: LoadRecovery['removed'] = {};
    // A database migrated part-way (tests of one migration) may not have every tag yet.
    const tagged = new Set((await query.all<{ name: string }>(
      "SELECT table_name AS name FROM duckdb_columns() WHERE column_name = 'load_id' AND schema_name = 'main' AND NOT internal",
    )).map((row) => row.name));
    for (const table of loadTaggedTables.filter((name) => tagged.has(name))) {
      const { n } = (await query.one<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM ${quoteIdentifier(table)} WHERE load_id > $last`,
        { last: lastRecordedLoad },
      ))!;
      if (n > 0) found[table] = n;
    }
    return found;
  });
  if (!interruptedWrite && Object.keys(counts).length === 0) return null;

  await db.write(async (tx) => {
    for (const table of Object.keys(counts)) {
      await tx.run(`DELETE FROM ${quoteIdentifier(table)} WHERE load_id > $last`, { last: lastRecordedLoad });
    }
    await rebuildRollups(tx);
  });
  db.clearCommitPending();
  const removed = Object.entries(counts).map(([table, n]) => `${n.toLocaleString('en')} ${table}`);
  log(
    `servicepulse: a load was interrupted while it committed (after load ${lastRecordedLoad}); ` +
      (removed.length > 0 ? `removed the rows it had left: ${removed.join(', ')}; ` : 'it had left no rows; ') +
      'daily rollups summed again. The database is as it was before that load.',
  );
  return { lastRecordedLoad, removed: counts, interruptedWrite };
}
