// Turns a mapping into one SELECT over the staged raw rows (temp table `raw`): every canonical field
// parsed, plus the first problem of the row as (reject_column, reject_value, reject_reason).
// Column names are quoted identifiers; every literal (formats, value maps, messages) is a bound parameter.
// The SELECT is layered so that each cell is cleaned once and each value parsed once, however many
// checks look at it: trimming and parsing every cell is most of what mapping costs on a large file.
import { quoteIdentifier, type Params } from '../../sql/db.ts';
import { canonicalFields } from './canonical.ts';
import { sourceColumns, type FieldSpec, type Mapping } from './types.ts';

/** The timestamp format of Unix epoch seconds (strptime has no specifier for them). */
export const epochFormat = 'epoch';

export { quoteIdentifier };

interface Check {
  failed: string;
  column: string;
  raw: string;
  reason: string;
}

export interface MappedSelect {
  sql: string;
  params: Params;
  /** The fields of `MappedColumns.leaveOut` that are not columns of the SELECT, each NULL in every row. */
  leftOut: TypedField[];
}

export interface MappedColumns {
  /** Every column of the staged file (all hashed; searched for line breaks). */
  columns: string[];
  /** A hash of the whole source row, to recognise an unchanged re-export (tickets, feedback). */
  rowHash: boolean;
  /** A stable hash of the source row's cells, which tells one event from another (events; `source_row_hash`). */
  sourceRowHash?: boolean;
  /** Whether line breaks inside values push later records down (quoted CSV fields): counted per record. */
  breaksCountAsLines: boolean;
  /** A staged column holding each record's file line (XES): it is the record number, as is. */
  lineColumn?: string;
  /**
   * Fields left out of the SELECT when the mapping leaves them NULL in every row (`MappedSelect.leftOut`): a temp
   * table stores such a column whole, 16 bytes a row for text. The caller gives them back where they are read.
   */
  leaveOut?: readonly string[];
}

/** A canonical field and its SQL type. */
export interface TypedField {
  field: string;
  type: string;
}

/**
 * The record number of a staged row: its line column, or its place in the file (see rejects.ts), `rowId` being the
 * staged row's id as the statement reads it.
 */
export function recordExpression(lineColumn?: string, rowId = 'r.rowid'): string {
  // Rows of a table created in an open transaction are numbered from a large offset, not from 0.
  return lineColumn ? `r.${quoteIdentifier(lineColumn)}::BIGINT` : `${rowId} - (SELECT min(rowid) FROM raw)`;
}

/** How many line breaks a text holds, counted only when it has one. */
function lineBreaksIn(text: string): string {
  return `CASE WHEN contains(${text}, chr(10)) THEN strlen(${text}) - strlen(replace(${text}, chr(10), '')) ELSE 0 END`;
}

/**
 * Line breaks inside the record's values, so that a reject can name its file line (see rejects.ts).
 * Counted cell by cell: only cells that have a break pay for counting them (mostly long descriptions).
 */
function breaksExpression(columns: string[]): string {
  const cells = columns.map((c) => `r.${quoteIdentifier(c)}`);
  const counts = cells.map(lineBreaksIn);
  // A list, not a chain of +: a file may have thousands of columns, deeper than DuckDB parses. The list is
  // only built for records that have a break at all.
  return `CASE WHEN ${cells.map((cell) => `contains(${cell}, chr(10))`).join(' OR ')}
               THEN list_sum([${counts.join(',\n ')}]) ELSE 0 END::INTEGER`;
}

/**
 * The row's hash over every raw cell. DuckDB's `hash` is a fraction of the cost of md5 over the row's
 * JSON; it is not promised stable across DuckDB versions, so after an upgrade one reload may count
 * unchanged rows as updated (rewriting the same values), never the reverse in practice (64 bits).
 */
function rowHashExpression(columns: string[]): string {
  return `hash(${columns.map((c) => `r.${quoteIdentifier(c)}`).join(', ')})::VARCHAR`;
}

/**
 * An event's identity: MD5 over the row's cells as written (a NULL marked apart from an empty cell), without the
 * line, so that the same row in a re-export, in whatever order, is the same event. Stable across DuckDB versions,
 * unlike `hash` (sql/schema/014_event_source_rows.sql); it costs about half a second more per million rows.
 */
function sourceRowHashExpression(columns: string[], lineColumn?: string): string {
  return md5Bits64(sourceRowText(columns, lineColumn));
}

/**
 * 64 bits of the MD5 of `text` (the digest's last eight bytes), as UBIGINT: events are told apart only among those of
 * one ticket, where 64 bits are plenty (sql/schema/017_event_hash_64.sql). DuckDB's own `md5_number_lower` gives the
 * same bits but took half as long again as the whole mapping statement in a scratch measurement; the shift costs
 * nothing measurable.
 */
function md5Bits64(text: string): string {
  return `(md5_number(${text}) >> 64)::UBIGINT`;
}

/** The text an event's identity hashes: the row's cells as written, a NULL marked apart from an empty cell. */
function sourceRowText(columns: string[], lineColumn?: string): string {
  const cells = columns.filter((c) => c !== lineColumn).map((c) => `coalesce(r.${quoteIdentifier(c)}, chr(30))`);
  return `concat_ws(chr(31), ${cells.join(', ')})`;
}

/**
 * trim copies every cell, and most cells have nothing to trim: an ASCII cell is trimmed only when it
 * starts or ends with a space; a cell with other characters (which may be Unicode spaces) always is. `rowFlag`, when
 * given, is a test of the whole row that holds for every row with such a cell (rowMayNeedTrim): the cell's own tests
 * are then skipped in the other rows.
 */
function cleanedCell(column: string, rowFlag?: string): string {
  const cell = `r.${quoteIdentifier(column)}`;
  const cellTest = `starts_with(${cell}, ' ') OR ends_with(${cell}, ' ') OR strlen(${cell}) <> length(${cell})`;
  return `CASE WHEN ${rowFlag ? `${rowFlag} AND (${cellTest})` : cellTest} THEN trim(${cell}) ELSE ${cell} END`;
}

/**
 * Whether a row's joined cells (sourceRowText: every cell, in order, between chr(31) separators) may hold a cell to
 * trim: a cell starting with a space starts the text or follows a separator, one ending with a space ends it or
 * precedes one, and a non-ASCII character anywhere makes the text's bytes outnumber its characters. One test of the
 * text an event's identity hashes anyway, instead of three per cell: the 1 m events mapping 5.03–5.52 s against
 * 5.31–5.99 s (bench/README.md, "Loading").
 */
function rowMayNeedTrim(text: string): string {
  return `(starts_with(${text}, ' ') OR ends_with(${text}, ' ') OR contains(${text}, chr(31) || ' ') OR contains(${text}, ' ' || chr(31))
           OR strlen(${text}) <> length(${text}))`;
}

/** The columns withRowText adds to the staged rows. */
const rowTextColumns = ['staged_row', 'row_text', 'row_may_need_trim'];

/** The staged rows with their ids, their joined cells and whether a cell may need trimming (see rowTextColumns). */
function withRowText(columns: string[]): string {
  return `(SELECT t.*, ${rowMayNeedTrim('t.row_text')} AS row_may_need_trim
            FROM (SELECT r.*, r.rowid AS staged_row, ${sourceRowText(columns)} AS row_text FROM raw r) t)`;
}

/** A field's cleaned source text; the cells of a field read from several columns are joined by a space. */
export function sourceCell(spec: FieldSpec, rowFlag?: string): string {
  const cells = sourceColumns(spec).map((column) => cleanedCell(column, rowFlag));
  return cells.length === 1 ? cells[0]! : `concat_ws(' ', ${cells.join(', ')})`;
}

export function mappingToSql(mapping: Mapping, timeZone: string, source: MappedColumns): MappedSelect {
  const params: Record<string, string> = {};
  let counter = 0;
  const bind = (value: string) => {
    const name = `p${counter++}`;
    params[name] = value;
    return `$${name}`;
  };
  // A local time read in UTC is that instant: a cast (the connection's TimeZone is UTC, sql/db.ts) rather than ICU's
  // conversion, which cost about as much as parsing the text (4 M times: 0.27-0.39 s parsed, 0.59-0.71 s converted).
  const inLoadZone = (local: string) => {
    if (timeZone === 'UTC') return `${local}::TIMESTAMPTZ`;
    params.time_zone = timeZone;
    return `timezone($time_zone, ${local})`;
  };

  const passed = [
    'record', ...(source.rowHash ? ['row_hash'] : []), ...(source.sourceRowHash ? ['source_row_hash'] : []),
    ...(source.breaksCountAsLines ? ['breaks'] : []),
  ];
  // One cell per source (a column, or several joined), cleaned once however many fields and checks read it.
  const cellNames = new Map<string, { name: string; spec: FieldSpec }>();
  const cellName = (spec: FieldSpec) => {
    const key = JSON.stringify(sourceColumns(spec));
    if (!cellNames.has(key)) cellNames.set(key, { name: `cell_${cellNames.size}`, spec });
    return cellNames.get(key)!.name;
  };
  const nullTokens = mapping.nulls?.length ? mapping.nulls.map((token) => bind(token)).join(', ') : undefined;

  const parsedSelects: string[] = [];
  const finalSelects: string[] = [];
  const checks: Check[] = [];
  const leftOut: TypedField[] = [];
  const canonical = canonicalFields[mapping.kind];
  // Events: a row without a level of its own takes its team's from the mapping's `team_levels`.
  const teamSpec = mapping.fields.ticket_team;
  const levelOfTeam = mapping.teamLevels && teamSpec
    ? `CASE lower(${cellName(teamSpec)}) ${Object.entries(mapping.teamLevels).map(([team, level]) => `WHEN ${bind(team.trim().toLowerCase())} THEN ${bind(String(level))}`).join(' ')} END`
    : undefined;
  /** The field's value, else (support_level) its team's level, else the mapping's default. */
  const withFallbacks = (field: string, value: string, fallback: string | undefined) => {
    const candidates = [value, ...(field === 'support_level' && levelOfTeam ? [levelOfTeam] : []), ...(fallback === undefined ? [] : [bind(fallback)])]
      .filter((candidate) => candidate !== 'NULL');
    return candidates.length <= 1 ? candidates[0] ?? 'NULL' : `coalesce(${candidates.join(', ')})`;
  };
  for (const [field, type] of Object.entries(canonical.types)) {
    const spec = mapping.fields[field];
    const fallback = mapping.defaults?.[field];
    if (!spec) {
      const value = withFallbacks(field, 'NULL', fallback);
      if (value === 'NULL' && source.leaveOut?.includes(field)) leftOut.push({ field, type });
      else finalSelects.push(`CAST(${value} AS ${type}) AS ${quoteIdentifier(field)}`);
      continue;
    }
    const raw = cellName(spec);
    const base = spec.type === 'minutes_after' ? mapping.fields[spec.after] : undefined;
    if (spec.type === 'minutes_after' && !base) {
      // The instant it counts from is not in this file: nothing to add the minutes to.
      finalSelects.push(`CAST(NULL AS ${type}) AS ${quoteIdentifier(field)}`);
      continue;
    }
    const parsedName = `parsed_${parsedSelects.length}`;
    const parsed = base
      ? `${parseExpression(base, cellName(base), bind, inLoadZone)} + to_microseconds(CAST(round(try_cast(${raw} AS DOUBLE) * 60e6) AS BIGINT))`
      : parseExpression(spec, raw, bind, inLoadZone);
    parsedSelects.push(`${parsed} AS ${parsedName}`);
    const value = withFallbacks(field, parsedName, fallback);
    finalSelects.push(`CAST(${value} AS ${type}) AS ${quoteIdentifier(field)}`);
    if (spec.required || canonical.required.includes(field)) {
      if (fallback === undefined) checks.push({ failed: `${raw} IS NULL`, column: spec.column, raw, reason: `missing ${field}` });
    }
    if (spec.type !== 'text' && spec.type !== 'list') {
      checks.push({ failed: `${raw} IS NOT NULL AND ${parsedName} IS NULL`, column: spec.column, raw, reason: failureReason(spec, field) });
    }
  }
  const reject = (part: 'column' | 'raw' | 'reason') =>
    checks.length === 0
      ? 'NULL'
      : `CASE ${checks.map((c) => `WHEN ${c.failed} THEN ${part === 'raw' ? c.raw : bind(part === 'column' ? c.column : c.reason)}`).join(' ')} END`;
  finalSelects.push(`${reject('column')}::VARCHAR AS reject_column`, `${reject('raw')}::VARCHAR AS reject_value`, `${reject('reason')}::VARCHAR AS reject_reason`);

  // An event's joined cells (every column when no line column is left out) are hashed, and their line breaks are
  // the record's: the text is built once and searched once, not each cell again (bench/README.md, "Loading").
  const breaksFromRowText = source.sourceRowHash === true && source.breaksCountAsLines && !source.lineColumn;
  // The text is then built beneath the cells, which test it once before their own tests (rowMayNeedTrim); under names
  // no column of the file has.
  const rowTextBeneath = breaksFromRowText && !source.columns.some((column) => rowTextColumns.includes(column));
  const cells = [...cellNames.values()].map(({ name, spec }) => {
    const cleaned = sourceCell(spec, rowTextBeneath ? 'r.row_may_need_trim' : undefined);
    const value = nullTokens ? `CASE WHEN ${cleaned} IN (${nullTokens}) THEN NULL ELSE nullif(${cleaned}, '') END` : `nullif(${cleaned}, '')`;
    return `${value} AS ${name}`;
  });
  const staged = [
    `${recordExpression(source.lineColumn, rowTextBeneath ? 'r.staged_row' : undefined)} AS record`,
    ...(source.rowHash ? [`${rowHashExpression(source.columns)} AS row_hash`] : []),
    ...(breaksFromRowText
      ? [`${rowTextBeneath ? 'r.row_text' : sourceRowText(source.columns)} AS source_row_text`]
      : [
          ...(source.sourceRowHash ? [`${sourceRowHashExpression(source.columns, source.lineColumn)} AS source_row_hash`] : []),
          ...(source.breaksCountAsLines ? [`${breaksExpression(source.columns)} AS breaks`] : []),
        ]),
    ...cells,
  ];
  const fromRowText: Record<string, string> = {
    source_row_hash: `${md5Bits64('source_row_text')} AS source_row_hash`,
    breaks: `${lineBreaksIn('source_row_text')}::INTEGER AS breaks`,
  };
  const passedOn = breaksFromRowText ? passed.map((name) => fromRowText[name] ?? name) : passed;
  const sql = `SELECT ${[...passed, ...finalSelects].join(',\n       ')}
  FROM (SELECT ${[...passedOn, ...[...cellNames.values()].map((cell) => cell.name), ...parsedSelects].join(', ')}
          FROM (SELECT ${staged.join(',\n                       ')} FROM ${rowTextBeneath ? withRowText(source.columns) : 'raw'} r))`;
  return { sql, params, leftOut };
}

function parseExpression(spec: FieldSpec, raw: string, bind: (value: string) => string, inLoadZone: (local: string) => string): string {
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
        : inLoadZone(`try_strptime(${raw}, ${bind(spec.format)})`);
    case 'enum': {
      // Values are matched trimmed and whatever their case: among keys that differ only in case, the first one's wins.
      const targets = new Map<string, string>();
      for (const [from, to] of Object.entries(spec.values)) {
        const key = from.trim().toLowerCase();
        if (!targets.has(key)) targets.set(key, to);
      }
      // Most exports write each value one way, as the map's key or in lower case: a cell spelled so is matched as it is,
      // and only one that matches no spelling is lowered (a string copy per cell). 13 M event rows with two value maps:
      // 5.32-5.41 s against 5.52-5.64 s (bench/README.md, "The twelfth session").
      const spellings = new Set([...Object.keys(spec.values).map((from) => from.trim()), ...targets.keys()]);
      const cases = (froms: Iterable<string>) => [...froms].map((from) => `WHEN ${bind(from)} THEN ${bind(targets.get(from.toLowerCase())!)}`).join(' ');
      return `CASE ${raw} ${cases(spellings)} ELSE CASE lower(${raw}) ${cases(targets.keys())} END END`;
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
