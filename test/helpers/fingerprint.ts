// Every stored table's row count and an order-independent sum of its rows' hashes: two databases with the same
// fingerprint hold the same rows (each as often), whatever order they were written in.
import { quoteIdentifier, type Database } from '../../sql/db.ts';

export async function fingerprint(db: Database, except: string[] = []): Promise<Record<string, string>> {
  const tables = await db.read<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' ORDER BY table_name",
  );
  const result: Record<string, string> = {};
  for (const { name } of tables.filter((t) => !except.includes(t.name))) {
    const row = await db.readOne<{ f: string }>(
      `SELECT count(*)::VARCHAR || ' rows, hash sum ' || coalesce(sum(hash(t))::VARCHAR, '-') AS f FROM ${quoteIdentifier(name)} t`,
    );
    result[name] = row!.f;
  }
  return result;
}
