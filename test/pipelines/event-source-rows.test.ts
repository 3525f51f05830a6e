// An event is a row of its source file, not its mapped content (issue 14 §8): two different rows that map to the same
// ticket, instant and kind are two events; a row repeated in a file, or loaded again, is one. Every count below is
// worked out by hand from the rows written here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { formatSummary } from '../../pipelines/summary-line.ts';
import { freshDb } from '../helpers/db.ts';
import { updateLogHeader as header, updateLogMapping as mapping } from '../helpers/update-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-event-rows-'));
function writeFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// Rows of the update log (test/helpers/update-log.ts), whose two kinds of update both map to internal_note, as in the
// XES log of the issue.
const open = 'T1,2026-03-02 09:00:00,Open';
const description = 'T1,2026-03-02 10:00:00,Update description';
const category = 'T1,2026-03-02 10:00:00,Update category';
const resolve = 'T1,2026-03-02 12:00:00,Resolve';
const csv = (...lines: string[]) => [header, ...lines].join('\n') + '\n';

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

const notes = async () =>
  (await db.readOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ticket_events WHERE kind = 'internal_note'`))!.n;

describe('events are source rows', () => {
  it('keeps two different rows at the same instant mapped to the same kind as two events', async () => {
    const summary = await loadFile(db, { file: writeFile('two-updates.csv', csv(open, description, category, resolve)), mapping });
    expect([summary.inserted, summary.unchanged, summary.rejected]).toEqual([4, 0, 0]);
    expect(await notes()).toBe(2);
  });

  it('stores a row repeated in a file once, and the summary says so', async () => {
    const summary = await loadFile(db, { file: writeFile('repeated.csv', csv(open, description, description, resolve)), mapping });
    expect([summary.rowsRead, summary.inserted, summary.unchanged, summary.repeated]).toEqual([4, 3, 1, 1]);
    expect(await notes()).toBe(1);
    expect(formatSummary(summary, mapping)).toContain('1 unchanged (1 repeating a row of this file)');
  });

  it('finds the repeated row among several tickets, and keeps the same activity of another ticket', async () => {
    const otherTicket = (line: string) => line.replace(/^T1,/, 'T2,');
    const summary = await loadFile(db, {
      file: writeFile('two-tickets.csv', csv(open, otherTicket(open), description, otherTicket(description), description, resolve)),
      mapping,
    });
    expect([summary.rowsRead, summary.inserted, summary.unchanged, summary.repeated]).toEqual([6, 5, 1, 1]);
    expect(await notes()).toBe(2);
  });

  it('finds every row of a file loaded again, or re-exported in another order, stored already', async () => {
    const first = await loadFile(db, { file: writeFile('first.csv', csv(open, description, category, resolve)), mapping });
    expect(first.inserted).toBe(4);
    const again = await loadFile(db, { file: writeFile('first.csv', csv(open, description, category, resolve)), mapping });
    expect([again.inserted, again.unchanged]).toEqual([0, 4]);
    const reordered = await loadFile(db, { file: writeFile('reordered.csv', csv(resolve, category, open, description)), mapping });
    expect([reordered.inserted, reordered.unchanged]).toEqual([0, 4]);
    expect(await notes()).toBe(2);
  });

  it('compares a row with an event stored before rows were hashed by its content', async () => {
    await loadFile(db, { file: writeFile('old.csv', csv(open, description, resolve)), mapping });
    // As migration 014 leaves the events stored before it: no source row hash.
    await db.write((tx) => tx.run('UPDATE ticket_events SET source_row_hash = NULL'));
    const again = await loadFile(db, { file: writeFile('old.csv', csv(open, description, resolve)), mapping });
    expect([again.inserted, again.unchanged]).toEqual([0, 3]);
    expect(await notes()).toBe(1);
  });
});

describe('XES events are source rows too', () => {
  // An event's row is its attributes and its trace's (pipelines/readers/xes.ts), not its line.
  const event = (activity: string, at: string) =>
    `<event><string key="concept:name" value="${activity}"/><date key="time:timestamp" value="${at}"/></event>`;
  const log = (...events: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016">\n<trace><string key="concept:name" value="X1"/>\n${events.join('\n')}\n</trace>\n</log>\n`;
  const { mapping: xesMapping } = mappingFromJson({
    source: 'xes_updates', kind: 'events', creates_tickets: true,
    fields: {
      ticket_external_id: 'case:concept:name', occurred_at: 'time:timestamp',
      kind: { column: 'concept:name', values: { Open: 'created', 'Update description': 'internal_note', 'Update category': 'internal_note' } },
    },
    defaults: { ticket_channel: 'web', actor_kind: 'agent' },
  }, 'xes updates mapping');

  it('keeps two activities at one instant apart, and one event written twice once', async () => {
    const file = writeFile('updates.xes', log(
      event('Open', '2026-03-02T09:00:00Z'), event('Update description', '2026-03-02T10:00:00Z'),
      event('Update category', '2026-03-02T10:00:00Z'), event('Update category', '2026-03-02T10:00:00Z'),
    ));
    const summary = await loadFile(db, { file, mapping: xesMapping });
    expect([summary.rowsRead, summary.inserted, summary.unchanged, summary.repeated]).toEqual([4, 3, 1, 1]);
    expect(await notes()).toBe(2);
    const again = await loadFile(db, { file, mapping: xesMapping });
    expect([again.inserted, again.unchanged]).toEqual([0, 4]);
  });
});
