// Tickets that a load makes from an event log's cases or from message threads get issues as a tickets load's do,
// or a reason: an XES case has no text unless a trace attribute is mapped to `ticket_subject`; a thread's ticket has
// its root message as description. Expected values from the fixtures' texts: "my order is late" and "app crashes"
// keep words; so does "hello?" (one word is too short to tell its language, and a text of no known language keeps
// every word: language.ts); a case without a subject has no text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../../pipelines/load.ts';
import { readMappingFile } from '../../../pipelines/mapping/file.ts';
import type { Mapping } from '../../../pipelines/mapping/types.ts';
import { xesEvents } from '../../../pipelines/sources/xes.ts';
import type { Database } from '../../../sql/db.ts';
import { freshDb } from '../../helpers/db.ts';

const messagesFixtures = fileURLToPath(new URL('../../fixtures/messages/', import.meta.url));

const issuesOf = (db: Database) =>
  db.read<{ external_id: string; issue_id: number | null; reason: string | null }>(
    `SELECT t.external_id, i.issue_id::INTEGER AS issue_id, i.reason
       FROM tickets t LEFT JOIN ticket_issues i USING (ticket_id) ORDER BY t.external_id`,
  );

describe('issues of tickets made from message threads', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
    const { mapping } = await readMappingFile(`${messagesFixtures}mapping.json`);
    await loadFile(db, { file: `${messagesFixtures}threads.csv`, mapping });
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives each thread\'s ticket an issue from its root message, or the reason it has none', async () => {
    const rows = await issuesOf(db);
    expect(rows.map((r) => r.external_id)).toEqual(['m1', 'm15', 'm5']);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    expect(byId.get('m1')!.issue_id).not.toBeNull();
    expect(byId.get('m5')!.issue_id).not.toBeNull();
    expect(byId.get('m1')!.issue_id).not.toBe(byId.get('m5')!.issue_id);
    expect(byId.get('m15')!.issue_id).not.toBeNull();
    expect(new Set(rows.map((r) => r.issue_id)).size).toBe(3);
  });

  it('counts them in their issues', async () => {
    expect(await db.read(`SELECT sum(size)::INTEGER AS n FROM issues`)).toEqual([{ n: 3 }]);
  });
});

describe('issues of tickets made from an event log', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
    const file = join(mkdtempSync(join(tmpdir(), 'sp-issues-xes-')), 'cases.xes');
    const trace = (id: string, subject: string | null, at: string) =>
      `<trace><string key="concept:name" value="${id}"/>${subject === null ? '' : `<string key="subject" value="${subject}"/>`}` +
      `<event><string key="concept:name" value="created"/><date key="time:timestamp" value="${at}"/><string key="org:resource" value="Ana"/></event></trace>`;
    writeFileSync(file, ['<log>',
      trace('c1', 'Printer jams on every invoice', '2024-01-01T10:00:00Z'),
      trace('c2', 'Invoice printer jams again', '2024-01-02T10:00:00Z'),
      trace('c3', null, '2024-01-03T10:00:00Z'),
      '</log>'].join('\n'));
    const mapping: Mapping = { ...xesEvents, fields: { ...xesEvents.fields, ticket_subject: { column: 'case:subject', type: 'text' } } };
    await loadFile(db, { file, mapping });
  });
  afterAll(async () => {
    await db.close();
  });

  it('groups cases by their subject and says a case without one has no text', async () => {
    const rows = await issuesOf(db);
    expect(rows.map((r) => r.external_id)).toEqual(['c1', 'c2', 'c3']);
    expect(rows[0]!.issue_id).not.toBeNull();
    expect(rows[1]!.issue_id).toBe(rows[0]!.issue_id);
    expect(rows[2]).toMatchObject({ issue_id: null, reason: 'no text' });
  });
});

// The benchmark's baseline (npm run bench -- issues-load): the same load without the assignment writes no issue rows.
describe('a load with issues: false', () => {
  it('stores its tickets and no issue rows', async () => {
    const db = await freshDb();
    try {
      const { mapping } = await readMappingFile(`${messagesFixtures}mapping.json`);
      await loadFile(db, { file: `${messagesFixtures}threads.csv`, mapping, issues: false });
      expect(await db.read(`SELECT (SELECT count(*) FROM tickets)::INTEGER AS tickets, (SELECT count(*) FROM ticket_issues)::INTEGER AS assigned`))
        .toEqual([{ tickets: 3, assigned: 0 }]);
    } finally {
      await db.close();
    }
  });
});
