// Mapping files: how a person describes an export ServicePulse has no built-in mapping for.
// Validated before anything is read, with errors that name the field and suggest the closest one.
import { z } from 'zod';
import { LoadError, readJsonFile } from '../load-error.ts';
import { canonicalFields, vocabularies } from './canonical.ts';
import { closest } from './closest.ts';
import type { FieldSpec, LoadKind, Mapping } from './types.ts';

const fieldSpecSchema = z
    .object({
      column: z.string().min(1).optional(),
      /** Timestamps only: several columns (e.g. a date and a time) joined by a space before parsing. */
      columns: z.array(z.string().min(1)).min(2).optional(),
      type: z.enum(['text', 'integer', 'number', 'timestamp', 'enum', 'list']).optional(),
      format: z.string().min(1).optional(),
      // A level may be written as a number ("L2": 2); every canonical value is text.
      values: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
      separator: z.string().min(1).optional(),
      required: z.boolean().optional(),
    })
    .strict();

// A field is a column name or a spec object; specs are checked one by one so errors point inside them.
const fieldSchema = z.union([z.string().min(1), z.record(z.string(), z.unknown())]);

export const mappingFileSchema = z
  .object({
    source: z.string().regex(/^[a-z0-9_-]+$/, 'use lowercase letters, digits, - and _'),
    kind: z.enum(['tickets', 'events', 'messages', 'feedback']),
    /** strptime format for every timestamp field without its own `format`; omit for ISO 8601. */
    timestamp_format: z.string().min(1).optional(),
    /** IANA zone of timestamps written without an offset. */
    time_zone: z.string().min(1).optional(),
    fields: z.record(z.string(), fieldSchema),
    /** Canonical values for fields without a column, or for empty cells. */
    defaults: z.record(z.string(), z.string()).optional(),
    /** Events only: create tickets that are not loaded yet from their events. */
    creates_tickets: z.boolean().optional(),
    /** Cell values meaning "no value" besides the empty cell, e.g. ["?", "N/A"]. */
    null_values: z.array(z.string()).optional(),
    /** A snapshot log (a row per change of each record): per id, the row latest by this canonical field wins. */
    latest_by: z.string().min(1).optional(),
    /** Required fields the export does not have at all; they load as NULL and the load warns (tickets: created_at). */
    unknown_fields: z.array(z.string().min(1)).optional(),
    /** "as_declared": the day/month order of timestamp formats is certain; skip the mixed-order check. */
    date_order: z.enum(['check', 'as_declared']).optional(),
    /** Events only: the support level of each team the rows' `ticket_team` names, for rows without a level of their own. */
    team_levels: z.record(z.string(), z.number().int().min(1).max(3)).optional(),
  })
  .strict();

/** Required fields an export may lack entirely: only those the tables can hold as NULL. */
const mayBeUnknown: Record<LoadKind, string[]> = { tickets: ['created_at'], events: [], messages: [], feedback: [] };

export type MappingFile = z.infer<typeof mappingFileSchema>;

/** The type a canonical field is parsed as when the mapping file does not say. */
function defaultType(kind: LoadKind, field: string, spec: { values?: unknown; separator?: unknown }): FieldSpec['type'] {
  if (spec.values) return 'enum';
  if (spec.separator) return 'list';
  const sqlType = canonicalFields[kind].types[field];
  if (sqlType === 'TIMESTAMPTZ') return 'timestamp';
  if (sqlType === 'INTEGER') return 'integer';
  if (sqlType === 'DOUBLE') return 'number';
  if (sqlType === 'VARCHAR[]') return 'list';
  return 'text';
}

export function mappingFromFile(parsed: MappingFile, where: string): { mapping: Mapping; timeZone?: string } {
  const known = Object.keys(canonicalFields[parsed.kind].types);
  const fields: Record<string, FieldSpec> = {};
  for (const [field, raw] of Object.entries(parsed.fields)) {
    if (!known.includes(field)) {
      const suggestion = closest(field, known);
      throw new LoadError(
        where,
        `unknown ${parsed.kind} field "${field}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. Known fields: ${known.join(', ')}`,
      );
    }
    const given = typeof raw === 'string' ? { column: raw } : parseFieldSpec(raw, field, where);
    if ((given.column === undefined) === (given.columns === undefined)) throw new LoadError(where, `field "${field}" needs either "column" or "columns"`);
    const spec = { ...given, column: given.column ?? given.columns!.join(' + ') };
    const vocabulary = vocabularies[parsed.kind][field];
    if (vocabulary) {
      // Without a value map, the file's values must be the canonical ones (in any letter case).
      const values = spec.values ?? Object.fromEntries(vocabulary.map((value) => [value, value]));
      const wrong = Object.entries(values).find(([, to]) => !vocabulary.includes(to));
      if (wrong) throw new LoadError(where, `field "${field}" maps "${wrong[0]}" to "${wrong[1]}", which is not one of ${vocabulary.join(', ')}`);
      fields[field] = { column: spec.column, type: 'enum', values, required: spec.required };
      continue;
    }
    const type = spec.type ?? defaultType(parsed.kind, field, spec);
    if (spec.columns && type !== 'timestamp') throw new LoadError(where, `field "${field}": "columns" joins the cells of a timestamp only`);
    if (type === 'enum' && !spec.values) throw new LoadError(where, `field "${field}" is an enum but has no "values" map`);
    fields[field] = {
      column: spec.column,
      type,
      required: spec.required,
      ...(type === 'timestamp' && (spec.format ?? parsed.timestamp_format) ? { format: spec.format ?? parsed.timestamp_format } : {}),
      ...(spec.columns ? { columns: spec.columns } : {}),
      ...(type === 'enum' ? { values: spec.values } : {}),
      ...(type === 'list' ? { separator: spec.separator ?? ',' } : {}),
    } as FieldSpec;
  }
  const defaults = parsed.defaults ?? {};
  for (const [field, value] of Object.entries(defaults)) {
    if (!known.includes(field)) {
      const suggestion = closest(field, known);
      throw new LoadError(where, `unknown ${parsed.kind} field "${field}" in defaults${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    }
    const vocabulary = vocabularies[parsed.kind][field];
    if (vocabulary && !vocabulary.includes(value)) throw new LoadError(where, `default ${field} "${value}" is not one of ${vocabulary.join(', ')}`);
  }
  if (parsed.creates_tickets && parsed.kind !== 'events') throw new LoadError(where, '"creates_tickets" applies to events mappings only');
  if (parsed.team_levels) {
    if (parsed.kind !== 'events') throw new LoadError(where, '"team_levels" applies to events mappings only');
    if (!fields.ticket_team) throw new LoadError(where, '"team_levels" gives the levels of the teams in "ticket_team", which the mapping does not map');
  }
  if (parsed.latest_by) {
    if (parsed.kind === 'events' || parsed.kind === 'messages') throw new LoadError(where, '"latest_by" applies to tickets and feedback mappings');
    if (!fields[parsed.latest_by]) throw new LoadError(where, `"latest_by" names "${parsed.latest_by}", which the mapping does not map`);
  }
  const unknownFields = parsed.unknown_fields ?? [];
  for (const field of unknownFields) {
    if (!mayBeUnknown[parsed.kind].includes(field)) {
      throw new LoadError(where, `"unknown_fields" may name ${mayBeUnknown[parsed.kind].map((f) => `"${f}"`).join(', ') || 'no field'} for ${parsed.kind}, not "${field}"`);
    }
    if (fields[field] || defaults[field] !== undefined) throw new LoadError(where, `"${field}" is in "unknown_fields" but the mapping also maps it`);
  }
  const missing = canonicalFields[parsed.kind].required.filter((field) => !fields[field] && defaults[field] === undefined && !unknownFields.includes(field));
  if (missing.length > 0) throw new LoadError(where, `a ${parsed.kind} mapping must map ${missing.map((f) => `"${f}"`).join(', ')}`);
  return {
    mapping: {
      source: parsed.source, kind: parsed.kind, fields, defaults, createsTickets: parsed.creates_tickets ?? false,
      nulls: parsed.null_values, latestBy: parsed.latest_by,
      ...(unknownFields.length > 0 ? { unknownFields } : {}), ...(parsed.date_order ? { dateOrder: parsed.date_order } : {}),
      ...(parsed.team_levels ? { teamLevels: parsed.team_levels } : {}),
    },
    timeZone: parsed.time_zone,
  };
}

export async function readMappingFile(path: string): Promise<{ mapping: Mapping; timeZone?: string }> {
  return mappingFromJson(await readJsonFile(path, 'mapping'), path);
}

/** A parsed mapping file's content (e.g. sent with an upload); `where` names it in errors. */
export function mappingFromJson(json: unknown, where: string): { mapping: Mapping; timeZone?: string } {
  const result = mappingFileSchema.safeParse(withoutComments(json));
  if (!result.success) throw describeIssue(rootCause(result.error.issues), [], Object.keys(mappingFileSchema.shape), where);
  return mappingFromFile(result.data, where);
}

/**
 * JSON has no comments, so a mapping file writes them as keys starting with "//" (`"//": "why"`, `"// actor": "…"`),
 * in any object of the file; they are dropped before the file is checked. The printed skeleton explains itself so.
 */
export const commentKeyPrefix = '//';

function withoutComments(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutComments);
  if (json === null || typeof json !== 'object') return json;
  return Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith(commentKeyPrefix)).map(([key, value]) => [key, withoutComments(value)]));
}

const specKeys = Object.keys(fieldSpecSchema.shape);

function parseFieldSpec(raw: Record<string, unknown>, field: string, where: string): z.infer<typeof fieldSpecSchema> {
  const result = fieldSpecSchema.safeParse(raw);
  if (!result.success) throw describeIssue(rootCause(result.error.issues), ['fields', field], specKeys, where);
  return result.data;
}

/** A misspelt key also shows up as a missing one; the misspelling is what the person needs to hear. */
function rootCause(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  return issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0]!;
}

function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[], keys: string[], where: string): LoadError {
  const path = [...prefix, ...issue.path].map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const suggestion = closest(key, keys);
    return new LoadError(where, `unknown key "${key}"${path.length ? ` in ${path.join('.')}` : ''}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
  }
  return new LoadError(where, `${path.join('.') || '(root)'}: ${issue.message}`);
}

// The skeleton is pure (no file access), so the dashboard builds the same one from a refused upload's columns.
export { mappingSkeleton } from './skeleton.ts';
