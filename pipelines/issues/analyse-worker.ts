// A worker thread's side of a large tickets load's issue assignment (analysis-threads.ts): the texts' terms and their
// assignment to the stored issues, which are plain JavaScript and would otherwise hold the load's one thread while
// DuckDB prepares the rows on its own threads. Tickets are numbered by their position here; the load puts their ids
// in once it knows them. The thread analyses its rows and groups them with those the load's own thread analysed
// meanwhile, whose terms come over `rest` (rows after this thread's); only the changes go back, not the terms.
import { parentPort, type MessagePort } from 'node:worker_threads';
import { assignAnalysed, safeTicketTerms, type TextRow } from '../assign-issues.ts';
import type { GroupingChanges, StoredGrouping } from '../../sql/issues/store.ts';
import type { TicketTerms } from './text.ts';

export type WorkerRow = Pick<TextRow, 'subject' | 'description'>;

export interface AnalyseRequest {
  stored: StoredGrouping;
  rows: WorkerRow[];
  rest?: MessagePort;
}

/** The lead's answer; its times are the benchmark's breakdown (bench/issues-child.ts). */
export interface AnalyseAnswer {
  changes: GroupingChanges | null;
  /** Seconds the thread spent analysing its texts, waiting for the rest's terms, and grouping them all. */
  seconds: { analyse: number; wait: number; group: number };
}

parentPort!.once('message', (request: AnalyseRequest) => {
  const started = performance.now();
  const texts = request.rows.map(safeTicketTerms);
  const analysed = performance.now();
  const { stored, rest } = request;
  const finish = (all: TicketTerms[]) => {
    const received = performance.now();
    const changes = all.length > 0 ? assignAnalysed(stored, all.map((_, i) => i), all) : null;
    const seconds = { analyse: (analysed - started) / 1000, wait: (received - analysed) / 1000, group: (performance.now() - received) / 1000 };
    parentPort!.postMessage({ changes, seconds } satisfies AnalyseAnswer);
  };
  if (!rest) finish(texts);
  else
    rest.once('message', (theirs: TicketTerms[]) => {
      rest.close();
      finish(texts.concat(theirs));
    });
});
