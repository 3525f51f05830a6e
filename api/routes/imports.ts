// `POST /api/imports` (an upload, or a file in the import folder), its progress, and the history of loads.
import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { describeRoute, resolver, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { hideServerPaths } from '../../pipelines/hide-server-paths.ts';
import { LoadError } from '../../pipelines/load-error.ts';
import { planFile } from '../../pipelines/plan.ts';
import { defaultReadLimits, FileLimitError, inspectFile, type ReadLimits } from '../../pipelines/read.ts';
import { importListResponseSchema, importResponseSchema, rejectsResponseSchema, type ImportListResponse } from '../contracts.ts';
import { resolveImportPath } from '../imports/allowed-path.ts';
import { readImport, readLoad, readLoads, readRejects } from '../imports/history.ts';
import { parseImportOptions, pathImport, uploadFields, type ImportOptions } from '../imports/options.ts';
import type { ImportQueue } from '../imports/queue.ts';
import { acceptedList } from '../imports/accepted.ts';
import { receiveUpload } from '../imports/receive-upload.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { bodyTooLarge, jsonBodyLimitBytes } from '../body-limit.ts';
import { offsetOf, pageQuery } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';

export interface ImportSettings {
  /** Uploads are written under it; `{ "path" }` imports may name only files inside it. */
  folder: string;
  uploadLimitBytes: number;
  /** The most a gzip upload may hold once inflated (default pipelines/read.ts `defaultReadLimits`). */
  decompressedLimitBytes?: number;
  /** The longest line of a CSV export; smaller than DuckDB's own limit only in tests. */
  lineLimitBytes?: number;
}

const importId = z.object({ id: z.union([z.uuid(), z.string().regex(/^\d{1,15}$/)], 'expected an import id or a load id') });
const loadId = z.object({ id: z.string().regex(/^\d{1,15}$/, 'expected a load id (a number)') });

const uploadForm = uploadFields.extend({ file: z.file().meta({ description: `The export: ${acceptedList}.` }) });
const progressHeader = { Location: { description: 'Where to follow the import.', schema: { type: 'string' as const } } };

const describeImports = {
  create: describeRoute({
    tags: ['imports'],
    summary: 'Import a helpdesk export: an upload, or a file in the import folder',
    description: 'The file is checked and its mapping chosen at once; the load itself runs in the background.',
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': { schema: resolver(uploadForm) },
        'application/json': { schema: resolver(pathImport) },
      },
    },
    responses: {
      202: json('Accepted and queued; follow it at `Location`.', importResponseSchema, progressHeader),
      ...problems({
        400: `${invalidRequest} Also a malformed upload or mapping.`,
        403: 'The path is outside the import folder.',
        404: 'No file at the path.',
        413: 'The upload or the JSON body is larger than allowed, or a gzip file holds more than allowed once decompressed.',
        415: 'Neither multipart/form-data nor JSON, or the file is not an export ServicePulse reads.',
        422: 'The file reads, but no mapping fits it; or a CSV line is longer than a record may be.',
      }),
    },
  }),
  list: describeRoute({
    tags: ['imports'],
    summary: 'Imports under way, then past loads, newest first',
    responses: { 200: json('A page of imports.', importListResponseSchema), ...problems({ 400: invalidRequest }) },
  }),
  get: describeRoute({
    tags: ['imports'],
    summary: 'One import: its state, progress and counts',
    responses: { 200: json('The import.', importResponseSchema), ...problems({ 400: invalidRequest, 404: 'There is no such import.' }) },
  }),
  rejects: describeRoute({
    tags: ['imports'],
    summary: "A load's rejected rows, in line order",
    responses: { 200: json('A page of rejects.', rejectsResponseSchema), ...problems({ 400: invalidRequest, 404: 'There is no such load.' }) },
  }),
};

/** A refused file's message names it as the client knows it, not by where the server stored it. */
function refusal(error: LoadError, stored: string, name: string, status: 415 | 422): ProblemError {
  const detail = hideServerPaths(error.message, stored, name);
  if (error instanceof FileLimitError) {
    // Too much inflated data is a size problem (413); a line too long to be a record, a content one (422).
    return error.limit === 'decompressedBytes'
      ? new ProblemError(413, 'Upload too large once decompressed', `${detail} (SERVICEPULSE_DECOMPRESSED_LIMIT).`, { limit_bytes: error.limitBytes })
      : new ProblemError(422, 'Cannot load this file', `${detail}.`, { limit_bytes: error.limitBytes });
  }
  const title = status === 415 ? 'Unsupported file content' : 'Cannot load this file';
  return new ProblemError(status, title, detail);
}

async function readJson(request: Request): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  // Node's ReadableStream is async-iterable; the DOM typings the web checks this file with do not say so.
  for await (const chunk of (request.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    length += chunk.length;
    // A path import's JSON is small (a mapping at most); a larger body is refused, not buffered.
    if (length > jsonBodyLimitBytes) throw bodyTooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ProblemError(400, 'Invalid request', 'The body is not JSON.');
  }
}

export function importRoutes(db: Database, settings: ImportSettings, queue: ImportQueue) {
  /** Checks the file's bytes and picks its mapping now, so a file that cannot load is refused at once. */
  const readLimits: ReadLimits = {
    decompressedBytes: settings.decompressedLimitBytes ?? defaultReadLimits.decompressedBytes,
    lineBytes: settings.lineLimitBytes ?? defaultReadLimits.lineBytes,
  };

  async function accept(c: Context, id: string, file: { path: string; name: string; bytes: number }, options: ImportOptions, cleanUp?: string) {
    const shape = await inspectFile(file.path, readLimits).catch((error: unknown) => {
      throw error instanceof LoadError ? refusal(error, file.path, file.name, 415) : error;
    });
    const plan = await planFile(db, file.path, { ...options.plan, shape }).catch((error: unknown) => {
      throw error instanceof LoadError ? refusal(error, file.path, file.name, 422) : error;
    });
    const job = queue.enqueue({
      id, plan, displayName: file.name, bytes: file.bytes, source: options.forSource, strict: options.strict, dryRun: options.dryRun, cleanUp,
    });
    return c.json(job, 202, { Location: job.links.self });
  }

  async function upload(c: Context, id: string) {
    const folder = join(settings.folder, 'uploads', id);
    const received = await receiveUpload(c.req.raw, folder, settings.uploadLimitBytes);
    try {
      return await accept(c, id, received, parseImportOptions(uploadFields, received.fields), folder);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  async function fromPath(c: Context, id: string) {
    const options = parseImportOptions(pathImport, await readJson(c.req.raw));
    const path = await resolveImportPath(settings.folder, options.path!);
    const { size } = await stat(path);
    return accept(c, id, { path, name: basename(path), bytes: size }, options);
  }

  return new Hono()
    .post('/', describeImports.create, async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (/^multipart\/form-data/i.test(type)) return upload(c, randomUUID());
      if (/^application\/json/i.test(type)) return fromPath(c, randomUUID());
      throw new ProblemError(415, 'Unsupported request', 'Send the export as multipart/form-data (field "file"), or JSON { "path": … } naming a file in the import folder.');
    })
    .get('/', describeImports.list, validator('query', pageQuery(500, 50), validationHook), async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const underWay = cursor === undefined ? queue.underWay() : [];
      const loads = await readLoads(db, cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(cursor), limit);
      const body: ImportListResponse = {
        imports: [...underWay, ...loads],
        next_cursor: loads.length === limit ? String(loads.at(-1)!.load_id) : null,
      };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/:id', describeImports.get, validator('param', importId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const found = queue.get(id) ?? (/^\d+$/.test(id) ? await readLoad(db, Number(id)) : await readImport(db, id));
      if (!found) throw new ProblemError(404, 'Unknown import', `There is no import ${id}.`);
      return c.json(found, 200, { 'Cache-Control': 'no-store' });
    })
    .get('/:id/rejects', describeImports.rejects, validator('param', loadId, validationHook), validator('query', pageQuery(1000, 100), validationHook), async (c) => {
      const id = Number(c.req.valid('param').id);
      const { limit, cursor } = c.req.valid('query');
      if (!(await readLoad(db, id))) throw new ProblemError(404, 'Unknown load', `There is no load ${id}.`);
      return c.json(await readRejects(db, id, limit, offsetOf(cursor)));
    });
}
