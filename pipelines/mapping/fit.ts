// Fits a mapping to the columns a file really has: an optional field whose column is absent is left
// out (its canonical value stays NULL); a required one makes the file unloadable with this mapping.
import { LoadError } from '../load-error.ts';
import { canonicalFields } from './canonical.ts';
import { sourceColumns, type FieldSpec, type Mapping } from './types.ts';

export interface FittedMapping {
  mapping: Mapping;
  /** Optional fields left out because their column is not in the file. */
  absent: string[];
}

const readsPresentColumns = (spec: FieldSpec, columns: readonly string[]) => sourceColumns(spec).every((column) => columns.includes(column));

export function missingRequiredColumns(mapping: Mapping, columns: readonly string[]): string[] {
  return Object.entries(mapping.fields)
    .filter(([field, spec]) => (spec.required || canonicalFields[mapping.kind].required.includes(field)) && !readsPresentColumns(spec, columns))
    .map(([field, spec]) => `${sourceColumns(spec).filter((column) => !columns.includes(column)).map((c) => `"${c}"`).join(', ')} (for ${field})`);
}

export function fitMapping(mapping: Mapping, columns: readonly string[], file: string): FittedMapping {
  for (const field of canonicalFields[mapping.kind].required) {
    if (!mapping.fields[field] && !mapping.unknownFields?.includes(field) && mapping.defaults?.[field] === undefined) throw new LoadError(file, `the ${mapping.source} mapping does not map the required field ${field}`);
  }
  const missing = missingRequiredColumns(mapping, columns);
  if (missing.length > 0) {
    throw new LoadError(
      file,
      `is not a ${mapping.source} ${mapping.kind} export: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ` +
        `Columns found: ${columns.map((name) => `"${name}"`).join(', ')}.`,
    );
  }
  const present = Object.entries(mapping.fields).filter(([, spec]) => readsPresentColumns(spec, columns));
  return {
    mapping: { ...mapping, fields: Object.fromEntries(present) },
    absent: Object.keys(mapping.fields).filter((field) => !readsPresentColumns(mapping.fields[field]!, columns)),
  };
}
