// `npm run load -- … --server URL`: the same load, run by a ServicePulse server that holds the database.
// Files are chosen and ordered here exactly as for a local load, then each is uploaded (streamed from
// disk, never read into memory) to POST /api/imports and followed until it has loaded.
import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportResponse, Problem } from '../api/contracts.ts';
import { Database } from '../sql/db.ts';
import { LoadError } from './load-error.ts';
import type { LoadSummary } from './load.ts';
import { readMappingFile } from './mapping/file.ts';
import type { LoadKind } from './mapping/types.ts';
import { inLoadOrder, planFile, sourcesOfRun, type Plan } from './plan.ts';
import { formatProgressLine, type LoadPhase } from './progress.ts';
import { formatSummary, stepLabels } from './summary-line.ts';

export interface UploadRun {
  server: string;
  exports: string[];
  source?: string;
  kind?: LoadKind;
  mappingFile?: string;
  forSource?: string;
  timeZone?: string;
  strict: boolean;
  dryRun: boolean;
  /** Shows each step while a file loads (a terminal), or nothing. */
  progress?: (text: string | null) => void;
  print: (line: string) => void;
}

/** A failure of the upload itself (server unreachable, refused the file); the message is for the person. */
export class UploadError extends Error {
  override name = 'UploadError';
}

const pollMs = 200;

function importsUrl(server: string): URL {
  let base: URL;
  try {
    base = new URL(server);
  } catch {
    throw new UploadError(`--server "${server}" is not a URL (e.g. http://127.0.0.1:8080)`);
  }
  if (!['http:', 'https:'].includes(base.protocol)) throw new UploadError(`--server "${server}" must be an http:// or https:// URL`);
  return new URL('/api/imports', base);
}

/** A server with accounts takes uploads from an API token (docs/accounts.md): `SERVICEPULSE_TOKEN=sp_…`. */
function withToken(init: RequestInit = {}): RequestInit {
  const token = process.env.SERVICEPULSE_TOKEN;
  return token ? { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` } } : init;
}

async function request(url: URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, withToken(init));
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new UploadError(`cannot reach the server at ${url.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}. Is it running?`);
  }
}

/** The server's problem document as one message about the local file (the server knows only its name). */
async function problemOf(response: Response, file: string): Promise<LoadError> {
  const text = await response.text();
  let detail: string;
  try {
    const problem = JSON.parse(text) as Problem;
    detail = problem.detail ?? problem.title;
  } catch {
    detail = `the server answered ${response.status} ${response.statusText}`;
  }
  if (response.status === 401 || response.status === 403) {
    detail += ' Set SERVICEPULSE_TOKEN to an API token of a manager or admin (an admin creates one: POST /api/tokens, docs/accounts.md).';
  }
  return new LoadError(file, detail.replace(`${basename(file)}: `, ''));
}

async function upload(url: URL, plan: Plan, fields: Record<string, string>): Promise<ImportResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // A Blob backed by the file: fetch streams it from disk with a known length.
  form.append('file', await openAsBlob(plan.file), basename(plan.file));
  // Following a redirect would need the body again, so undici keeps every byte sent until the answer:
  // refusing redirects keeps the upload's memory flat (nodejs/undici#4058).
  const response = await request(url, { method: 'POST', body: form, redirect: 'error' });
  if (response.status !== 202) throw await problemOf(response, plan.file);
  return (await response.json()) as ImportResponse;
}

async function follow(url: URL, plan: Plan, accepted: ImportResponse, progress?: UploadRun['progress']): Promise<ImportResponse> {
  const location = new URL(accepted.links.self, url);
  for (;;) {
    const response = await request(location);
    if (!response.ok) throw await problemOf(response, plan.file);
    const job = (await response.json()) as ImportResponse;
    if (job.state !== 'queued' && job.state !== 'loading') return job;
    progress?.(
      job.progress
        ? formatProgressLine(job.file, {
            phase: job.progress.phase as LoadPhase, fraction: job.progress.fraction, seconds: job.progress.seconds,
            bytesRead: job.progress.bytes_read, bytes: job.bytes ?? job.progress.bytes_read, rows: job.progress.rows ?? undefined,
          })
        : `${job.file}: ${job.step ? `${stepLabels[job.step]}…` : `${job.state}…`}`,
    );
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export async function uploadAll(run: UploadRun): Promise<void> {
  const url = importsUrl(run.server);
  const custom = run.mappingFile ? await readMappingFile(run.mappingFile) : undefined;
  const mappingText = run.mappingFile ? await readFile(run.mappingFile, 'utf8') : undefined;
  // Chosen here, as a local load would, so the order and each file's source are the same; the server
  // is told the choice rather than left to guess again.
  const scratch = await Database.open(':memory:');
  const plans: Plan[] = [];
  try {
    for (const file of run.exports) plans.push(await planFile(scratch, file, { source: run.source, kind: run.kind, custom, timeZone: run.timeZone }));
  } finally {
    await scratch.close();
  }
  const sourceOf = sourcesOfRun(run.forSource);
  for (const plan of inLoadOrder(plans)) {
    const fields: Record<string, string> = {
      ...(mappingText ? { mapping: mappingText } : { source: plan.mapping.source, kind: plan.mapping.kind }),
      for_source: sourceOf(plan.mapping),
      ...(run.timeZone ? { timezone: run.timeZone } : {}),
      strict: String(run.strict),
      dry_run: String(run.dryRun),
    };
    const job = await follow(url, plan, await upload(url, plan, fields), run.progress);
    run.progress?.(null);
    // The server names the file as uploaded; say it as a local load would, by its path here.
    if (job.state === 'failed') throw new LoadError(plan.file, (job.error ?? 'failed on the server').replace(`${job.file}: `, ''));
    run.print(formatSummary(job.summary as unknown as LoadSummary, { source: job.format ?? plan.mapping.source }));
  }
}
