// The time zones DuckDB knows (ICU's IANA names, `pg_timezone_names()`): the one check of the zones a load, the
// organisation file and the teams API are given, and the one way of saying that a zone is not among them.
import type { Params, Row } from './db.ts';

/** Reads rows: a Database's `read`, or a transaction's `all`. */
type ReadRows = (sql: string, params?: Params) => Promise<Row[]>;

/** The zones of `zones` DuckDB does not know. */
export async function unknownTimeZones(read: ReadRows, zones: readonly string[]): Promise<Set<string>> {
  const rows = await read(
    `SELECT zone FROM (SELECT unnest(from_json($zones, '["VARCHAR"]')) AS zone)
      WHERE zone NOT IN (SELECT name FROM pg_timezone_names())`,
    { zones: JSON.stringify(zones) },
  );
  return new Set(rows.map((row) => String(row.zone)));
}

export const unknownTimeZoneMessage = (zone: string) => `unknown time zone "${zone}" (use an IANA name such as Europe/Zagreb)`;
