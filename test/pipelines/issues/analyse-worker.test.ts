// A large tickets load analyses and assigns its texts in a worker thread (assign-issues.ts, analysis-threads.ts,
// analyse-worker.ts) while DuckDB prepares its rows. The thread must give what the same work on the load's own thread
// gives, whether it analyses all the texts or the load's thread analyses the second half: checked against assignAnalysed called here on the
// same texts, and through a real load of more than WORKER_MIN_TEXTS demo tickets
// whose stored ticket_issues are compared with an assignment computed here from the stored tickets' texts and ids.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/demo/generate.ts';
import { assignAnalysed, assignBesideThread, earlyAnalysisThreads, EARLY_THREAD_MIN_BYTES, safeTicketTerms, SPLIT_MIN_TEXTS, WORKER_MIN_TEXTS } from '../../../pipelines/assign-issues.ts';
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
    const worked = await new AnalysisThreads().start().assign(empty(), rows);
    expect(worked, 'the thread ran').not.toBeNull();
    expect(worked!.changes).toEqual(expected());
  }, 30_000);

  it('give the same with the texts after the first three analysed by the caller and handed over', async () => {
    const rest = Promise.resolve(rows.slice(3).map(safeTicketTerms));
    const worked = await new AnalysisThreads().start().assign(empty(), rows.slice(0, 3), rest);
    expect(worked, 'the thread ran').not.toBeNull();
    expect(worked!.changes).toEqual(expected());
    expect(worked!.changes!.tickets.map((t) => t.language)).toEqual(rows.map((r) => safeTicketTerms(r).language));
  }, 30_000);

  it(`give the same when a load of ${SPLIT_MIN_TEXTS} texts or more is halved between the thread and the caller`, async () => {
    const many = Array.from({ length: SPLIT_MIN_TEXTS }, (_, i) => rows[i % rows.length]!);
    const worked = await assignBesideThread(new AnalysisThreads().start(), empty(), many, 2);
    expect(worked, 'the thread ran').not.toBeNull();
    const analysed = many.map(safeTicketTerms);
    expect(worked!.changes).toEqual(assignAnalysed(empty(), many.map((_, i) => i), analysed));
  }, 60_000);

  it('answer null, for the caller to do the work, when the caller\'s half fails', async () => {
    const worked = await new AnalysisThreads().start().assign(empty(), rows.slice(0, 3), Promise.reject(new Error('no')));
    expect(worked).toBeNull();
  }, 30_000);

  it('reject, rather than leave the work to the caller, when the caller ends them before they answer (a failed load)', async () => {
    const threads = new AnalysisThreads().start();
    const pending = threads.assign(empty(), rows);
    threads.close();
    await expect(pending).rejects.toThrow(/abandoned/);
    expect(threads.signal.aborted, 'the caller\'s half stops too').toBe(true);
  }, 30_000);

  it('start early only for a file large enough to hold thousands of tickets', () => {
    expect(earlyAnalysisThreads(EARLY_THREAD_MIN_BYTES - 1)).toBeUndefined();
    const one = earlyAnalysisThreads(EARLY_THREAD_MIN_BYTES)!;
    try {
      expect(one.size).toBe(1);
    } finally {
      one.close();
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
