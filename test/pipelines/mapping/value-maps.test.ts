// A value map matches a cell whatever its letter case and surrounding spaces (pipelines/mapping/to-sql.ts tries the
// value as written first, then lowered), and a value it does not know is a reject naming the line and the column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingFileSchema, mappingFromFile } from '../../../pipelines/mapping/file.ts';
import { freshDb } from '../../helpers/db.ts';
import { textFiles } from '../../helpers/text-files.ts';

const { mapping } = mappingFromFile(
  mappingFileSchema.parse({
    source: 'cased', kind: 'tickets',
    fields: {
      external_id: 'id', created_at: 'created', status: 'status',
      // Keys written in mixed case: the map is matched in lower case either way. Two keys that differ only in case
      // are one key, the first one's target winning, whichever spelling the cell has.
      channel: { column: 'via', values: { 'E-Mail': 'email', phone: 'phone', WEB: 'web', Phone: 'chat' } },
    },
  }),
  'value maps mapping',
);
const file = textFiles('value-maps')('tickets.csv', [
  'id,created,status,via',
  '1,2026-03-02T09:00:00Z,open,e-mail',
  '2,2026-03-02T09:00:00Z,Open,E-MAIL',
  '3,2026-03-02T09:00:00Z,OPEN,  Phone ',
  '4,2026-03-02T09:00:00Z,open,web',
  '5,2026-03-02T09:00:00Z,open,Web',
  '6,2026-03-02T09:00:00Z,open,fax',
  '7,2026-03-02T09:00:00Z,opened,phone',
  '8,2026-03-02T09:00:00Z,open,WEB',
  '9,2026-03-02T09:00:00Z,open,Phone',
  '10,2026-03-02T09:00:00Z,open,E-Mail',
]);

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

describe('value maps', () => {
  it('match a value in any letter case, and reject one they do not know, naming its line and column', async () => {
    const summary = await loadFile(db, { file, mapping });
    expect([summary.inserted, summary.rejected]).toEqual([8, 2]);
    expect(await db.read(`SELECT external_id AS id, status, channel FROM tickets ORDER BY external_id::INTEGER`)).toEqual([
      { id: '1', status: 'open', channel: 'email' },
      { id: '2', status: 'open', channel: 'email' },
      { id: '3', status: 'open', channel: 'phone' },
      { id: '4', status: 'open', channel: 'web' },
      { id: '5', status: 'open', channel: 'web' },
      { id: '8', status: 'open', channel: 'web' },
      { id: '9', status: 'open', channel: 'phone' },
      { id: '10', status: 'open', channel: 'email' },
    ]);
    expect(await db.read(`SELECT line::INTEGER AS line, column_name, value, reason FROM load_rejects ORDER BY line`)).toEqual([
      { line: 7, column_name: 'via', value: 'fax', reason: 'unknown channel value (known: E-Mail, phone, WEB, Phone)' },
      { line: 8, column_name: 'status', value: 'opened', reason: 'unknown status value (known: new, open, pending, on_hold, solved, closed)' },
    ]);
  });
});
