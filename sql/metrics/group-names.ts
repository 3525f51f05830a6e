// The display names of a series' groups, for the dimensions whose values are ids of a table with names: an agent's
// name for its assignee id, an issue's name (sql/issues/names.ts) for its id. Asked in one query for just the ids the
// answer holds; an id without a name is left out.
import { listValue } from '@duckdb/node-api';
import type { Database } from '../db.ts';
import { issueNamings } from '../issues/names.ts';
import type { Dimension } from './dimensions.ts';

/** The table, id and name columns naming each dimension that has one (identifiers only from here reach SQL). */
export const dimensionNameTables: Partial<Record<Dimension, { table: string; id: string; name: string }>> = {
  agent: { table: 'agents', id: 'agent_id', name: 'name' },
};

/** Id → name of `ids` of `by`, or null when `by` has no name table. */
export async function groupNames(db: Database, by: Dimension | null, ids: readonly (string | null)[]): Promise<Record<string, string> | null> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (by === 'issue') {
    const namings = await db.withConnection((sql) => issueNamings(sql, wanted.map(Number).filter(Number.isSafeInteger)));
    return Object.fromEntries([...namings].map(([id, naming]) => [String(id), naming.name]));
  }
  const names = by ? dimensionNameTables[by] : undefined;
  if (!names) return null;
  if (wanted.length === 0) return {};
  const rows = await db.read<{ id: string; name: string }>(
    `SELECT ${names.id} AS id, ${names.name} AS name FROM ${names.table} WHERE list_contains($ids, ${names.id})`,
    { ids: listValue(wanted) },
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
