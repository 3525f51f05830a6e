// Real public exports from ../shared/datasets, loaded through the shipped mapping files; every expected
// figure is computed in the test by plain SQL over the raw file, not by the load path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { readMappingFile } from '../../pipelines/mapping/file.ts';
import { datasets, datasetsAvailable, shippedMappings as mappings } from '../helpers/datasets.ts';
import { readColumns } from '../../pipelines/read.ts';
import { detectMapping } from '../../pipelines/sources/index.ts';
import { servicenowIncidentLog } from '../../pipelines/sources/servicenow.ts';
import { freshDb } from '../helpers/db.ts';


const available = datasetsAvailable('Real-dataset');

describe.runIf(available)('Italian helpdesk event log (4,580 cases)', () => {
  const file = `${datasets}helpdesk_italian_sw_company/helpdesk_finale.csv`;
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
    const { mapping, timeZone } = await readMappingFile(`${mappings}helpdesk-italian-events.json`);
    const summary = await loadFile(db, { file, mapping, timeZone });
    expect([summary.rowsRead, summary.rejected]).toEqual([21_348, 0]);
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates one ticket per case', async () => {
    const raw = await db.readOne<{ n: number }>(`SELECT count(DISTINCT "Case ID")::INTEGER AS n FROM read_csv($file, header = true, all_varchar = true)`, { file });
    expect(raw!.n).toBe(4_580);
    expect(await db.read(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE from_event_log)::INTEGER AS from_log FROM tickets`)).toEqual([{ n: 4_580, from_log: 4_580 }]);
  });

  it('median first response ("Take in charge ticket") equals a plain computation over the raw log', async () => {
    const independent = await db.readOne<{ median: number; n: number }>(
      `WITH raw AS (SELECT "Case ID" AS id, "Activity" AS activity, strptime("Complete Timestamp", '%Y/%m/%d %H:%M:%S.%g') AS ts
                      FROM read_csv($file, header = true, all_varchar = true)),
            per_case AS (SELECT id, min(ts) AS opened, min(ts) FILTER (WHERE activity = 'Take in charge ticket') AS taken FROM raw GROUP BY id)
       SELECT median(date_diff('second', opened, taken) / 60.0) AS median, count(taken)::INTEGER AS n FROM per_case`,
      { file },
    );
    const ours = await db.readOne<{ median: number; n: number }>(
      `SELECT median(first_response_minutes) AS median, count(first_response_minutes)::INTEGER AS n FROM ticket_facts`,
    );
    expect(ours!.n).toBe(independent!.n);
    expect(ours!.median).toBeCloseTo(independent!.median, 6);
  });

  it('median resolution and the status of each case follow the log', async () => {
    const independent = await db.readOne<{ median: number; resolved: number; closed: number }>(
      `WITH raw AS (SELECT "Case ID" AS id, "Activity" AS activity, strptime("Complete Timestamp", '%Y/%m/%d %H:%M:%S.%g') AS ts
                      FROM read_csv($file, header = true, all_varchar = true)),
            per_case AS (SELECT id, min(ts) AS opened, max(ts) FILTER (WHERE activity = 'Resolve ticket') AS resolved,
                                arg_max(activity, ts) FILTER (WHERE activity IN ('Resolve ticket', 'Closed', 'Wait')) AS last_milestone,
                                last_milestone = 'Closed' AS closed FROM raw GROUP BY id)
       -- Solved: resolved, and not waiting again since (its last milestone is a resolve or the closing).
       SELECT median(date_diff('second', opened, resolved) / 60.0) FILTER (WHERE last_milestone IN ('Resolve ticket', 'Closed')) AS median,
              count(resolved)::INTEGER AS resolved, count(*) FILTER (WHERE closed)::INTEGER AS closed FROM per_case`,
      { file },
    );
    const ours = await db.readOne<{ median: number; resolved: number; closed: number }>(
      `SELECT median(f.full_resolution_minutes) AS median, count(t.solved_at)::INTEGER AS resolved,
              count(*) FILTER (WHERE t.status = 'closed')::INTEGER AS closed
         FROM tickets t JOIN ticket_facts f USING (ticket_id)`,
    );
    expect(ours!.resolved).toBe(independent!.resolved);
    expect(ours!.closed).toBe(independent!.closed);
    expect(ours!.median).toBeCloseTo(independent!.median, 6);
  });

  it('loading the log again changes nothing', async () => {
    const { mapping, timeZone } = await readMappingFile(`${mappings}helpdesk-italian-events.json`);
    const again = await loadFile(db, { file, mapping, timeZone });
    expect([again.inserted, again.unchanged, again.rejected]).toEqual([0, 21_348, 0]);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM tickets`)).toEqual([{ n: 4_580 }]);
  });
});

describe.runIf(available)('ServiceNow incident event log (119,998 snapshots of 20,769 incidents)', () => {
  const file = `${datasets}servicenow_incident_event_log/incident_event_log.csv.gz`;
  let db: Database;
  beforeAll(async () => {
    db = await freshDb();
    const { mapping, timeZone } = await readMappingFile(`${mappings}servicenow-incident-log.json`);
    const summary = await loadFile(db, { file, mapping, timeZone });
    // Two snapshots carry the state "-100", which no ServiceNow state is: rejected with their reason, not guessed.
    expect([summary.rowsRead, summary.inserted, summary.rejected, summary.superseded]).toEqual([119_998, 20_769, 2, 99_227]);
    expect(summary.topRejects[0]!.reason).toMatch(/^unknown status value/);
  });
  afterAll(async () => {
    await db.close();
  });

  // Independently: each incident's latest snapshot by its modification counter (sys_mod_count), skipping
  // the two rows with an invalid state, read straight from the raw file.
  const latestSnapshots = `
    WITH raw AS (SELECT * FROM read_csv($file, header = true, all_varchar = true) WHERE incident_state <> '-100'),
         latest AS (SELECT number, arg_max(incident_state, (sys_mod_count::INTEGER, sys_updated_at)) AS state,
                           arg_max(opened_at, sys_mod_count::INTEGER) AS opened_at, arg_max(resolved_at, sys_mod_count::INTEGER) AS resolved_at,
                           arg_max(reopen_count, sys_mod_count::INTEGER)::INTEGER AS reopens
                      FROM raw GROUP BY number)
    SELECT *, strptime(opened_at, '%d/%m/%Y %H:%M') AS opened, strptime(nullif(resolved_at, '?'), '%d/%m/%Y %H:%M') AS resolved FROM latest`;

  it('is recognised from its header as the built-in ServiceNow audit log', async () => {
    expect(detectMapping(file, await readColumns(db, file))).toBe(servicenowIncidentLog);
  });

  it('has one ticket per incident', async () => {
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM tickets WHERE source = 'servicenow'`)).toEqual([{ n: 20_769 }]);
  });

  it('median resolution time and reopen share equal a plain computation over the raw log', async () => {
    const independent = await db.readOne<{ median: number; reopen_share: number; solved: number }>(
      `SELECT median(date_diff('second', opened, resolved) / 60.0) AS median, avg((reopens > 0)::INTEGER) AS reopen_share, count(*)::INTEGER AS solved
         FROM (${latestSnapshots}) WHERE state IN ('Resolved', 'Closed') AND resolved IS NOT NULL`,
      { file },
    );
    const ours = await db.readOne<{ median: number; reopen_share: number; solved: number }>(
      `SELECT median(full_resolution_minutes) AS median, avg((reopens > 0)::INTEGER) AS reopen_share, count(*)::INTEGER AS solved
         FROM ticket_facts WHERE is_solved`,
    );
    expect(ours!.solved).toBe(independent!.solved);
    expect(ours!.median).toBeCloseTo(independent!.median, 6);
    expect(ours!.reopen_share).toBeCloseTo(independent!.reopen_share, 9);
  });
});
