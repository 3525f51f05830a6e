// A worker thread's side of a large tickets load's issue assignment (analysis-threads.ts): the texts' terms and their
// assignment to the stored issues, which are plain JavaScript and would otherwise hold the load's one thread while
// DuckDB prepares the rows on its own threads. Tickets are numbered by their position here; the load puts their ids
// in once it knows them. The lead thread analyses its rows and groups them with the helper's, whose terms come over
// `helper` (the helper analysed the rows after the lead's); only the changes go back to the load, not the terms.
import { parentPort, type MessagePort } from 'node:worker_threads';
import { assignAnalysed, safeTicketTerms, type TextRow } from '../assign-issues.ts';
import type { StoredGrouping } from '../../sql/issues/store.ts';
import type { TicketTerms } from './text.ts';

export type WorkerRow = Pick<TextRow, 'subject' | 'description'>;

export type AnalyseRequest =
  | { kind: 'assign'; stored: StoredGrouping; rows: WorkerRow[]; helper?: MessagePort }
  | { kind: 'analyse'; rows: WorkerRow[]; lead: MessagePort };

parentPort!.once('message', (request: AnalyseRequest) => {
  const texts = request.rows.map(safeTicketTerms);
  if (request.kind === 'analyse') {
    request.lead.postMessage(texts);
    request.lead.close();
    parentPort!.postMessage('done');
    return;
  }
  const { stored, helper } = request;
  const finish = (all: TicketTerms[]) => {
    const changes = all.length > 0 ? assignAnalysed(stored, all.map((_, i) => i), all) : null;
    parentPort!.postMessage({ changes });
  };
  if (!helper) finish(texts);
  else
    helper.once('message', (theirs: TicketTerms[]) => {
      helper.close();
      finish(texts.concat(theirs));
    });
});
