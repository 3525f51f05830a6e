// Dimension filters as SQL over `f`: only the dimension list's column names reach the text, values are bound.
import { listValue } from '@duckdb/node-api';
import type { Params } from '../db.ts';
import { dimensionSql, type Dimension } from './dimensions.ts';

export type Filters = Partial<Record<Dimension, string[]>>;

/** `f.column IN (values)` for each filtered dimension, the values bound as lists. */
export function filterSql(filters: Filters = {}): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Record<string, ReturnType<typeof listValue>> = {};
  for (const [name, values] of Object.entries(filters) as Array<[Dimension, string[] | undefined]>) {
    if (!values || values.length === 0) continue;
    where.push(`list_contains($filter_${name}, ${dimensionSql(name)})`);
    params[`filter_${name}`] = listValue(values);
  }
  return { where, params };
}

/** Whether any dimension is filtered on. */
export const usesFilters = (filters: Filters = {}) => Object.values(filters).some((values) => values && values.length > 0);

export interface FactScope {
  /** The instant that attributes a row to a period (`f.created_at`), or null for no range (a backlog's open tickets). */
  time: string | null;
  /** The rows a metric is measured over (an SQL condition over `f`), if any. */
  rows?: string;
  filters?: Filters;
  /** The names of the parameters holding the range's inclusive start and exclusive end instants. */
  range?: readonly [start: string, end: string];
}

/**
 * The conditions on facts `f` that every question about a metric's tickets shares (series, headline figures,
 * distributions, drill-downs): its instant in the range, the rows it is measured over, and the dimension filters;
 * with the filters' bound values (the range's are the caller's, under the names in `range`).
 */
export function factScopeSql({ time, rows, filters, range = ['from', 'to'] }: FactScope): { where: string[]; params: Params } {
  const filtered = filterSql(filters);
  const [start, end] = range;
  return {
    where: [
      ...(time ? [`${time} >= $${start}::TIMESTAMPTZ`, `${time} < $${end}::TIMESTAMPTZ`] : []),
      ...(rows ? [`(${rows})`] : []),
      ...filtered.where,
    ],
    params: filtered.params,
  };
}
