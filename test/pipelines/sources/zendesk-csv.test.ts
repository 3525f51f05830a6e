// Zendesk's CSV export states first reply time as minutes after creation; they become first_response_at.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { loadFile, type LoadSummary } from '../../../pipelines/load.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import { freshDb } from '../../helpers/db.ts';

describe('Zendesk CSV "First reply time in minutes"', () => {
  let db: Database;
  let summary: LoadSummary;
  beforeAll(async () => {
    db = await freshDb();
    const file = join(mkdtempSync(join(tmpdir(), 'servicepulse-zendesk-csv-')), 'tickets.csv');
    writeFileSync(
      file,
      [
        'ID,Status,Priority,Via,Created at,First reply time in minutes,First reply time in minutes within business hours',
        // 01:50 CET is 00:50 UTC; 20 minutes later the clocks read 03:10 CEST (summer time starts at 02:00).
        '1,Open,Normal,Mail,2026-03-29 01:50:00,20,0',
        '2,New,Normal,Mail,2026-03-29 09:00:00,,',
        '3,Solved,High,Chat,2026-03-30 10:00:00,0.5,0.5',
        '4,Open,Low,Mail,2026-03-30 11:00:00,soon,',
        '',
      ].join('\n'),
    );
    summary = await loadFile(db, { file, mapping: zendeskTickets, timeZone: 'Europe/Zagreb' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('adds the calendar minutes to the creation instant, in real (not wall-clock) minutes', async () => {
    expect([summary.inserted, summary.rejected]).toEqual([3, 1]);
    expect(
      await db.read(`SELECT t.external_id, strftime(t.first_response_at, '%Y-%m-%dT%H:%M:%SZ') AS first_response_at, f.first_response_minutes
                       FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`),
    ).toEqual([
      { external_id: '1', first_response_at: '2026-03-29T01:10:00Z', first_response_minutes: 20 },
      { external_id: '2', first_response_at: null, first_response_minutes: null },
      { external_id: '3', first_response_at: '2026-03-30T08:00:30Z', first_response_minutes: 0.5 },
    ]);
  });

  it('rejects minutes that are no number, naming the column', async () => {
    expect(await db.read(`SELECT line::INTEGER AS line, column_name, value, reason FROM load_rejects`)).toEqual([
      { line: 5, column_name: 'First reply time in minutes', value: 'soon', reason: 'unparseable first_response_at (expected minutes after created_at)' },
    ]);
  });
});
