// Choosing how to load a file before loading it: its shape from its bytes, its mapping from its header
// (or the mapping file given). Shared by the CLI and the upload API so both pick the same mapping.
import type { Database } from '../sql/db.ts';
import type { LoadKind, Mapping } from './mapping/types.ts';
import { inspectFile, readColumns, type FileShape } from './read.ts';
import { detectMapping, loadKinds } from './sources/index.ts';

export interface Plan {
  file: string;
  shape: FileShape;
  mapping: Mapping;
  timeZone?: string;
}

export interface PlanOptions {
  /** A built-in format; undefined detects it. */
  source?: string;
  kind?: LoadKind;
  /** A mapping file's content, which wins over detection. */
  custom?: { mapping: Mapping; timeZone?: string };
  timeZone?: string;
  /** The file's shape, when the caller has inspected it already. */
  shape?: FileShape;
}

export async function planFile(db: Database, file: string, options: PlanOptions): Promise<Plan> {
  const shape = options.shape ?? (await inspectFile(file));
  const mapping = options.custom?.mapping ?? detectMapping(file, await readColumns(db, file, shape), { source: options.source, kind: options.kind });
  return { file, shape, mapping, timeZone: options.timeZone ?? options.custom?.timeZone };
}

/** Tickets before events and feedback, which refer to them. */
export function inLoadOrder<T extends { mapping: Mapping }>(plans: T[]): T[] {
  return [...plans].sort((a, b) => loadKinds.indexOf(a.mapping.kind) - loadKinds.indexOf(b.mapping.kind));
}

/**
 * The helpdesk each file of a run belongs to: `--for-source`, else the format's own, except that event
 * and feedback files in ServicePulse format take the source of the tickets loaded before them.
 */
export function sourcesOfRun(forSource?: string): (mapping: Mapping) => string {
  let ticketSource = forSource;
  return (mapping) => {
    const source = forSource ?? (mapping.source === 'servicepulse' ? ticketSource : undefined) ?? mapping.source;
    if (mapping.kind === 'tickets') ticketSource ??= source;
    return source;
  };
}
