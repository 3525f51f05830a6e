// The worker threads a large tickets load's issue assignment runs in (analyse-worker.ts), beside DuckDB's own work.
// Started when the load starts (`start`), so that their start-up (tsx compiling the modules, the language detector's
// tables: about a second of CPU each) overlaps DuckDB's reading of the file rather than delaying the analysis; then
// given the texts (`assign`). With two threads the texts are split in halves: the helper analyses the second half and
// hands its terms to the lead, which analyses the first and groups them all. Two threads pay off only where the
// analysis is long (a 2-core machine's other core is DuckDB's too), hence `SPLIT_MIN_TEXTS`.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { StoredGrouping } from '../../sql/issues/store.ts';
import type { AnalyseAnswer, AnalyseRequest, WorkerRow } from './analyse-worker.ts';

/** From this many texts on, the analysis is split over two threads. */
export const SPLIT_MIN_TEXTS = 20_000;

/** A running analysis thread, or null when none could be started (a load never fails for want of a thread). */
function startWorker(): Worker | null {
  try {
    // Node 20 does not pass `--import tsx` hooks on to a worker's entry module, so the worker registers tsx itself.
    const entry = JSON.stringify(new URL('./analyse-worker.ts', import.meta.url).href);
    const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); })`, { eval: true });
    // A worker that fails before it is given work must not take the process down with an unhandled 'error', and
    // must not be given work it would never answer.
    worker.on('error', () => {});
    worker.once('exit', () => exited.add(worker));
    return worker;
  } catch {
    return null;
  }
}

const exited = new WeakSet<Worker>();

export class AnalysisThreads {
  private readonly workers: Worker[] = [];
  /** Rejects the pending `assign` when the caller ends the threads before they answered (a failed load). */
  private abandon: (() => void) | null = null;

  /** Starts `count` threads now (1 or 2; more are never used). */
  start(count: number): this {
    while (this.workers.length < Math.min(count, 2)) {
      const worker = startWorker();
      if (!worker) break;
      this.workers.push(worker);
    }
    return this;
  }

  /**
   * The terms of `rows` and their assignment against `stored` (tickets numbered by position in `rows`), on the
   * threads started (one is started now if none was); null when a thread could not start or failed (the caller
   * then does the work itself). A helper started for a load with fewer than `splitMin` texts is let go. Rejects
   * when the caller ends the threads first (`close`): the load has failed and wants no fallback work done.
   */
  assign(stored: StoredGrouping, rows: readonly WorkerRow[], splitMin = SPLIT_MIN_TEXTS): Promise<AnalyseAnswer | null> {
    if (this.workers.some((w) => exited.has(w))) this.close();
    if (this.workers.length === 0) this.start(1);
    const [lead, helper] = this.workers;
    if (!lead) return Promise.resolve(null);
    const split = helper && rows.length >= splitMin ? Math.ceil(rows.length / 2) : rows.length;
    if (helper && split === rows.length) void helper.terminate();
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (value: AnalyseAnswer | null) => {
        if (settled) return;
        settled = true;
        this.abandon = null;
        resolve(value);
        this.close();
      };
      this.abandon = () => {
        settled = true;
        reject(new Error('the issue analysis was abandoned: its load ended first'));
      };
      lead.once('message', settle);
      lead.once('error', () => settle(null));
      lead.once('exit', () => settle(null));
      if (split === rows.length) {
        lead.postMessage({ kind: 'assign', stored, rows: [...rows] } satisfies AnalyseRequest);
        return;
      }
      const { port1, port2 } = new MessageChannel();
      let helped = false;
      helper!.once('message', () => (helped = true));
      helper!.once('error', () => settle(null));
      helper!.once('exit', () => helped || settle(null));
      lead.postMessage({ kind: 'assign', stored, rows: rows.slice(0, split), helper: port1 } satisfies AnalyseRequest, [port1]);
      helper!.postMessage({ kind: 'analyse', rows: rows.slice(split), lead: port2 } satisfies AnalyseRequest, [port2]);
    });
  }

  /** Threads started and not yet ended. */
  get size(): number {
    return this.workers.length;
  }

  /** Ends the threads (after `assign`, or when the load did not need them). */
  close(): void {
    const abandon = this.abandon;
    this.abandon = null;
    abandon?.();
    for (const worker of this.workers.splice(0)) void worker.terminate();
  }
}
