// Reads the .sql files of sql/transforms as lists of statements (a prepared statement holds one).
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
