// A large tickets load analyses and assigns its texts in worker threads (assign-issues.ts, analysis-threads.ts,
// analyse-worker.ts) while DuckDB prepares its rows. The threads must give what the same work on the load's own thread
// gives, whether one thread does it all or two split the texts: checked against assignAnalysed called here on the
// same texts, and through a real load of more than WORKER_MIN_TEXTS demo tickets
// whose stored ticket_issues are compared with an assignment computed here from the stored tickets' texts and ids.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/demo/generate.ts';
import { assignAnalysed, earlyAnalysisThreads, EARLY_THREADS_MIN_BYTES, safeTicketTerms, WORKER_MIN_TEXTS } from '../../../pipelines/assign-issues.ts';
import { AnalysisThreads } from '../../../pipelines/issues/analysis-threads.ts';
import { defaultGroupingOptions } from '../../../pipelines/issues/state.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import type { Database } from '../../../sql/db.ts';
import type { StoredGrouping } from '../../../sql/issues/store.ts';
import { freshDb } from '../../helpers/db.ts';

const empty = (): StoredGrouping => ({
  state: { options: defaultGroupingOptions, issues: [], corpus: { tickets: 0, documentFrequency: [] } },
  nextId: 1, display: new Map(), names: new Map(), createdLoad: new Map(),
});

describe('the issue analysis threads', () => {
  const rows = [
    { subject: 'Bank sync fails', description: 'BankSync: BANK_AUTH_401 since Monday' },
    { subject: 'Sinkronizacija banke ne radi', description: 'BankSync javlja BANK_AUTH_401.' },
    { subject: 'PDF export broken', description: 'Export to PDF gives E-404' },
    { subject: '', description: '' },
    { subject: 'Bank sync again', description: 'BANK_AUTH_401 in BankSync after the update' },
  ];
  const expected = () => assignAnalysed(empty(), rows.map((_, i) => i), rows.map(safeTicketTerms));

  it('give, on one thread, the assignment the load\'s own thread gives', async () => {
    const worked = await new AnalysisThreads().start(1).assign(empty(), rows);
    expect(worked, 'the thread ran').not.toBeNull();
    expect(worked!.changes).toEqual(expected());
  }, 30_000);

  it('give the same with the texts split over two threads (the second half analysed by the helper)', async () => {
    const worked = await new AnalysisThreads().start(2).assign(empty(), rows, 2);
    expect(worked, 'the threads ran').not.toBeNull();
    expect(worked!.changes).toEqual(expected());
    expect(worked!.changes!.tickets.map((t) => t.language)).toEqual(rows.map((r) => safeTicketTerms(r).language));
  }, 30_000);

  it('reject, rather than leave the work to the caller, when the caller ends them before they answer (a failed load)', async () => {
    const threads = new AnalysisThreads().start(1);
    const pending = threads.assign(empty(), rows);
    threads.close();
    await expect(pending).rejects.toThrow(/abandoned/);
  }, 30_000);

  it('start early only for a file large enough to hold thousands of tickets', () => {
    expect(earlyAnalysisThreads(EARLY_THREADS_MIN_BYTES[0] - 1)).toBeUndefined();
    const one = earlyAnalysisThreads(EARLY_THREADS_MIN_BYTES[0], 2)!;
    const two = earlyAnalysisThreads(EARLY_THREADS_MIN_BYTES[1], 2)!;
    const onOneCore = earlyAnalysisThreads(EARLY_THREADS_MIN_BYTES[1], 1)!;
    try {
      expect([one.size, two.size, onOneCore.size]).toEqual([1, 2, 1]);
    } finally {
      for (const threads of [one, two, onOneCore]) threads.close();
    }
  });
});

describe(`a load of more than ${WORKER_MIN_TEXTS} tickets`, () => {
  let folder: string;
  let db: Database;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sp-issues-worker-'));
    const manifest = await generateDemo({ tickets: WORKER_MIN_TEXTS + 500, seed: 5, outDir: folder });
    db = await freshDb();
    await loadFile(db, { file: manifest.files.tickets, mapping: zendeskTickets });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('stores, for every ticket, the issue an assignment of the stored texts by ticket id gives', async () => {
    const rows = await db.read<{ ticket_id: number; subject: string | null; description: string | null; issue_id: number | null; reason: string | null }>(
      `SELECT t.ticket_id::INTEGER AS ticket_id, t.subject, t.description, i.issue_id::INTEGER AS issue_id, i.reason
         FROM tickets t LEFT JOIN ticket_issues i USING (ticket_id) ORDER BY t.external_id`,
    );
    expect(rows).toHaveLength(WORKER_MIN_TEXTS + 500);
    // The load analyses its rows in file order, which is the demo's ID order (external_id, numbered from 10001).
    const expected = assignAnalysed(empty(), rows.map((r) => r.ticket_id), rows.map(safeTicketTerms)).tickets;
    expect(rows.map((r) => [r.ticket_id, r.issue_id, r.reason])).toEqual(expected.map((t) => [t.ticketId, t.issueId, t.reason]));
  });
});
