// Accepted imports run in the background, one at a time in arrival order (the database takes one write
// at a time anyway); their progress is kept here for `GET /api/imports/:id`.
import { rm } from 'node:fs/promises';
import type { Database } from '../../sql/db.ts';
import { hideServerPaths } from '../../pipelines/hide-server-paths.ts';
import { LoadError, loadFile, type LoadSummary } from '../../pipelines/load.ts';
import type { Plan } from '../../pipelines/plan.ts';
import type { ImportResponse } from '../contracts.ts';
import type { ImportJournal } from './journal.ts';

export interface ImportRequest {
  id: string;
  plan: Plan;
  /** The file's name as the client knows it; replaces the stored path in messages. */
  displayName: string;
  bytes: number;
  /** The helpdesk the records belong to (default: the mapping's source). */
  source?: string;
  strict: boolean;
  dryRun: boolean;
  /** A folder removed once the load is over (an upload's own). */
  cleanUp?: string;
}

/** Finished imports remembered for `GET /api/imports/:id`; older ones are still listed from `loads`. */
const rememberedFinished = 500;

export function importLinks(id: string, loadId: number | null) {
  return { self: `/api/imports/${id}`, rejects: loadId === null ? null : `/api/imports/${loadId}/rejects` };
}

export class ImportQueue {
  private readonly jobs = new Map<string, ImportResponse>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly logError: (error: unknown) => void,
    /** Told of every change of state or step (logs, tests). */
    private readonly onChange: (job: Readonly<ImportResponse>) => void = () => {},
    /** Notes each accepted import until its load has ended, so a stop of the server cannot lose it unreported. */
    private readonly journal?: ImportJournal,
  ) {}

  enqueue(request: ImportRequest): ImportResponse {
    const { plan } = request;
    const job: ImportResponse = {
      id: request.id, load_id: null, state: 'queued', step: null, file: request.displayName, bytes: request.bytes,
      format: plan.mapping.source, source: request.source ?? plan.mapping.source, kind: plan.mapping.kind,
      progress: null, started_at: null, finished_at: null, rows: null, top_rejects: [], summary: null, error: null,
      links: importLinks(request.id, null),
    };
    this.journal?.note(
      { id: job.id, file: job.file, bytes: request.bytes, source: job.source, kind: job.kind, accepted_at: new Date().toISOString() },
      request.cleanUp,
    );
    this.jobs.set(job.id, job);
    this.onChange(job);
    this.tail = this.tail.then(() => this.run(job, request));
    this.forgetOldest();
    return job;
  }

  get(id: string): ImportResponse | undefined {
    return this.jobs.get(id);
  }

  /** Queued and loading imports, oldest first. */
  underWay(): ImportResponse[] {
    return [...this.jobs.values()].filter((job) => job.state === 'queued' || job.state === 'loading');
  }

  /** Resolves when every import accepted so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(job: ImportResponse, request: ImportRequest): Promise<void> {
    job.state = 'loading';
    job.started_at = new Date().toISOString();
    this.onChange(job);
    const { plan } = request;
    let outcome: { summary: LoadSummary } | { error: unknown };
    try {
      const summary = await loadFile(this.db, {
        file: plan.file, shape: plan.shape, mapping: plan.mapping, source: request.source, timeZone: plan.timeZone, importId: request.id,
        strict: request.strict, dryRun: request.dryRun, onStep: (step) => {
          job.step = step;
          this.onChange(job);
        },
        onProgress: (progress) => {
          job.progress = { phase: progress.phase, fraction: progress.fraction, seconds: progress.seconds, bytes_read: progress.bytesRead, rows: progress.rows ?? null };
        },
      });
      outcome = { summary };
    } catch (error) {
      outcome = { error };
    }
    // The load is recorded in `loads` (or was a dry run, or failed before it could be): nothing left to recover.
    this.journal?.forget(job.id);
    // Cleaned up before the job says it finished, so a client that sees "committed" never finds the upload still there.
    if (request.cleanUp) await rm(request.cleanUp, { recursive: true, force: true }).catch(this.logError);
    if ('summary' in outcome) this.finish(job, outcome.summary, request);
    else {
      job.state = 'failed';
      job.error = hideServerPaths((outcome.error as Error).message, plan.file, request.displayName);
    }
    job.finished_at = new Date().toISOString();
    this.onChange(job);
    if ('error' in outcome && !(outcome.error instanceof LoadError)) this.logError(outcome.error);
  }

  private finish(job: ImportResponse, summary: LoadSummary, request: ImportRequest) {
    job.state = summary.dryRun ? 'dry_run' : 'committed';
    job.load_id = summary.dryRun ? null : summary.loadId;
    job.rows = { read: summary.rowsRead, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected };
    job.top_rejects = summary.topRejects;
    job.summary = { ...summary, file: request.displayName };
    job.links = importLinks(job.id, job.load_id);
  }

  private forgetOldest() {
    const finished = [...this.jobs.values()].filter((job) => job.finished_at !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - rememberedFinished))) this.jobs.delete(job.id);
  }
}
