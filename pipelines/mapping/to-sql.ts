// Turns a mapping into one SELECT over the staged raw rows (temp table `raw`): every canonical field
// parsed, plus the first problem of the row as (reject_column, reject_value, reject_reason).
// Column names are quoted identifiers; every literal (formats, value maps, messages) is a bound parameter.
import type { Params } from '../../sql/db.ts';
import { canonicalFields } from './canonical.ts';
import { sourceColumns, type FieldSpec, type Mapping } from './types.ts';

/** The timestamp format of Unix epoch seconds (strptime has no specifier for them). */
export const epochFormat = 'epoch';

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface Check {
  failed: string;
  column: string;
  raw: string;
  reason: string;
}

export interface MappedSelect {
  sql: string;
  params: Params;
}

/**
 * The file line a staged record starts on: header is line 1, and every line break inside an earlier
 * record's quoted fields pushes later records down.
 */
export interface RecordLines {
  /** The line the first record is on (2 below a header). */
  firstRecordLine: number;
  /** Whether line breaks inside values push later records down (quoted CSV fields). */
  breaksCountAsLines: boolean;
  /** A raw column that holds each record's line (XES), used as is. */
  lineColumn?: string;
}

/** A field's trimmed source text; the cells of a field read from several columns are joined by a space. */
export function sourceCell(spec: FieldSpec): string {
  const cells = sourceColumns(spec).map((column) => `trim(r.${quoteIdentifier(column)})`);
  return cells.length === 1 ? cells[0]! : `concat_ws(' ', ${cells.join(', ')})`;
}

export function lineExpression(columns: string[], lines: RecordLines): string {
  if (lines.lineColumn) return `r.${quoteIdentifier(lines.lineColumn)}::BIGINT`;
  const recordIndex = '(r.rowid - (SELECT min(rowid) FROM raw))';
  if (!lines.breaksCountAsLines) return `(${lines.firstRecordLine} + ${recordIndex})::BIGINT`;
  const text = `concat_ws('', ${columns.map((c) => `r.${quoteIdentifier(c)}`).join(', ')})`;
  const breaks = `len(${text}) - len(replace(${text}, chr(10), ''))`;
  return `(${lines.firstRecordLine} + ${recordIndex} + coalesce(sum(${breaks}) OVER (ORDER BY r.rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::BIGINT`;
}

export function mappingToSql(mapping: Mapping, timeZone: string, columns: string[], lines: RecordLines): MappedSelect {
  const params: Record<string, string> = {};
  let counter = 0;
  const bind = (value: string) => {
    const name = `p${counter++}`;
    params[name] = value;
    return `$${name}`;
  };

  const bindZone = () => {
    params.time_zone = timeZone;
    return '$time_zone';
  };
  const selects: string[] = [`${lineExpression(columns, lines)} AS line`, 'md5(to_json(r)::VARCHAR) AS row_hash'];
  const checks: Check[] = [];
  const canonical = canonicalFields[mapping.kind];
  const nullTokens = mapping.nulls?.length ? mapping.nulls.map((token) => bind(token)).join(', ') : undefined;
  const rawCell = (spec: FieldSpec) => {
    const cell = sourceCell(spec);
    return nullTokens ? `CASE WHEN ${cell} IN (${nullTokens}) THEN NULL ELSE nullif(${cell}, '') END` : `nullif(${cell}, '')`;
  };
  for (const [field, type] of Object.entries(canonical.types)) {
    const spec = mapping.fields[field];
    const fallback = mapping.defaults?.[field];
    if (!spec) {
      selects.push(`CAST(${fallback === undefined ? 'NULL' : bind(fallback)} AS ${type}) AS ${quoteIdentifier(field)}`);
      continue;
    }
    const raw = rawCell(spec);
    const base = spec.type === 'minutes_after' ? mapping.fields[spec.after] : undefined;
    if (spec.type === 'minutes_after' && !base) {
      // The instant it counts from is not in this file: nothing to add the minutes to.
      selects.push(`CAST(NULL AS ${type}) AS ${quoteIdentifier(field)}`);
      continue;
    }
    const parsed = base
      ? `${parseExpression(base, rawCell(base), bind, bindZone)} + to_microseconds(CAST(round(try_cast(${raw} AS DOUBLE) * 60e6) AS BIGINT))`
      : parseExpression(spec, raw, bind, bindZone);
    const value = fallback === undefined ? parsed : `coalesce(${parsed}, ${bind(fallback)})`;
    selects.push(`CAST(${value} AS ${type}) AS ${quoteIdentifier(field)}`);
    if (spec.required || canonical.required.includes(field)) {
      if (fallback === undefined) checks.push({ failed: `${raw} IS NULL`, column: spec.column, raw, reason: `missing ${field}` });
    }
    if (spec.type !== 'text' && spec.type !== 'list') {
      checks.push({ failed: `${raw} IS NOT NULL AND ${parsed} IS NULL`, column: spec.column, raw, reason: failureReason(spec, field) });
    }
  }
  const reject = (part: 'column' | 'raw' | 'reason') =>
    checks.length === 0
      ? 'NULL'
      : `CASE ${checks.map((c) => `WHEN ${c.failed} THEN ${part === 'raw' ? c.raw : bind(part === 'column' ? c.column : c.reason)}`).join(' ')} END`;
  selects.push(`${reject('column')} AS reject_column`, `${reject('raw')} AS reject_value`, `${reject('reason')} AS reject_reason`);
  return { sql: `SELECT ${selects.join(',\n       ')}\n  FROM raw r`, params };
}

function parseExpression(spec: FieldSpec, raw: string, bind: (value: string) => string, bindZone: () => string): string {
  switch (spec.type) {
    case 'text':
      return raw;
    case 'integer':
      return `try_cast(${raw} AS INTEGER)`;
    case 'number':
      return `try_cast(${raw} AS DOUBLE)`;
    case 'timestamp':
      if (spec.format === epochFormat) return `to_timestamp(try_cast(${raw} AS DOUBLE))`;
      if (!spec.format) return `try_cast(${raw} AS TIMESTAMPTZ)`;
      // A format with an offset or zone (%z, %Z) reads instants; only local times are placed in the load's zone.
      return /%[zZ]/.test(spec.format)
        ? `try_strptime(${raw}, ${bind(spec.format)})`
        : `timezone(${bindZone()}, try_strptime(${raw}, ${bind(spec.format)}))`;
    case 'enum': {
      const cases = Object.entries(spec.values).map(([from, to]) => `WHEN ${bind(from.trim().toLowerCase())} THEN ${bind(to)}`);
      return `CASE lower(${raw}) ${cases.join(' ')} END`;
    }
    case 'list':
      return `list_filter(string_split(${raw}, ${bind(spec.separator)}), x -> x <> '')`;
    case 'minutes_after':
      throw new Error('minutes_after is parsed with the field it counts from');
  }
}

function failureReason(spec: FieldSpec, field: string): string {
  switch (spec.type) {
    case 'timestamp':
      return `unparseable ${field} (expected ${spec.format ?? 'an ISO 8601 timestamp'})`;
    case 'enum':
    {
      // Names before numeric codes (which JavaScript orders first): the names are what people recognise.
      const known = Object.keys(spec.values).sort((a, b) => Number(/^\d+$/.test(a)) - Number(/^\d+$/.test(b)));
      return `unknown ${field} value (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? `, … ${known.length - 8} more` : ''})`;
    }
    case 'minutes_after':
      return `unparseable ${field} (expected minutes after ${spec.after})`;
    default:
      return `unparseable ${field} (expected ${spec.type === 'integer' ? 'a whole number' : 'a number'})`;
  }
}
