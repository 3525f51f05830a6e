// Issue 12, "Bad input": empty subjects, a 1 MB description, only emoji, only numbers and mixed scripts are each
// assigned or left unassigned with a reason, and none of them stops a load. Through the real load path (loadFile, a
// Zendesk export written here), read back from ticket_issues. The expected outcome of each row is worked out from
// text.ts's rules: a ticket with no text at all has reason 'no text'; one whose text is only emoji, numbers, ids or
// punctuation keeps no word ('no words left after stripping'); a huge description is read up to its first 8 KB, where
// the problem is stated; words of any script are words.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile, type LoadSummary } from '../../../pipelines/load.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import type { Database } from '../../../sql/db.ts';
import { freshDb } from '../../helpers/db.ts';

const header = 'ID,Requester,Requester ID,Subject,Description,Status,Priority,Via,Created at';
const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;

// id → [subject, description, expected: an issue, or the reason there is none]
const rows: [number, string, string, 'assigned' | 'no text' | 'no words left after stripping'][] = [
  [1, '', 'The PDF export fails with error E-404 every time', 'assigned'],
  [2, '', '', 'no text'],
  [3, '   ', ' \n\t ', 'no text'],
  [4, 'Bank sync stopped', 'Bank sync fails with BANK_AUTH_401 since Monday.\n' + 'ERROR sync worker retry 17 of 20\n'.repeat(32_000), 'assigned'],
  [5, '😡😡😡', '🙏🔥💥 👎', 'no words left after stripping'],
  [6, '12345', '0043 1 555 1234, 2026-01-05, 99.90 € #88231', 'no words left after stripping'],
  [7, 'Оплата не проходит – card declined', 'PayLink: карта отклонена, 決済エラー, ERR_PAYMENT_502', 'assigned'],
  [8, 'Bank sync broken', 'BANK_AUTH_401 again when reconnecting the bank feed', 'assigned'],
  [9, 'PDF export fails', 'Export to PDF gives E-404', 'assigned'],
];

describe('bad ticket text through a real load', () => {
  let folder: string;
  let db: Database;
  let summary: LoadSummary;
  let stored: Map<string, { issue_id: number | null; reason: string | null }>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sp-issues-bad-'));
    const lines = rows.map(([id, subject, description]) =>
      [id, 'Ana Kovač', 'c1', csvField(subject), csvField(description), 'Open', 'Normal', 'Mail', `2026-01-${String(10 + id).padStart(2, '0')} 10:00:00`].join(','));
    const file = join(folder, 'tickets.csv');
    await writeFile(file, [header, ...lines].join('\n') + '\n');
    db = await freshDb();
    summary = await loadFile(db, { file, mapping: zendeskTickets });
    const read = await db.read<{ external_id: string; issue_id: number | null; reason: string | null }>(
      `SELECT t.external_id, i.issue_id::INTEGER AS issue_id, i.reason FROM tickets t LEFT JOIN ticket_issues i USING (ticket_id)`,
    );
    stored = new Map(read.map((r) => [r.external_id, r]));
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('loads every row: none is rejected or stops the load', () => {
    expect(summary.rowsRead).toBe(rows.length);
    expect(summary.rejected).toBe(0);
    expect(summary.inserted).toBe(rows.length);
  });

  it.each(rows.map(([id, , description, expected]) => ({ id, expected, bytes: description.length })))(
    'ticket $id ($bytes characters of description): $expected',
    ({ id, expected }) => {
      const row = stored.get(String(id));
      expect(row, 'a ticket_issues row').toBeDefined();
      if (expected === 'assigned') {
        expect(row!.issue_id).not.toBeNull();
        expect(row!.reason).toBeNull();
      } else {
        expect(row!.issue_id).toBeNull();
        expect(row!.reason).toBe(expected);
      }
    },
  );

  it('groups the bad-but-readable tickets by their problem: the 1 MB one with the other bank sync ticket', () => {
    expect(stored.get('4')!.issue_id).toBe(stored.get('8')!.issue_id);
    expect(stored.get('1')!.issue_id).toBe(stored.get('9')!.issue_id);
    expect(stored.get('4')!.issue_id).not.toBe(stored.get('1')!.issue_id);
  });
});
