// Keeps the daily rollup tables (sql/metrics/rollups.ts) equal to what summing the facts would give: rebuilt whole
// when their definition changes, and within a load's transaction re-summed for just the days whose facts changed.
import type { Database, Query } from './db.ts';
import { quoteIdentifier } from './db.ts';
import { rollupSelect, rollupSignature, rollupTables, utcDay, type RollupTable } from './metrics/rollups.ts';

/** Builds every rollup from the facts when the stored ones were made by another definition (or never). */
export async function ensureRollups(db: Database): Promise<boolean> {
  const stored = await db.readOne<{ signature: string }>('SELECT signature FROM rollup_state');
  if (stored?.signature === rollupSignature) return false;
  await db.write((tx) => rebuildRollups(tx));
  return true;
}

/** Every rollup summed again from all the facts (after facts were written by other means than a load). */
export async function rebuildRollups(tx: Query): Promise<void> {
  const current = new Set(rollupTables.map((t) => t.name));
  const existing = await tx.all<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND table_name LIKE 'rollup\\_%' ESCAPE '\\' AND table_name <> 'rollup_state'",
  );
  for (const { name } of existing) if (!current.has(name)) await tx.run(`DROP TABLE ${quoteIdentifier(name)}`);
  for (const table of rollupTables) await tx.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(table.name)} AS ${rollupSelect(table)}`);
  await tx.run('DELETE FROM rollup_state');
  await tx.run('INSERT INTO rollup_state VALUES ($signature)', { signature: rollupSignature });
}

const dayList = 'CREATE TEMP TABLE IF NOT EXISTS rollup_days (time_column VARCHAR, day DATE)';

/**
 * Notes the days whose rollups a store of the facts of the tickets in temp table `fact_tickets` changes. Called
 * before the store (the days their facts leave, and of their survey answers: a ticket's team or channel is its
 * answers' too) and after it (the days they arrive at). Both read the facts as stored, never what is about to be
 * stored, which may be a view costly to evaluate twice.
 */
export async function noteFactDays(tx: Query, moment: 'before' | 'after'): Promise<void> {
  await tx.run(dayList);
  for (const table of rollupTables) {
    if (table.source === 'feedback_facts' && moment === 'after') continue;
    const from = table.source === 'ticket_facts' ? 'ticket_facts' : 'feedback';
    await tx.run(
      `INSERT INTO rollup_days
       SELECT DISTINCT $time, ${utcDay(`f.${table.time}`)} FROM ${from} f
        WHERE f.ticket_id IN (SELECT ticket_id FROM fact_tickets) AND f.${table.time} IS NOT NULL`,
      { time: table.time },
    );
  }
}

/**
 * Notes the days a feedback load changes: those of the incoming answers (temp view `incoming_feedback`) and of the
 * stored answers they replace. Runs before the answers are merged.
 */
export async function noteFeedbackDays(tx: Query, source: string): Promise<void> {
  await tx.run(dayList);
  for (const table of rollupTables.filter((t) => t.source === 'feedback_facts')) {
    const day = (alias: string) => utcDay(`${alias}.${table.time}`);
    await tx.run(
      `INSERT INTO rollup_days SELECT DISTINCT $time, day FROM (
         SELECT ${day('i')} FROM incoming_feedback i WHERE i.${table.time} IS NOT NULL
         UNION
         SELECT ${day('f')} FROM feedback f JOIN incoming_feedback i ON f.source = $source AND f.external_id = i.external_id
          WHERE f.${table.time} IS NOT NULL) AS days(day)`,
      { time: table.time, source },
    );
  }
}

/** Sums the noted days again from the facts as they now are. */
export async function refreshRollups(tx: Query): Promise<void> {
  const noted = await tx.one<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = 'rollup_days'",
  );
  if (!noted?.n) return;
  for (const table of rollupTables) await refreshDays(tx, table);
  await tx.run('DROP TABLE rollup_days');
}

async function refreshDays(tx: Query, table: RollupTable): Promise<void> {
  const days = 'SELECT day FROM rollup_days WHERE time_column = $time';
  const name = quoteIdentifier(table.name);
  await tx.run(`DELETE FROM ${name} WHERE day IN (${days})`, { time: table.time });
  await tx.run(`INSERT INTO ${name} BY NAME ${rollupSelect(table, days)}`, { time: table.time });
}
