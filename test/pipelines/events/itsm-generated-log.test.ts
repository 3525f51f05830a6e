// A generated ITSM-style event log, as a service desk tool exports it: one row per status change of an incident,
// the support line (1st/2nd/3rd) and the assignment group written on every row whatever the status, 650 groups,
// transfers at the same line, escalations to higher lines (some on a wait row itself), waits at the 2nd line,
// de-escalations. It loads with the mapping docs/importing.md shows (docs/examples/itsm-levels.mapping.json), and
// the API's escalation rate, reassignment rate and median first resolution time equal the same figures computed
// below by plain TypeScript over the generated rows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.ts';
import type { SeriesResponse } from '../../../api/contracts.ts';
import { Rng } from '../../../pipelines/demo/random.ts';
import { loadFile, type LoadSummary } from '../../../pipelines/load.ts';
import { readMappingFile } from '../../../pipelines/mapping/file.ts';
import { loadOrganisation } from '../../../pipelines/organisation/load.ts';
import type { Database } from '../../../sql/db.ts';
import { freshDb } from '../../helpers/db.ts';
import { signedIn } from '../../helpers/signed-in.ts';

/**
 * Whether the organisation file names the assignment groups; the figures must not depend on it. It names none: the
 * load creates the 650 groups (docs/importing.md, "Teams and agents the organisation file does not name").
 */
const groupsInOrganisation = false;

const incidents = 3_000;
const lines = ['1st line', '2nd line', '3rd line'] as const;
/** 400 first-line groups, 180 second-line, 70 third-line. */
const groups = [
  Array.from({ length: 400 }, (_, i) => `Service Desk ${String(i + 1).padStart(3, '0')}`),
  Array.from({ length: 180 }, (_, i) => `Network Ops ${String(i + 1).padStart(3, '0')}`),
  Array.from({ length: 70 }, (_, i) => `Platform Engineering ${String(i + 1).padStart(2, '0')}`),
];

interface Row { incident: string; at: number; status: string; level: 1 | 2 | 3; group: string; category: string }

function generate(): Row[] {
  const rng = new Rng(14, 'itsm-levels');
  const rows: Row[] = [];
  const start = Date.UTC(2026, 0, 5, 8);
  for (let n = 1; n <= incidents; n++) {
    const incident = `INC${String(n).padStart(7, '0')}`;
    const category = rng.pick(['Network', 'Access', 'Hardware', 'Software']);
    let at = start + rng.int(0, 80 * 24 * 60) * 60_000;
    let level: 1 | 2 | 3 = 1;
    let group = rng.pick(groups[0]!);
    // Every row a minute or more after the one before: times within an incident are distinct.
    const row = (status: string) => {
      rows.push({ incident, at, status, level, group, category });
      at += rng.int(1, 240) * 60_000;
    };
    const moveTo = (to: 1 | 2 | 3) => {
      const others = groups[to - 1]!.filter((g) => g !== group);
      level = to;
      group = rng.pick(others);
    };
    row('Assigned');
    row('In Progress');
    if (rng.chance(0.3)) { moveTo(1); row('Assigned'); row('In Progress'); } // a transfer at the 1st line
    if (rng.chance(0.45)) {
      // Escalated to the 2nd line, on an Assigned row, or on the wait row itself ("Awaiting Info", now at L2).
      if (rng.chance(0.3)) { moveTo(2); row('Awaiting Info'); at += rng.int(60, 3_000) * 60_000; row('In Progress'); } else {
        moveTo(2); row('Assigned'); row('In Progress');
        if (rng.chance(0.6)) { row('Awaiting Info'); at += rng.int(60, 3_000) * 60_000; row('In Progress'); }
      }
      if (rng.chance(0.15)) { moveTo(2); row('Assigned'); } // a transfer at the 2nd line
      if (rng.chance(0.2)) { moveTo(3); row('Assigned'); row('In Progress'); }
      else if (rng.chance(0.12)) { moveTo(1); row('Assigned'); if (rng.chance(0.4)) { moveTo(2); row('Assigned'); } } // back down, perhaps up again
    }
    const ending = rng.float();
    if (ending < 0.9) { row('Resolved'); if (rng.chance(0.85)) row('Closed'); } else if (ending < 0.93) row('Closed'); // closed, never resolved
  }
  return rows;
}

/** The figures, by plain TypeScript over the rows. */
function expected(rows: Row[]) {
  const byIncident = new Map<string, Row[]>();
  for (const r of rows) byIncident.set(r.incident, [...(byIncident.get(r.incident) ?? []), r]);
  let escalated = 0;
  let reassigned = 0;
  const resolutionMinutes: number[] = [];
  for (const events of byIncident.values()) {
    const inTime = events.toSorted((a, b) => a.at - b.at);
    if (inTime.some((r, i) => i > 0 && r.level > inTime[i - 1]!.level)) escalated++;
    if (inTime.some((r, i) => i > 0 && r.group !== inTime[i - 1]!.group)) reassigned++;
    const resolved = inTime.find((r) => r.status === 'Resolved');
    if (resolved) resolutionMinutes.push((resolved.at - inTime[0]!.at) / 60_000);
  }
  resolutionMinutes.sort((a, b) => a - b);
  const middle = resolutionMinutes.length / 2;
  const median = resolutionMinutes.length % 2 ? resolutionMinutes[Math.floor(middle)]! : (resolutionMinutes[middle - 1]! + resolutionMinutes[middle]!) / 2;
  return { incidents: byIncident.size, escalationRate: (100 * escalated) / byIncident.size, reassignmentRate: (100 * reassigned) / byIncident.size, resolved: resolutionMinutes.length, medianFirstResolution: median };
}

const docs = readFileSync(new URL('../../../docs/importing.md', import.meta.url), 'utf8');
const mappingFile = fileURLToPath(new URL('../../../docs/examples/itsm-levels.mapping.json', import.meta.url));

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

let db: Database;
let rows: Row[];
let summary: LoadSummary;
beforeAll(async () => {
  rows = generate();
  const rng = new Rng(14, 'itsm-file-order');
  // The export lists rows in no particular order: the sequence per incident must come from the times.
  const shuffled = rows.map((r) => [rng.float(), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  const dir = mkdtempSync(join(tmpdir(), 'servicepulse-itsm-'));
  const file = join(dir, 'incident-events.csv');
  writeFileSync(file, ['Incident,Timestamp,Status,Support Line,Assignment Group,Category',
    ...shuffled.map((r) => [r.incident, stamp(r.at), r.status, lines[r.level - 1], r.group, r.category].join(','))].join('\n') + '\n');
  const organisation = join(dir, 'organisation.json');
  const teams = groups.flatMap((names, level) => names.map((name, i) => ({
    team_id: `g${level + 1}-${i + 1}`, name, time_zone: 'UTC', provider_kind: 'in_house', support_level: level + 1, calendar: { weekly: {} },
  })));
  // An organisation file lists one team at least: without the groups, a team the log never names.
  const elsewhere = { team_id: 'facilities', name: 'Facilities', time_zone: 'UTC', provider_kind: 'in_house', calendar: { weekly: {} } };
  writeFileSync(organisation, JSON.stringify({ teams: groupsInOrganisation ? teams : [elsewhere] }));
  db = await freshDb();
  await loadOrganisation(db, organisation);
  const { mapping, timeZone } = await readMappingFile(mappingFile);
  summary = await loadFile(db, { file, mapping, timeZone });
}, 240_000);
afterAll(async () => {
  await db?.close();
});

async function total(metric: string, query = '') {
  const app = await signedIn(createApp({ db, now: () => new Date('2026-08-01T00:00:00Z') }), db);
  const response = await app.request(`/api/metrics/${metric}?from=2026-01-01&to=2026-08-01&grain=month${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as SeriesResponse).total;
}

describe('a generated ITSM event log with support lines and 650 assignment groups', () => {
  it('is what the test means it to be', () => {
    const want = expected(rows);
    expect(new Set(rows.map((r) => r.group)).size).toBeGreaterThanOrEqual(600);
    // Enough of each kind of history that a wrong rule would move the figures.
    expect(want.escalationRate).toBeGreaterThan(30);
    expect(want.reassignmentRate).toBeGreaterThan(want.escalationRate);
    expect(rows.some((r, i) => i > 0 && r.incident === rows[i - 1]!.incident && r.status === 'Awaiting Info' && r.level > rows[i - 1]!.level)).toBe(true);
  });

  it('loads every row', () => {
    expect(summary).toMatchObject({ rowsRead: rows.length, inserted: rows.length, rejected: 0, ticketsCreated: incidents });
    expect(summary.teamsCreated).toBe(groupsInOrganisation ? 0 : new Set(rows.map((r) => r.group)).size);
  });

  it('escalation rate, reassignment rate and median first resolution equal the rows\' own', async () => {
    const want = expected(rows);
    const escalation = await total('escalation_rate');
    expect(escalation.tickets).toBe(want.incidents);
    expect(escalation.value).toBeCloseTo(want.escalationRate, 9);
    const reassignment = await total('reassignment_rate');
    expect(reassignment.tickets).toBe(want.incidents);
    expect(reassignment.value).toBeCloseTo(want.reassignmentRate, 9);
    const resolution = await total('first_resolution_time', '&hours=calendar&stat=p50');
    expect(resolution.tickets).toBe(want.resolved);
    expect(resolution.value).toBeCloseTo(want.medianFirstResolution, 9);
  });

  it('uses the mapping docs/importing.md shows', () => {
    expect(docs).toContain(readFileSync(mappingFile, 'utf8').trim());
  });
});

describe('the docs\' ITSM example', () => {
  it('gives what the docs say of INC0000042', async () => {
    const example = /### An ITSM log with support lines[\s\S]*?```csv\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'servicepulse-itsm-docs-')), 'example.csv');
    writeFileSync(file, example!);
    const fresh = await freshDb();
    try {
      const { mapping, timeZone } = await readMappingFile(mappingFile);
      await loadFile(fresh, { file, mapping, timeZone });
      // Escalated once and transferred once (two stations), solved 24.5 hours after its first row, waiting on the
      // customer from 10:40 to 08:05 the next day (1,285 minutes).
      expect(await fresh.read(
        `SELECT f.escalations, f.team_stations, f.first_resolution_minutes AS resolution, f.agent_wait_minutes AS agent_wait
           FROM ticket_facts f`,
      )).toEqual([{ escalations: 1, team_stations: 2, resolution: 1470, agent_wait: 1285 }]);
    } finally {
      await fresh.close();
    }
  });
});
