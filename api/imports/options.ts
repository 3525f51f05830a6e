// What a client may say about an import, the same whether it uploads a file (form fields, all text) or
// names one on the server (JSON).
import { z } from 'zod';
import { LoadError } from '../../pipelines/load-error.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import type { LoadKind } from '../../pipelines/mapping/types.ts';
import type { PlanOptions } from '../../pipelines/plan.ts';
import { builtInSources, loadKinds } from '../../pipelines/sources/index.ts';
import { ProblemError } from '../problem.ts';
import { invalidRequest } from '../validation.ts';

const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on']).transform((text) => ['true', '1', 'on'].includes(text))]);

/** A mapping file's content: JSON text in a form, an object or text in a JSON body (checked by mappingFromJson). */
const mappingJson = z.unknown().transform((value, ctx) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
    return z.NEVER;
  }
});

const importOptions = z.object({
  /** The export's format, as `npm run load --source`. */
  source: z.enum(['auto', ...builtInSources]).optional(),
  kind: z.enum(loadKinds as [LoadKind, ...LoadKind[]]).optional(),
  /** A mapping file's content. */
  mapping: mappingJson.optional(),
  /** The helpdesk the records belong to, as `--for-source`. */
  for_source: z.string().max(64).regex(/^[a-z0-9_-]+$/, 'use lowercase letters, digits, - and _').optional(),
  timezone: z.string().min(1).max(64).optional(),
  strict: flag.default(false),
  dry_run: flag.default(false),
});

export const uploadFields = importOptions.strict();
export const pathImport = importOptions.extend({ path: z.string().min(1).max(4096) }).strict();

export interface ImportOptions {
  plan: PlanOptions;
  forSource?: string;
  strict: boolean;
  dryRun: boolean;
}

export function parseImportOptions(schema: typeof uploadFields | typeof pathImport, input: unknown): ImportOptions & { path?: string } {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidRequest(parsed.error);
  const options = parsed.data;
  let custom: PlanOptions['custom'];
  try {
    custom = options.mapping === undefined ? undefined : mappingFromJson(options.mapping, 'mapping');
  } catch (error) {
    if (error instanceof LoadError) throw new ProblemError(400, 'Invalid mapping', error.message);
    throw error;
  }
  return {
    path: 'path' in options ? (options.path as string) : undefined,
    plan: { source: options.source === 'auto' ? undefined : options.source, kind: options.kind, custom, timeZone: options.timezone },
    forSource: options.for_source,
    strict: options.strict,
    dryRun: options.dry_run,
  };
}
