// A snapshot log keeps what its earlier rows tell (issue 14 §7): team and assignee stations and reopens, from the
// sequence of states or from the source's own counters, continued by a later load. Every count is worked out by hand
// from the rows below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { freshDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-snapshots-'));
function writeFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const snapshotLog = (counters: Record<string, string> = {}) =>
  mappingFromJson({
    source: 'itsm', kind: 'tickets', latest_by: 'updated_at', time_zone: 'UTC', timestamp_format: '%Y-%m-%d %H:%M',
    fields: {
      external_id: 'Number', created_at: 'Opened', updated_at: 'Updated', team: 'Group', assignee: 'Assignee',
      status: { column: 'State', values: { New: 'new', Active: 'open', Resolved: 'solved' } }, ...counters,
    },
    defaults: { channel: 'email' },
  }, 'snapshot log mapping').mapping;

// The rows of each incident are written out of time order: the sequence follows Updated, then the line.
// S1: A → B → A: 3 team stations; Ann, Bob (the empty assignee between names none): 2 assignee stations;
//     Resolved → Active: 1 reopen.
// S2: group A, empty, A again; Cid throughout; two rows at 09:00 ordered by their lines (New, then Active): nothing moved.
// S3: a single snapshot.
// S4: two rows at 12:00, group A on the earlier line, B on the later one: 1 team change, and B is its team.
const header = 'Number,Opened,Updated,State,Group,Assignee,Reassignments,Reopened';
const firstFile = [
  header,
  'S1,2026-03-02 09:00,2026-03-02 15:00,Resolved,Group A,Bob,5,2',
  'S1,2026-03-02 09:00,2026-03-02 13:00,Resolved,Group B,Bob,1,0',
  'S1,2026-03-02 09:00,2026-03-02 09:00,New,Group A,,0,0',
  'S1,2026-03-02 09:00,2026-03-02 11:00,Active,Group B,,1,0',
  'S1,2026-03-02 09:00,2026-03-02 10:00,Active,Group A,Ann,0,0',
  'S1,2026-03-02 09:00,2026-03-02 14:00,Active,Group B,Bob,1,1',
  'S1,2026-03-02 09:00,2026-03-02 12:00,Active,Group B,Bob,1,0',
  'S2,2026-03-02 09:00,2026-03-02 09:00,New,Group A,Cid,0,0',
  'S2,2026-03-02 09:00,2026-03-02 09:00,Active,Group A,Cid,0,0',
  'S2,2026-03-02 09:00,2026-03-02 11:00,Active,Group A,Cid,0,0',
  'S2,2026-03-02 09:00,2026-03-02 10:00,Active,,Cid,0,0',
  'S3,2026-03-03 09:00,2026-03-03 10:00,Resolved,Group C,Dee,0,0',
  'S4,2026-03-03 09:00,2026-03-03 12:00,Active,Group A,Dee,0,0',
  'S4,2026-03-03 09:00,2026-03-03 12:00,Active,Group B,Dee,1,0',
].join('\n') + '\n';

// Later snapshots of S1 and S2, with S1's last stored state repeated (no later than the stored one: counted already).
// S1: 16:00 back to Active with Group A and Bob, as stored: a reopen, no move; 17:00 Group C and Eve: one more of each.
// S2: 12:00 Group B, Cid: a team change at the boundary with the stored ticket (Group A).
const secondFile = [
  header,
  'S1,2026-03-02 09:00,2026-03-02 15:00,Resolved,Group A,Bob,5,2',
  'S1,2026-03-02 09:00,2026-03-02 16:00,Active,Group A,Bob,5,3',
  'S1,2026-03-02 09:00,2026-03-02 17:00,Active,Group C,Eve,6,3',
  'S2,2026-03-02 09:00,2026-03-02 12:00,Active,Group B,Cid,1,0',
].join('\n') + '\n';

const organisation = {
  teams: ['A', 'B', 'C'].map((letter) => ({ team_id: `g${letter.toLowerCase()}`, name: `Group ${letter}`, time_zone: 'UTC', provider_kind: 'in_house', calendar: { weekly: {} } })),
  agents: ['Ann', 'Bob', 'Cid', 'Dee', 'Eve'].map((name) => ({ agent_id: name.toLowerCase(), name, team_id: 'ga' })),
};

const counts = (db: Database) =>
  db.read(
    `SELECT t.external_id, t.team_changes, t.assignee_changes, t.reopens, t.status, f.team_stations, f.assignee_stations
       FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`,
  );

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

describe('a snapshot log without counters', () => {
  it('counts stations and reopens from the sequence of its states, whether or not the organisation knows the names', async () => {
    const summary = await loadFile(db, { file: writeFile('first.csv', firstFile), mapping: snapshotLog() });
    expect([summary.inserted, summary.superseded, summary.rejected]).toEqual([4, 10, 0]);
    // No organisation: the load creates the teams and agents the tickets' latest states name (Group A, B, C; Bob, Cid,
    // Dee), so a ticket that never moved has been at one station; the moves are read from the raw names all the same.
    expect([summary.teamsCreated, summary.agentsCreated]).toEqual([3, 3]);
    expect(await counts(db)).toEqual([
      { external_id: 'S1', team_changes: 2, assignee_changes: 1, reopens: 1, status: 'solved', team_stations: 3, assignee_stations: 2 },
      { external_id: 'S2', team_changes: 0, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 1, assignee_stations: 1 },
      { external_id: 'S3', team_changes: 0, assignee_changes: 0, reopens: 0, status: 'solved', team_stations: 1, assignee_stations: 1 },
      { external_id: 'S4', team_changes: 1, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 2, assignee_stations: 1 },
    ]);
  });

  it('continues the counts of stored tickets with a later file of more snapshots', async () => {
    await loadOrganisation(db, writeFile('organisation.json', JSON.stringify(organisation)));
    await loadFile(db, { file: writeFile('first.csv', firstFile), mapping: snapshotLog() });
    // S3 and S4 are not in the later file: they stay as the first file left them.
    const untouched = [
      { external_id: 'S3', team_changes: 0, assignee_changes: 0, reopens: 0, status: 'solved', team_stations: 1, assignee_stations: 1 },
      { external_id: 'S4', team_changes: 1, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 2, assignee_stations: 1 },
    ];
    expect(await counts(db)).toEqual([
      { external_id: 'S1', team_changes: 2, assignee_changes: 1, reopens: 1, status: 'solved', team_stations: 3, assignee_stations: 2 },
      { external_id: 'S2', team_changes: 0, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 1, assignee_stations: 1 },
      ...untouched,
    ]);
    const summary = await loadFile(db, { file: writeFile('second.csv', secondFile), mapping: snapshotLog() });
    expect([summary.updated, summary.superseded]).toEqual([2, 2]);
    expect(await counts(db)).toEqual([
      { external_id: 'S1', team_changes: 3, assignee_changes: 2, reopens: 2, status: 'open', team_stations: 4, assignee_stations: 3 },
      { external_id: 'S2', team_changes: 1, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 2, assignee_stations: 1 },
      ...untouched,
    ]);
    // The same later file again changes nothing: its states are the stored ones.
    const again = await loadFile(db, { file: writeFile('second.csv', secondFile), mapping: snapshotLog() });
    expect([again.updated, again.unchanged]).toEqual([0, 2]);
  });

  it('counts a move at the boundary to a team and an agent the later file names first, which that load creates', async () => {
    await loadOrganisation(db, writeFile('organisation.json', JSON.stringify(organisation)));
    await loadFile(db, { file: writeFile('first.csv', firstFile), mapping: snapshotLog() });
    // S2 is stored in Group A with Cid; its later state is in Group D with Fay, neither known before this load.
    const later = `${header}\nS2,2026-03-02 09:00,2026-03-02 12:00,Active,Group D,Fay,1,0\n`;
    const summary = await loadFile(db, { file: writeFile('unknown-names.csv', later), mapping: snapshotLog() });
    expect([summary.updated, summary.teamsCreated, summary.agentsCreated]).toEqual([1, 1, 1]);
    expect((await counts(db)).find((row) => row.external_id === 'S2')).toEqual(
      { external_id: 'S2', team_changes: 1, assignee_changes: 1, reopens: 0, status: 'open', team_stations: 2, assignee_stations: 2 },
    );
  });
});

describe('a snapshot log with counters', () => {
  it('takes the latest state\'s counter where the mapping names one, and the sequence for the rest', async () => {
    await loadFile(db, { file: writeFile('first.csv', firstFile), mapping: snapshotLog({ team_changes: 'Reassignments', reopens: 'Reopened' }) });
    // S1's last state says 5 reassignments and 2 reopens (more than its snapshots show); its assignees come from them.
    expect(await counts(db)).toEqual([
      { external_id: 'S1', team_changes: 5, assignee_changes: 1, reopens: 2, status: 'solved', team_stations: 6, assignee_stations: 2 },
      { external_id: 'S2', team_changes: 0, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 1, assignee_stations: 1 },
      { external_id: 'S3', team_changes: 0, assignee_changes: 0, reopens: 0, status: 'solved', team_stations: 1, assignee_stations: 1 },
      { external_id: 'S4', team_changes: 1, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 2, assignee_stations: 1 },
    ]);
    // A later file's counters are the source's running totals: the latest one stands, nothing is added to it.
    await loadFile(db, { file: writeFile('second.csv', secondFile), mapping: snapshotLog({ team_changes: 'Reassignments', reopens: 'Reopened' }) });
    expect((await counts(db)).slice(0, 2)).toEqual([
      { external_id: 'S1', team_changes: 6, assignee_changes: 2, reopens: 3, status: 'open', team_stations: 7, assignee_stations: 3 },
      { external_id: 'S2', team_changes: 1, assignee_changes: 0, reopens: 0, status: 'open', team_stations: 2, assignee_stations: 1 },
    ]);
  });
});
