import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile, LoadError } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

function scratchCopy(name: string, edit: (text: string) => string = (t) => t) {
  const dir = mkdtempSync(join(tmpdir(), 'servicepulse-load-'));
  const path = join(dir, name);
  writeFileSync(path, edit(readFileSync(join(smallFixture, name), 'utf8')));
  return path;
}

async function tableSnapshot() {
  return db.read(`SELECT (SELECT count(*)::INTEGER FROM tickets) AS tickets, (SELECT count(*)::INTEGER FROM ticket_events) AS events,
    (SELECT count(*)::INTEGER FROM ticket_facts) AS facts, (SELECT version::INTEGER FROM data_state) AS version,
    (SELECT string_agg(row_hash, ',' ORDER BY external_id) FROM tickets) AS hashes`);
}

describe('loading the small fixture', () => {
  it('counts rows read, inserted and rejected per file', async () => {
    const { tickets, events, feedback } = await loadSmallFixture(db);
    expect([tickets.rowsRead, tickets.inserted, tickets.rejected, tickets.unchanged]).toEqual([8, 5, 3, 0]);
    expect([events.rowsRead, events.inserted, events.rejected]).toEqual([22, 21, 1]);
    expect([feedback.rowsRead, feedback.inserted, feedback.rejected]).toEqual([4, 3, 1]);
  });

  it('rejects bad rows with the file line, column, value and reason', async () => {
    await loadSmallFixture(db);
    const rejects = await db.read(
      `SELECT l.file, r.line::INTEGER AS line, r.column_name, r.value, r.reason FROM load_rejects r JOIN loads l USING (load_id) ORDER BY l.load_id, r.line`,
    );
    expect(rejects).toEqual([
      { file: 'tickets.csv', line: 8, column_name: 'Created at', value: 'yesterday', reason: 'unparseable created_at (expected %Y-%m-%d %H:%M:%S)' },
      { file: 'tickets.csv', line: 9, column_name: 'Solved at', value: '2026-01-14 12:00:00+00', reason: 'solved before created' },
      { file: 'tickets.csv', line: 10, column_name: 'Via', value: 'Carrier pigeon', reason: expect.stringMatching(/^unknown channel value \(known: mail, email,/) },
      { file: 'events.csv', line: 23, column_name: 'ticket_id', value: '99999', reason: 'no ticket with this id from zendesk is loaded' },
      { file: 'feedback.csv', line: 5, column_name: 'score', value: '11.0', reason: 'score outside its scale' },
    ]);
  });

  it('computes per-ticket facts that match the hand-worked values', async () => {
    await loadSmallFixture(db);
    const facts = await db.read(
      `SELECT t.external_id, f.channel, f.team_id, f.provider_kind, f.requester_kind, f.first_response_minutes,
              f.first_resolution_minutes, f.full_resolution_minutes, f.agent_replies, f.reopens, f.is_solved, f.is_one_touch, f.promise_kept
         FROM ticket_facts f JOIN tickets t USING (ticket_id) ORDER BY t.external_id`,
    );
    expect(facts).toEqual([
      { external_id: '10001', channel: 'email', team_id: 'zagreb', provider_kind: 'in_house', requester_kind: 'external', first_response_minutes: 90, first_resolution_minutes: 180, full_resolution_minutes: 180, agent_replies: 1, reopens: 0, is_solved: true, is_one_touch: true, promise_kept: true },
      { external_id: '10002', channel: 'phone', team_id: 'zagreb', provider_kind: 'in_house', requester_kind: 'internal', first_response_minutes: 0, first_resolution_minutes: 10, full_resolution_minutes: 10, agent_replies: 1, reopens: 0, is_solved: true, is_one_touch: true, promise_kept: null },
      { external_id: '10003', channel: 'chat', team_id: 'manila', provider_kind: 'outsourced', requester_kind: 'external', first_response_minutes: 5, first_resolution_minutes: 20, full_resolution_minutes: 1440, agent_replies: 2, reopens: 1, is_solved: true, is_one_touch: false, promise_kept: false },
      { external_id: '10004', channel: 'email', team_id: 'zagreb', provider_kind: 'in_house', requester_kind: 'external', first_response_minutes: null, first_resolution_minutes: null, full_resolution_minutes: null, agent_replies: 0, reopens: 0, is_solved: false, is_one_touch: null, promise_kept: null },
      { external_id: '10005', channel: 'social', team_id: 'manila', provider_kind: 'outsourced', requester_kind: 'external', first_response_minutes: 40, first_resolution_minutes: 60, full_resolution_minutes: 60, agent_replies: 1, reopens: 0, is_solved: true, is_one_touch: true, promise_kept: null },
    ]);
  });
});

describe('reloading', () => {
  it('the same files changes nothing and reports every row unchanged', async () => {
    await loadSmallFixture(db);
    const before = await tableSnapshot();
    const tickets = await loadFile(db, { file: join(smallFixture, 'tickets.csv'), mapping: zendeskTickets });
    const events = await loadFile(db, { file: join(smallFixture, 'events.csv'), mapping: servicepulseEvents, source: 'zendesk' });
    expect([tickets.inserted, tickets.updated, tickets.unchanged]).toEqual([0, 0, 5]);
    expect([events.inserted, events.unchanged]).toEqual([0, 21]);
    const after = await tableSnapshot();
    expect({ ...after[0], version: 0 }).toEqual({ ...before[0], version: 0 });
  });

  it('a newer export updates the changed ticket only', async () => {
    await loadSmallFixture(db);
    const newer = scratchCopy('tickets.csv', (text) => text.replace('Refund?,Where is my refund?,billing,Open,Low', 'Refund?,Where is my refund?,billing,Pending,High'));
    const summary = await loadFile(db, { file: newer, mapping: zendeskTickets });
    expect([summary.inserted, summary.updated, summary.unchanged]).toEqual([0, 1, 4]);
    expect(await db.read(`SELECT status, priority FROM tickets WHERE external_id = '10004'`)).toEqual([{ status: 'pending', priority: 'high' }]);
    expect(await db.read(`SELECT f.priority FROM ticket_facts f JOIN tickets USING (ticket_id) WHERE external_id = '10004'`)).toEqual([{ priority: 'high' }]);
  });

  it('keeps the last of duplicate ids in one file and rejects the earlier one', async () => {
    const doubled = scratchCopy('tickets.csv', (text) => `${text}10005,Marko Horvat,c1,m@example.com,Horvat d.o.o.,Marko Horvat,Jose Santos,Manila Partners,@brand down?,Still down,outage,Solved,High,Twitter,incident,2026-01-15 12:00:00,,,,2026-01-15 13:00:00,1,1,0,1,Service,Outage,external\n`);
    const summary = await loadFile(db, { file: doubled, mapping: zendeskTickets });
    expect(summary.inserted).toBe(5);
    expect(await db.read(`SELECT line::INTEGER AS line, reason FROM load_rejects WHERE reason LIKE 'duplicate%'`)).toEqual([
      { line: 7, reason: 'duplicate external_id in file: line 11 is kept' },
    ]);
    expect(await db.read(`SELECT priority FROM tickets WHERE external_id = '10005'`)).toEqual([{ priority: 'high' }]);
  });
});

describe('keys the load path keeps (the tables have no unique index to do it)', () => {
  it('stay unique through reloads, a newer export and duplicate ids in a file', async () => {
    await loadSmallFixture(db);
    await loadSmallFixture(db);
    await loadFile(db, {
      file: scratchCopy('tickets.csv', (text) => `${text.replace('billing,Open,Low', 'billing,Pending,High')}${text.split('\n')[1]}\n`),
      mapping: zendeskTickets,
    });
    const keys = await db.read(`SELECT
      (SELECT count(*) - count(DISTINCT (source, external_id)) FROM tickets)::INTEGER AS tickets_by_external_id,
      (SELECT count(*) - count(DISTINCT ticket_id) FROM tickets)::INTEGER AS tickets_by_id,
      (SELECT count(*) - count(DISTINCT (source, external_id)) FROM feedback)::INTEGER AS feedback_by_external_id,
      (SELECT count(*) - count(DISTINCT feedback_id) FROM feedback)::INTEGER AS feedback_by_id,
      (SELECT count(*) - count(DISTINCT ticket_id) FROM ticket_facts)::INTEGER AS facts_by_ticket,
      (SELECT count(*) FROM tickets)::INTEGER AS tickets, (SELECT count(*) FROM ticket_facts)::INTEGER AS facts,
      (SELECT count(*) FROM feedback)::INTEGER AS feedback`);
    expect(keys).toEqual([{
      tickets_by_external_id: 0, tickets_by_id: 0, feedback_by_external_id: 0, feedback_by_id: 0, facts_by_ticket: 0,
      tickets: 5, facts: 5, feedback: 3,
    }]);
  });
});

describe('rejected events', () => {
  it('name their file lines when values before them hold line breaks', async () => {
    await loadOrganisation(db, `${smallFixture}organisation.json`);
    await loadFile(db, { file: `${smallFixture}tickets.csv`, mapping: zendeskTickets });
    // The first record holds a value over three lines (2-4), so the unknown kind on the next record is on line 5, the
    // unknown ticket after it on line 6, and the fixture's own unknown ticket moves from line 23 to line 28.
    const file = scratchCopy('events.csv', (text) => {
      const [header, ...lines] = text.split('\n');
      const multiline = '10001,2026-01-05T08:00:00Z,internal_note,a1,agent,,"first line\nsecond\nthird"';
      return [header, multiline, '10001,2026-01-05T08:01:00Z,telepathy,a1,agent,,', '88888,2026-01-05T08:02:00Z,created,c1,customer,,', ...lines].join('\n');
    });
    const summary = await loadFile(db, { file, mapping: servicepulseEvents, source: 'zendesk' });
    expect(summary.rejected).toBe(3);
    expect(await db.read(`SELECT line::INTEGER AS line, value FROM load_rejects WHERE load_id = $id ORDER BY line`, { id: summary.loadId })).toEqual([
      { line: 5, value: 'telepathy' }, { line: 6, value: '88888' }, { line: 28, value: '99999' },
    ]);
    expect(await db.read(`SELECT to_value FROM ticket_events WHERE kind = 'internal_note' AND ticket_id = (SELECT ticket_id FROM tickets WHERE external_id = '10001')`))
      .toEqual([{ to_value: 'first line\nsecond\nthird' }]);
  });

});

describe('events repeated within a file or across loads', () => {
  it('are stored once, comparing empty values too, while an event that differs in one value is kept', async () => {
    await loadOrganisation(db, `${smallFixture}organisation.json`);
    await loadFile(db, { file: `${smallFixture}tickets.csv`, mapping: zendeskTickets });
    const assign = '10001,2026-01-05T09:05:00Z,assign,,system,,a1';
    const created = '10001,2026-01-05T09:00:00Z,created,c1,customer,,';
    // Three more copies of two lines (one with empty actor and from value), and the assignment with a from value.
    const file = scratchCopy('events.csv', (text) => `${text}${assign}\n${assign}\n${created}\n10001,2026-01-05T09:05:00Z,assign,,system,a0,a1\n`);
    const first = await loadFile(db, { file, mapping: servicepulseEvents, source: 'zendesk' });
    // 22 lines of the fixture (one for a ticket not loaded) and 4 added: 21 events of the fixture plus the changed assignment.
    expect({ read: first.rowsRead, inserted: first.inserted, rejected: first.rejected, unchanged: first.unchanged }).toEqual({ read: 26, inserted: 22, rejected: 1, unchanged: 3 });
    const again = await loadFile(db, { file, mapping: servicepulseEvents, source: 'zendesk' });
    expect({ inserted: again.inserted, unchanged: again.unchanged }).toEqual({ inserted: 0, unchanged: 25 });
    expect(await db.read(`SELECT count(*)::INTEGER AS events,
        count(DISTINCT (ticket_id, occurred_at, kind, actor, actor_kind, from_value, to_value))::INTEGER AS distinct_events,
        count(*) FILTER (WHERE kind = 'assign')::INTEGER AS assignments
      FROM ticket_events`)).toEqual([{ events: 22, distinct_events: 22, assignments: 2 }]);
  });
});

describe('exports without optional columns', () => {
  it('load, leaving those fields empty and naming them in the summary', async () => {
    const trimmed = scratchCopy('tickets.csv', () =>
      [
        'ID,Requester,Requester ID,Assignee,Group,Tags,Status,Priority,Via,Created at',
        '10001,Marko Horvat,c1,Ana Kovač,Zagreb Support,billing,Closed,Normal,Mail,2026-01-05 09:00:00',
        '10002,Finance Dept,c2,Ana Kovač,Zagreb Support,access,Solved,Normal,Phone call (incoming),2026-01-06 14:00:00',
        '',
      ].join('\n'),
    );
    const summary = await loadFile(db, { file: trimmed, mapping: zendeskTickets });
    expect([summary.inserted, summary.rejected]).toEqual([2, 0]);
    expect(summary.absentFields).toEqual(['subject', 'description', 'updated_at', 'solved_at', 'due_at', 'category', 'subcategory', 'requester_kind', 'organization', 'submitter', 'first_response_at', 'agent_replies', 'reopens', 'team_stations', 'assignee_stations']);
    expect(await db.read(`SELECT external_id, subject, channel, status FROM tickets ORDER BY 1`)).toEqual([
      { external_id: '10001', subject: null, channel: 'email', status: 'closed' },
      { external_id: '10002', subject: null, channel: 'phone', status: 'solved' },
    ]);
  });
});

describe('a load that cannot proceed', () => {
  it('names the file and the missing columns, changes nothing and records the failure', async () => {
    await loadSmallFixture(db);
    const before = await tableSnapshot();
    const wrong = scratchCopy('events.csv');
    const error = await loadFile(db, { file: wrong, mapping: zendeskTickets }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as Error).message).toContain(wrong);
    expect((error as Error).message).toMatch(/missing columns "ID" \(for external_id\), .*Columns found: "ticket_id", "occurred_at"/);
    expect(await tableSnapshot()).toEqual(before);
    expect(await db.read(`SELECT status, file FROM loads ORDER BY load_id DESC LIMIT 1`)).toEqual([{ status: 'failed', file: 'events.csv' }]);
  });

  it('refuses an unknown time zone before reading', async () => {
    const error = await loadFile(db, { file: join(smallFixture, 'tickets.csv'), mapping: zendeskTickets, timeZone: 'Europe/Zagrebb' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/tickets\.csv: unknown time zone "Europe\/Zagrebb"/);
  });

  it("records each file's SHA-256, whether its load committed, failed after reading it or failed before", async () => {
    const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    const tickets = join(smallFixture, 'tickets.csv');
    const wrong = scratchCopy('events.csv');
    await loadFile(db, { file: tickets, mapping: zendeskTickets });
    await loadFile(db, { file: wrong, mapping: zendeskTickets }).catch(() => undefined);
    await loadFile(db, { file: tickets, mapping: zendeskTickets, timeZone: 'Europe/Zagrebb' }).catch(() => undefined);
    expect(await db.read(`SELECT file, status, sha256 FROM loads ORDER BY load_id`)).toEqual([
      { file: 'tickets.csv', status: 'committed', sha256: sha256Of(tickets) },
      { file: 'events.csv', status: 'failed', sha256: sha256Of(wrong) },
      { file: 'tickets.csv', status: 'failed', sha256: sha256Of(tickets) },
    ]);
    expect(sha256Of(tickets)).not.toBe(sha256Of(wrong));
  });

  it('reports a file that does not exist', async () => {
    const error = await loadFile(db, { file: '/nonexistent/tickets.csv', mapping: zendeskTickets }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('/nonexistent/tickets.csv: cannot be opened: ENOENT');
  });

  it('reads timestamps without an offset in the given time zone', async () => {
    const copy = scratchCopy('tickets.csv');
    await loadFile(db, { file: copy, mapping: zendeskTickets, timeZone: 'Europe/Zagreb' });
    // 2026-01-05 09:00 in Zagreb (UTC+1 in winter) is 08:00 UTC.
    expect(await db.read(`SELECT strftime(created_at, '%Y-%m-%d %H:%M') AS utc FROM tickets WHERE external_id = '10001'`)).toEqual([{ utc: '2026-01-05 08:00' }]);
  });
});
