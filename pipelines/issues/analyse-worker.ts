// A worker thread's side of a large tickets load's issue assignment (pipelines/assign-issues.ts): the texts' terms
// and their assignment to the stored issues, which are plain JavaScript and would otherwise hold the load's one
// thread while DuckDB prepares the rows on its own threads. Tickets are numbered by their position here; the load
// puts their ids in once it knows them.
import { parentPort } from 'node:worker_threads';
import { assignAnalysed, safeTicketTerms, type TextRow } from '../assign-issues.ts';
import type { StoredGrouping } from '../../sql/issues/store.ts';

export interface AnalyseRequest {
  stored: StoredGrouping;
  rows: Pick<TextRow, 'subject' | 'description'>[];
}

parentPort!.once('message', ({ stored, rows }: AnalyseRequest) => {
  const texts = rows.map(safeTicketTerms);
  const changes = texts.length > 0 ? assignAnalysed(stored, texts.map((_, i) => i), texts) : null;
  parentPort!.postMessage({ texts, changes });
});
