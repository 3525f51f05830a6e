// A large tickets load analyses and assigns its texts in a worker thread (assign-issues.ts, analyse-worker.ts) while
// DuckDB prepares its rows. The worker must give what the same work on the load's own thread gives: checked against
// assignAnalysed called here on the same texts, and through a real load of more than WORKER_MIN_TEXTS demo tickets
// whose stored ticket_issues are compared with an assignment computed here from the stored tickets' texts and ids.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/demo/generate.ts';
import { assignAnalysed, inWorker, safeTicketTerms, WORKER_MIN_TEXTS } from '../../../pipelines/assign-issues.ts';
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

describe('the issue analysis worker', () => {
  it('gives the terms and assignment the load\'s own thread gives', async () => {
    const rows = [
      { subject: 'Bank sync fails', description: 'BankSync: BANK_AUTH_401 since Monday' },
      { subject: 'Sinkronizacija banke ne radi', description: 'BankSync javlja BANK_AUTH_401.' },
      { subject: 'PDF export broken', description: 'Export to PDF gives E-404' },
      { subject: '', description: '' },
    ];
    const worked = await inWorker(empty(), rows);
    expect(worked, 'the worker ran').not.toBeNull();
    const texts = rows.map(safeTicketTerms);
    expect(worked!.texts).toEqual(texts);
    expect(worked!.changes).toEqual(assignAnalysed(empty(), [0, 1, 2, 3], texts));
  }, 30_000);
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
