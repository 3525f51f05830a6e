// The worker thread a large tickets load's issue assignment runs in (analyse-worker.ts), beside DuckDB's own work.
// Started when the load starts (`start`), so that its start-up (tsx compiling the modules, the language detector's
// tables: about a second of CPU) overlaps DuckDB's reading of the file rather than delaying the analysis; then given
// the texts (`assign`). A long analysis is split: the caller (the load's own thread, idle while DuckDB works) analyses
// the second half and hands its terms over (`rest`), and the thread analyses the first and groups them all. A second
// worker for that half cost its own start-up (another second of CPU on a 2-core machine whose other core is DuckDB's)
// and its own copy of the detector's tables, and its terms were copied over all the same.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { StoredGrouping } from '../../sql/issues/store.ts';
import type { AnalyseAnswer, AnalyseRequest, WorkerRow } from './analyse-worker.ts';
import type { TicketTerms } from './text.ts';

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
  private worker: Worker | null = null;
  /** Rejects the pending `assign` when the caller ends the thread before it answered (a failed load). */
  private abandon: (() => void) | null = null;
  private readonly ended = new AbortController();

  /** Starts the thread now (if it is not running). */
  start(): this {
    if (!this.worker && !this.ended.signal.aborted) this.worker = startWorker();
    return this;
  }

  /**
   * The terms of `rows` and their assignment against `stored`, on the thread (started now if it was not), with
   * `rest`: the terms of more tickets, numbered on after `rows`, that the caller analyses meanwhile. Tickets are
   * numbered by position. Null when the thread could not start or failed, or `rest` failed (the caller then does the
   * work itself). Rejects when the caller ends the thread first (`close`): the load has failed and wants no fallback
   * work done.
   */
  assign(stored: StoredGrouping, rows: readonly WorkerRow[], rest?: Promise<TicketTerms[]>): Promise<AnalyseAnswer | null> {
    if (this.worker && exited.has(this.worker)) this.worker = null;
    const lead = this.start().worker;
    if (!lead) {
      this.close(); // the caller's share stops: the caller does all the work now
      return Promise.resolve(null);
    }
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
      if (!rest) {
        lead.postMessage({ stored, rows: [...rows] } satisfies AnalyseRequest);
        return;
      }
      const { port1, port2 } = new MessageChannel();
      lead.postMessage({ stored, rows: [...rows], rest: port1 } satisfies AnalyseRequest, [port1]);
      rest.then(
        (texts) => {
          if (!settled) port2.postMessage(texts);
          port2.close();
        },
        () => {
          port2.close();
          settle(null);
        },
      );
    });
  }

  /** Aborted once the thread is ended: the caller's share of the analysis stops then too. */
  get signal(): AbortSignal {
    return this.ended.signal;
  }

  /** Threads started and not yet ended (0 or 1). */
  get size(): number {
    return this.worker ? 1 : 0;
  }

  /** Ends the thread (after `assign`, or when the load did not need it). */
  close(): void {
    const abandon = this.abandon;
    this.abandon = null;
    abandon?.();
    this.ended.abort();
    if (this.worker) void this.worker.terminate();
    this.worker = null;
  }
}
