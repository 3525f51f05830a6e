// A log that marks each transfer with an activity but names no team (an XES log with no group attribute): the
// transfers are reassignments all the same. Stations and the reassignment rate are worked out by hand below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { SeriesResponse } from '../../api/contracts.ts';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { freshDb } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  const dir = mkdtempSync(join(tmpdir(), 'servicepulse-transfers-'));
  const file = join(dir, 'transfers.csv');
  // T1 moved twice (3 stations), T2 never (no team known: 0 stations), T3 once (2 stations). All created in March 2026.
  writeFileSync(file, [
    'Case,At,Activity',
    'T1,2026-03-02 09:00:00,Open', 'T1,2026-03-02 10:00:00,Reassignment', 'T1,2026-03-03 10:00:00,Reassignment', 'T1,2026-03-04 10:00:00,Resolve',
    'T2,2026-03-02 09:30:00,Open', 'T2,2026-03-02 11:00:00,Resolve',
    'T3,2026-03-03 09:00:00,Open', 'T3,2026-03-03 12:00:00,Reassignment', 'T3,2026-03-05 12:00:00,Resolve',
  ].join('\n') + '\n');
  const { mapping, timeZone } = mappingFromJson({
    source: 'no_groups', kind: 'events', creates_tickets: true, time_zone: 'UTC',
    fields: { ticket_external_id: 'Case', occurred_at: 'At', kind: { column: 'Activity', values: { Open: 'created', Reassignment: 'team_change', Resolve: 'solved' } } },
    defaults: { ticket_channel: 'email', actor_kind: 'agent' },
  }, 'no-groups mapping');
  await loadFile(db, { file, mapping, timeZone });
});
afterAll(async () => {
  await db.close();
});

describe('transfers in a log that names no team', () => {
  it('count as stations, so the tickets moved are reassigned', async () => {
    expect(await db.read(`SELECT t.external_id, t.team_id, f.team_stations FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`)).toEqual([
      { external_id: 'T1', team_id: null, team_stations: 3 },
      { external_id: 'T2', team_id: null, team_stations: 0 },
      { external_id: 'T3', team_id: null, team_stations: 2 },
    ]);
    const app = await signedIn(createApp({ db, now: () => new Date('2026-04-01T12:00:00Z') }), db);
    const response = await app.request('/api/metrics/reassignment_rate?from=2026-03-01&to=2026-04-01&grain=month');
    expect(response.status).toBe(200);
    const { total } = (await response.json()) as SeriesResponse;
    // Two of the three tickets had more than one station.
    expect(total.tickets).toBe(3);
    expect(total.value).toBeCloseTo(200 / 3, 9);
  });
});
