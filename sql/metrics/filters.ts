// Dimension filters as SQL over `f`: only the dimension list's column names reach the text, values are bound.
import { listValue } from '@duckdb/node-api';
import type { Params } from '../db.ts';
import { dimensions, type Dimension } from './dimensions.ts';

export type Filters = Partial<Record<Dimension, string[]>>;

/** `f.column IN (values)` for each filtered dimension, the values bound as lists. */
export function filterSql(filters: Filters = {}): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Record<string, ReturnType<typeof listValue>> = {};
  for (const [name, values] of Object.entries(filters) as Array<[Dimension, string[] | undefined]>) {
    if (!values || values.length === 0) continue;
    where.push(`list_contains($filter_${name}, f.${dimensions[name]})`);
    params[`filter_${name}`] = listValue(values);
  }
  return { where, params };
}
