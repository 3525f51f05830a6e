// Reads the .sql files of sql/transforms as lists of statements (a prepared statement holds one).
import { paramsUsedBy, type Query } from './db.ts';
import { readFileSync } from 'node:fs';

const cache = new Map<string, string[]>();

export function transformStatements(name: string): string[] {
  let statements = cache.get(name);
  if (!statements) {
    const text = readFileSync(new URL(`./transforms/${name}.sql`, import.meta.url), 'utf8');
    statements = text
      .split(/;\s*$/m)
      .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
      .filter((statement) => statement.length > 0);
    cache.set(name, statements);
  }
  return statements;
}

/** Runs every statement of a transform, binding only the parameters each statement uses (DuckDB refuses others). */
export async function runTransform(tx: Query, name: string, params: Record<string, string | number | boolean | null> = {}): Promise<void> {
  for (const statement of transformStatements(name)) {
    await tx.run(statement, paramsUsedBy(statement, params));
  }
}
