// Mapping-file options for exports that lack something: a timestamp split over two columns, a field the
// export does not have at all.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingFileSchema, mappingFromFile } from '../../../pipelines/mapping/file.ts';
import { freshDb } from '../../helpers/db.ts';

const fields = { external_id: 'id', status: 'status', channel: 'channel' };
const fromFile = (content: Record<string, unknown>) => () =>
  mappingFromFile(mappingFileSchema.parse({ source: 'acme', kind: 'tickets', ...content }), 'acme.json');

describe('mapping files: columns and unknown_fields', () => {
  const cases = [
    { title: 'columns on a field that is not a timestamp', content: { fields: { ...fields, created_at: 'Opened', subject: { columns: ['A', 'B'] } } }, error: /field "subject": "columns" joins the cells of a timestamp only/ },
    { title: 'both column and columns', content: { fields: { ...fields, created_at: { column: 'Date', columns: ['Date', 'Time'] } } }, error: /field "created_at" needs either "column" or "columns"/ },
    { title: 'neither column nor columns', content: { fields: { ...fields, created_at: { format: '%d.%m.%Y' } } }, error: /field "created_at" needs either "column" or "columns"/ },
    { title: 'unknown_fields naming a field the tables need', content: { unknown_fields: ['status'], fields: { ...fields, created_at: 'Opened' } }, error: /"unknown_fields" may name "created_at" for tickets, not "status"/ },
    { title: 'unknown_fields naming a mapped field', content: { unknown_fields: ['created_at'], fields: { ...fields, created_at: 'Opened' } }, error: /"created_at" is in "unknown_fields" but the mapping also maps it/ },
    { title: 'a bad date_order', content: { date_order: 'guess', fields: { ...fields, created_at: 'Opened' } }, error: /date_order/ },
  ];
  for (const { title, content, error } of cases) {
    it(title, () => {
      expect(fromFile(content)).toThrow(error);
    });
  }

  it('a timestamp from two columns names them in messages and needs both in the file', async () => {
    const { mapping } = fromFile({ timestamp_format: '%d/%m/%Y %H:%M', fields: { ...fields, created_at: { columns: ['created', 'Time'] } } })();
    expect(mapping.fields.created_at).toEqual({ column: 'created + Time', columns: ['created', 'Time'], type: 'timestamp', format: '%d/%m/%Y %H:%M', required: undefined });
    const db = await freshDb();
    const file = fileURLToPath(new URL('../../fixtures/dates/mixed.csv', import.meta.url));
    await expect(loadFile(db, { file, mapping })).rejects.toThrow(/missing column "Time" \(for created_at\)/);
    await db.close();
  });

  it('created_at in unknown_fields lifts its requirement', () => {
    expect(fromFile({ unknown_fields: ['created_at'], fields })().mapping.unknownFields).toEqual(['created_at']);
    expect(fromFile({ fields })).toThrow(/a tickets mapping must map "created_at"/);
  });
});
