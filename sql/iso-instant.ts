// A TIMESTAMPTZ column as the API writes instants (ISO 8601 in UTC, "Z"), formatted by DuckDB in the query.
/** `ms`: with milliseconds (rows people write at any moment: suggestions, proposals); `s`: whole seconds. */
export function isoInstantSql(column: string, precision: 'ms' | 's' = 's'): string {
  return `strftime(${column}, '%Y-%m-%dT%H:%M:%S${precision === 'ms' ? '.%g' : ''}Z')`;
}
