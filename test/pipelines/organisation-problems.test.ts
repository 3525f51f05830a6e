// A bad organisation file is refused with every problem (up to ten) named by its place in the file, in bracket
// notation, with the id of the team (agent, user …) it belongs to, and the file; nothing is stored.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { freshDb } from '../helpers/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'servicepulse-org-problems-'));
const team = (team_id: string, extra: object = {}) => ({
  team_id, name: `Team ${team_id}`, time_zone: 'UTC', provider_kind: 'in_house', calendar: { weekly: { mon: [['08:00', '16:00']] } }, ...extra,
});

let db: Database;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

async function refusal(name: string, content: object): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  const error = await loadOrganisation(db, file).then(() => null, (e: Error) => e);
  expect(error, `${name} should be refused`).not.toBeNull();
  expect(await db.read('SELECT count(*)::INTEGER AS n FROM teams')).toEqual([{ n: 0 }]);
  return error!.message;
}

describe('a bad organisation file', () => {
  it('names a bad clock by its path in the file and its team', async () => {
    const message = await refusal('clock.json', {
      teams: [team('a'), team('b'), team('c'), team('sd', { calendar: { weekly: { mon: [['08:00', '16:00'], ['17:00', '25:00']] } } })],
    });
    expect(message).toBe(`${join(dir, 'clock.json')}: the organisation file has a problem (docs/importing.md, "The organisation file"):\n` +
      '  teams[3].calendar.weekly.mon[1][1] (team "sd"): expected HH:MM (00:00–24:00)');
  });

  it('reports every problem, each with its owner', async () => {
    const message = await refusal('several.json', {
      teams: [team('a', { provider_kind: 'outsource' }), team('b', { support_level: 4, calendar: { weekly: { monday: [] } } })],
      agents: [{ agent_id: 'x1', name: '', team_id: 'a' }],
      customers: [{ customer_id: 'c1', kind: 'external', flags: [{ flag: 'vip', set_by: 'lead', set_at: 'yesterday' }] }],
    });
    expect(message.split('\n').slice(1)).toEqual([
      '  teams[0].provider_kind (team "a"): Invalid option: expected one of "in_house"|"outsourced"|"independent"',
      '  teams[1].support_level (team "b"): Too big: expected number to be <=3',
      '  teams[1].calendar.weekly (team "b"): Unrecognized key: "monday"',
      '  agents[0].name (agent "x1"): Too small: expected string to have >=1 characters',
      '  customers[0].flags[0].set_at (customer "c1"): Invalid ISO datetime',
    ]);
    expect(message).toMatch(/: the organisation file has 5 problems/);
  });

  it('refuses a misspelt key rather than dropping its value', async () => {
    // Without this a team's `suport_level: 2` would load as level 1, and no one would be told.
    const message = await refusal('misspelt.json', {
      teams: [team('a', { suport_level: 2 })],
      agents: [{ agent_id: 'x1', name: 'Xena', team_id: 'a', emial: 'x@example.com' }],
    });
    expect(message.split('\n').slice(1)).toEqual([
      '  teams[0] (team "a"): Unrecognized key: "suport_level"',
      '  agents[0] (agent "x1"): Unrecognized key: "emial"',
    ]);
  });

  it('lists ten problems and counts the rest', async () => {
    const message = await refusal('many.json', { teams: Array.from({ length: 13 }, (_, i) => team(`t${i}`, { time_zone: 5 })) });
    const lines = message.split('\n');
    expect(lines[0]).toMatch(/: the organisation file has 13 problems/);
    expect(lines.slice(1)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `  teams[${i}].time_zone (team "t${i}"): Invalid input: expected string, received number`),
      '  … and 3 more',
    ]);
  });

  it('names every unknown time zone', async () => {
    const message = await refusal('zones.json', { teams: [team('a', { time_zone: 'Europe/Zagrebb' }), team('b'), team('c', { time_zone: 'Mars/Base' })] });
    expect(message.split('\n').slice(1)).toEqual([
      '  teams[0].time_zone (team "a"): unknown time zone "Europe/Zagrebb" (use an IANA name such as Europe/Zagreb)',
      '  teams[2].time_zone (team "c"): unknown time zone "Mars/Base" (use an IANA name such as Europe/Zagreb)',
    ]);
  });

  it('says what is missing at the top of the file', async () => {
    const message = await refusal('empty.json', {});
    expect(message.split('\n').slice(1)).toEqual(['  teams: Invalid input: expected array, received undefined']);
  });
});
