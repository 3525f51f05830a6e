// Sees every statement DuckDB runs while some work runs, by wrapping DuckDBConnection.run (runAndReadAll and
// the other readers go through it; with values bound it prepares, binds and executes a materialised result).
import { DuckDBConnection } from '@duckdb/node-api';

export type StatementSeen = (sql: string, values: Parameters<DuckDBConnection['run']>[1], seconds: number) => void;

export async function watchStatements<T>(seen: StatementSeen, work: () => Promise<T>): Promise<T> {
  const original = DuckDBConnection.prototype.run;
  DuckDBConnection.prototype.run = async function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
    const start = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      seen(args[0], args[1], (performance.now() - start) / 1000);
    }
  };
  try {
    return await work();
  } finally {
    DuckDBConnection.prototype.run = original;
  }
}
