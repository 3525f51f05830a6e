// An event log that creates its tickets, exported in parts: a later part carries later values of a ticket an earlier
// part created (it moved team, its priority was raised), and those are the ticket's values now, as if the parts had
// been one file. A part holding only earlier events changes no value but may move the creation earlier; a ticket a
// tickets file loaded keeps the file's values. Each expected value is read off the rows below by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingFromJson } from '../../../pipelines/mapping/file.ts';
import { freshDb } from '../../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-event-log-parts-'));
const part = (name: string, rows: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, `Case,At,Activity,Group,Priority,Subject\n${rows.join('\n')}\n`);
  return file;
};

const { mapping } = mappingFromJson({
  source: 'itsm', kind: 'events', creates_tickets: true, time_zone: 'UTC',
  fields: {
    ticket_external_id: 'Case', occurred_at: 'At', ticket_team: 'Group', ticket_subject: 'Subject',
    ticket_priority: { column: 'Priority', values: { P1: 'urgent', P3: 'normal' } },
    kind: { column: 'Activity', values: { Open: 'created', Update: 'internal_note', Resolve: 'solved' } },
  },
  defaults: { ticket_channel: 'web', actor_kind: 'agent' },
}, 'parts mapping');

const ticketsMapping = mappingFromJson({
  source: 'itsm', kind: 'tickets', time_zone: 'UTC',
  fields: { external_id: 'Id', created_at: 'Created', status: 'Status', team: 'Group', subject: 'Subject' },
  defaults: { channel: 'email' },
}, 'tickets mapping').mapping;

const ticket = (db: Database, id: string) =>
  db.read(
    `SELECT external_id, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS created, team_id, priority, subject, status
       FROM tickets WHERE external_id = $id`,
    { id },
  );

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  // T1 comes from a tickets file: the tickets file's values stand whatever an event log says of it.
  const tickets = join(dir, 'tickets.csv');
  writeFileSync(tickets, 'Id,Created,Status,Group,Subject\nT1,2026-02-01 08:00,open,Desk,Printer\n');
  await loadFile(db, { file: tickets, mapping: ticketsMapping });
  // January: C1 opened at Desk, P3, "VPN down"; C2 opened and resolved.
  await loadFile(db, { file: part('january.csv', [
    'C1,2026-01-30 09:00,Open,Desk,P3,VPN down',
    'C1,2026-01-30 10:00,Update,Desk,P3,VPN down',
    'C2,2026-01-30 11:00,Open,Desk,P3,Password',
    'C2,2026-01-30 12:00,Resolve,Desk,P3,Password',
  ]), mapping }).then((s) => expect(s.ticketsCreated).toBe(2));
});
afterAll(async () => {
  await db.close();
});

describe('an event log exported in parts', () => {
  it('takes a later part\'s values for the tickets an earlier part created: their latest values, as one file would', async () => {
    // February: C1 moved to Network and raised to P1 with a new subject; the team of its last row is Network. C3 is new.
    const summary = await loadFile(db, { file: part('february.csv', [
      'C1,2026-02-02 09:00,Update,Network,P1,VPN down for all',
      'C1,2026-02-02 15:00,Resolve,Network,,',
      'C3,2026-02-02 10:00,Open,Desk,P3,Mail',
      'T1,2026-02-02 11:00,Update,Network,P1,Printer on fire',
    ]), mapping });
    expect([summary.inserted, summary.ticketsCreated, summary.rejected]).toEqual([4, 1, 0]);
    expect(await ticket(db, 'C1')).toEqual([
      { external_id: 'C1', created: '2026-01-30 09:00', team_id: 'Network', priority: 'urgent', subject: 'VPN down for all', status: 'solved' },
    ]);
    // C2 had no event in February: untouched.
    expect(await ticket(db, 'C2')).toEqual([
      { external_id: 'C2', created: '2026-01-30 11:00', team_id: 'Desk', priority: 'normal', subject: 'Password', status: 'solved' },
    ]);
    // T1 is the tickets file's: its team and subject stay; its events are stored.
    expect(await ticket(db, 'T1')).toEqual([
      { external_id: 'T1', created: '2026-02-01 08:00', team_id: 'Desk', priority: null, subject: 'Printer', status: 'open' },
    ]);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events JOIN tickets USING (ticket_id) WHERE external_id = 'T1'`)).toEqual([{ n: 1 }]);
  });

  it('keeps the values when a part holds only earlier events of a ticket, and moves its creation to the earliest', async () => {
    // A late re-export of C1's first hours, before anything stored: stale values, an earlier opening.
    await loadFile(db, { file: part('late.csv', ['C1,2026-01-29 18:00,Update,Triage,P3,VPN slow']), mapping });
    expect(await ticket(db, 'C1')).toEqual([
      { external_id: 'C1', created: '2026-01-29 18:00', team_id: 'Network', priority: 'urgent', subject: 'VPN down for all', status: 'solved' },
    ]);
  });
});
