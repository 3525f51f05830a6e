// Mixed day/month order: the hand-made files of test/fixtures/dates (expected figures in its README).
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { swappedFormat } from '../../pipelines/dates.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFileSchema, mappingFromFile } from '../../pipelines/mapping/file.ts';
import { freshDb } from '../helpers/db.ts';

const fixtures = fileURLToPath(new URL('../fixtures/dates/', import.meta.url));

function ticketsMapping(format: string, extra: Record<string, unknown> = {}) {
  const parsed = mappingFileSchema.parse({
    source: 'dates', kind: 'tickets', timestamp_format: format,
    fields: { external_id: 'id', created_at: 'created', status: 'status', channel: 'channel' }, ...extra,
  });
  return mappingFromFile(parsed, 'test mapping').mapping;
}

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

const rejects = () =>
  db.read<{ line: number; value: string | null; reason: string }>(`SELECT line::INTEGER AS line, value, reason FROM load_rejects ORDER BY line`);
const createdOf = (id: string) =>
  db.readOne<{ created: string }>(`SELECT strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS created FROM tickets WHERE external_id = $id`, { id });
const storedWarnings = async () =>
  JSON.parse((await db.readOne<{ warnings: string }>('SELECT warnings::VARCHAR AS warnings FROM loads'))!.warnings) as string[];

describe('swapped formats', () => {
  it('exchange a numeric day and month, padded or not, and leave other formats alone', () => {
    expect(swappedFormat('%d-%m-%y')).toBe('%m-%d-%y');
    expect(swappedFormat('%m/%d/%Y %H:%M')).toBe('%d/%m/%Y %H:%M');
    expect(swappedFormat('%-d.%-m.%Y')).toBe('%-m.%-d.%Y');
    // Year-first dates are ISO 8601's order, not a mix of day-first and month-first conventions.
    expect(swappedFormat('%Y-%m-%d %H:%M:%S')).toBeUndefined();
    expect(swappedFormat('%d %b %Y')).toBeUndefined();
    expect(swappedFormat('%d/%d/%Y')).toBeUndefined();
  });
});

describe('day/month order', () => {
  it('a file written entirely day first, some days past the 12th: no warning, everything loads as declared', async () => {
    const summary = await loadFile(db, { file: `${fixtures}dd-mm-consistent.csv`, mapping: ticketsMapping('%d/%m/%Y %H:%M') });
    expect([summary.inserted, summary.rejected, summary.warnings]).toEqual([8, 0, []]);
    expect(await createdOf('1')).toEqual({ created: '2024-01-02 09:00' });
    expect(await storedWarnings()).toEqual([]);
  });

  it('a mixed file: warns with the counts, rejects the undecidable and the swapped rows, loads the rest', async () => {
    const summary = await loadFile(db, { file: `${fixtures}mixed.csv`, mapping: ticketsMapping('%d/%m/%Y %H:%M') });
    expect([summary.rowsRead, summary.inserted, summary.rejected]).toEqual([9, 4, 5]);
    expect(summary.warnings).toHaveLength(1);
    const [warning] = summary.warnings;
    expect(warning).toContain('created_at ("created", %d/%m/%Y %H:%M): day and month are in both orders');
    expect(warning).toContain('3 values only read as declared (2024-01-15 … 2024-01-31)');
    expect(warning).toContain('2 values only read as %m/%d/%Y %H:%M (e.g. "01/14/2024 12:00")');
    expect(warning).toContain('3 values read as two different dates; 2 rows rejected for it (e.g. "04/03/2024 14:00" reads as 2024-03-04 or 2024-04-03)');
    expect(await storedWarnings()).toEqual(summary.warnings);
    expect(await rejects()).toEqual([
      { line: 5, value: '01/14/2024 12:00', reason: 'day/month order swapped: "01/14/2024 12:00" is not %d/%m/%Y %H:%M but reads as 2024-01-14 as %m/%d/%Y %H:%M' },
      { line: 6, value: '01/25/2024 13:00', reason: 'day/month order swapped: "01/25/2024 13:00" is not %d/%m/%Y %H:%M but reads as 2024-01-25 as %m/%d/%Y %H:%M' },
      { line: 7, value: '04/03/2024 14:00', reason: 'day/month order ambiguous: "04/03/2024 14:00" reads as 2024-03-04 or 2024-04-03' },
      { line: 8, value: '11/01/2024 15:00', reason: 'day/month order ambiguous: "11/01/2024 15:00" reads as 2024-01-11 or 2024-11-01' },
      { line: 10, value: 'bogus', reason: expect.stringMatching(/^unknown status value/) },
    ]);
    expect(await createdOf('8')).toEqual({ created: '2024-05-05 16:00' });
  });

  it('a month-first file declared day first: the finding says the format looks wrong', async () => {
    const summary = await loadFile(db, { file: `${fixtures}mm-dd-declared-dd-mm.csv`, mapping: ticketsMapping('%d/%m/%Y %H:%M') });
    expect([summary.inserted, summary.rejected]).toEqual([1, 4]);
    expect(summary.warnings[0]).toContain('the file looks written as %m/%d/%Y %H:%M, not as the declared %d/%m/%Y %H:%M: fix the format in the mapping');
    expect(summary.warnings[0]).toContain('3 values only read as %m/%d/%Y %H:%M (e.g. "12/25/2023 09:00")');
    expect((await rejects()).map((r) => r.reason.slice(0, 25))).toEqual([
      'day/month order swapped: ', 'day/month order swapped: ', 'day/month order swapped: ', 'day/month order ambiguous',
    ]);
    expect(await createdOf('5')).toEqual({ created: '2024-07-07 09:00' });
  });

  it('a month with many rows and no day past the 12th is evidence; one row fewer is not', async () => {
    const crowded = await loadFile(db, { file: `${fixtures}crowded.csv`, mapping: ticketsMapping('%d-%m-%y') });
    expect([crowded.inserted, crowded.rejected]).toEqual([12, 15]);
    expect(crowded.warnings[0]).toContain('15 values fall in 1 month with no day after the 12th (2024-05), implausible by chance');
    expect(new Set((await rejects()).map((r) => r.reason))).toEqual(new Set(['day/month order ambiguous: "03-05-24" reads as 2024-05-03 or 2024-03-05']));

    const fewer = await loadFile(db, { file: `${fixtures}crowded-14.csv`, mapping: { ...ticketsMapping('%d-%m-%y'), source: 'fewer' } });
    expect([fewer.inserted, fewer.rejected, fewer.warnings]).toEqual([26, 0, []]);
  });

  it('"date_order": "as_declared" states the order is certain: no check, no warning', async () => {
    const summary = await loadFile(db, { file: `${fixtures}mixed.csv`, mapping: ticketsMapping('%d/%m/%Y %H:%M', { date_order: 'as_declared' }) });
    expect([summary.inserted, summary.rejected, summary.warnings]).toEqual([6, 3, []]);
    expect((await rejects()).map((r) => [r.line, r.reason])).toEqual([
      [5, 'unparseable created_at (expected %d/%m/%Y %H:%M)'],
      [6, 'unparseable created_at (expected %d/%m/%Y %H:%M)'],
      [10, expect.stringMatching(/^unknown status value/)],
    ]);
    expect(await createdOf('6')).toEqual({ created: '2024-03-04 14:00' });
  });

  it('formats without a numeric day and month are not checked', async () => {
    const summary = await loadFile(db, { file: `${fixtures}crowded.csv`, mapping: ticketsMapping('%d-%b-%y') });
    expect(summary.warnings).toEqual([]);
    expect(summary.rejected).toBe(27);
  });
});
