// An events mapping's SELECT leaves out the ticket fields it does not map (a temp table would store each as a whole
// column of NULLs), and an event log that creates its tickets still reads them, as NULL, or as mapped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingToSql } from '../../../pipelines/mapping/to-sql.ts';
import type { Mapping } from '../../../pipelines/mapping/types.ts';
import { freshDb } from '../../helpers/db.ts';

const events = (fields: Mapping['fields'], extra: Partial<Mapping> = {}): Mapping => ({
  source: 'log',
  kind: 'events',
  fields: {
    ticket_external_id: { column: 'case', type: 'text' },
    occurred_at: { column: 'at', type: 'timestamp' },
    kind: { column: 'activity', type: 'enum', values: { open: 'created', done: 'solved' } },
    ...fields,
  },
  ...extra,
});
const source = { columns: ['case', 'at', 'activity', 'title'], sourceRowHash: true, rowHash: false, breaksCountAsLines: true };
const leaveOut = ['ticket_subject', 'ticket_channel'];

describe('fields left out of the mapped rows', () => {
  it('are the unmapped ones asked for, and only those: a mapped field or one with a default stays a column', () => {
    const unmapped = mappingToSql(events({}), 'UTC', { ...source, leaveOut });
    expect(unmapped.leftOut).toEqual([{ field: 'ticket_subject', type: 'VARCHAR' }, { field: 'ticket_channel', type: 'VARCHAR' }]);
    expect(unmapped.sql).not.toMatch(/AS "ticket_subject"|AS "ticket_channel"/);
    // Not asked for: still a column of NULLs.
    expect(unmapped.sql).toMatch(/CAST\(NULL AS VARCHAR\) AS "ticket_category"/);

    const mapped = mappingToSql(events({ ticket_subject: { column: 'title', type: 'text' } }, { defaults: { ticket_channel: 'email' } }), 'UTC', { ...source, leaveOut });
    expect(mapped.leftOut).toEqual([]);
    expect(mapped.sql).toMatch(/AS "ticket_subject"/);
    expect(mapped.sql).toMatch(/AS "ticket_channel"/);
  });

  const dir = mkdtempSync(join(tmpdir(), 'servicepulse-left-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still give an event log that creates its tickets their subject where mapped, and none where not', async () => {
    const file = join(dir, 'log.csv');
    writeFileSync(file, 'case,at,activity,title\nA,2026-03-02T09:00:00Z,open,Printer jam\nA,2026-03-02T11:00:00Z,done,\nB,2026-03-03T09:00:00Z,open,\n');
    const withSubject = await freshDb();
    const withoutSubject = await freshDb();
    try {
      await loadFile(withSubject, { file, mapping: events({ ticket_subject: { column: 'title', type: 'text' } }, { createsTickets: true }) });
      await loadFile(withoutSubject, { file, mapping: events({}, { createsTickets: true }) });
      const subjects = (db: typeof withSubject) => db.read<{ external_id: string; subject: string | null; channel: string }>(
        'SELECT external_id, subject, channel FROM tickets ORDER BY external_id',
      );
      // A's subject is its latest non-empty title; B has none. The channel, mapped by neither, is the table's default.
      const stored = await subjects(withSubject);
      expect(stored.map((t) => [t.external_id, t.subject])).toEqual([['A', 'Printer jam'], ['B', null]]);
      expect((await subjects(withoutSubject)).map((t) => [t.external_id, t.subject, t.channel])).toEqual(
        stored.map((t) => [t.external_id, null, t.channel]),
      );
    } finally {
      await withSubject.close();
      await withoutSubject.close();
    }
  });
});
