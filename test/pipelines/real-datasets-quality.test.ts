// Real exports with known data-quality faults, loaded through the shipped mappings: Comcast's complaints with
// day and month partly swapped, and the synthetic Kaggle tickets resolved before their first response. Every
// expected figure is computed here by plain SQL over the raw file, not by the load path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { querySeries } from '../../sql/metrics/series.ts';
import { backlogSnapshot } from '../../sql/metrics/backlog.ts';
import { loadFile, type LoadSummary } from '../../pipelines/load.ts';
import { readMappingFile } from '../../pipelines/mapping/file.ts';
import { datasets, datasetsAvailable, shippedMappings as mappings } from '../helpers/datasets.ts';

const available = datasetsAvailable('Real-dataset');
import { freshDb } from '../helpers/db.ts';

async function loadWithShippedMapping(db: Database, file: string, mappingFile: string): Promise<LoadSummary> {
  const { mapping, timeZone } = await readMappingFile(`${mappings}${mappingFile}`);
  return loadFile(db, { file, mapping, timeZone });
}

describe.runIf(available)('Comcast complaints: day and month partly swapped', () => {
  const file = `${datasets}comcast_consumer_complaints/Comcast_telecom_complaints_data.csv`;
  // "Date" is dd-mm-yy as written; its second part is always a valid month, so a value reads both ways
  // exactly when its first part is 12 or less, and as two different dates unless both parts are equal.
  const parts = `SELECT *, split_part("Date", '-', 1)::INTEGER AS first, split_part("Date", '-', 2)::INTEGER AS second
                   FROM read_csv($file, header = true, all_varchar = true)`;
  let db: Database;
  let summary: LoadSummary;
  let raw: { rows: number; ids: number; ambiguous: number; day_first_only: number; same: number };
  beforeAll(async () => {
    db = await freshDb();
    summary = await loadWithShippedMapping(db, file, 'comcast-complaints.json');
    raw = (await db.readOne<typeof raw>(
      `SELECT count(*)::INTEGER AS rows, count(DISTINCT "Ticket #")::INTEGER AS ids,
              count(*) FILTER (WHERE first <= 12 AND first <> second)::INTEGER AS ambiguous,
              count(*) FILTER (WHERE first > 12)::INTEGER AS day_first_only,
              count(*) FILTER (WHERE first = second)::INTEGER AS same
         FROM (${parts})`,
      { file },
    ))!;
  });
  afterAll(async () => {
    await db.close();
  });

  it('rejects every value that reads as two dates, names both, and loads the rest', async () => {
    expect(raw.ids).toBe(raw.rows);
    expect(raw.rows).toBe(raw.ambiguous + raw.day_first_only + raw.same);
    expect([summary.rowsRead, summary.rejected, summary.inserted]).toEqual([raw.rows, raw.ambiguous, raw.rows - raw.ambiguous]);
    const reasons = await db.read<{ ambiguous: number; example: string }>(
      `SELECT count(*) FILTER (WHERE starts_with(reason, 'day/month order ambiguous: "'))::INTEGER AS ambiguous,
              min(reason) FILTER (WHERE value = '04-12-15 3:22:03 PM') AS example
         FROM load_rejects`,
    );
    expect(reasons).toEqual([{ ambiguous: raw.ambiguous, example: 'day/month order ambiguous: "04-12-15 3:22:03 PM" reads as 2015-12-04 or 2015-04-12' }]);
  });

  it('warns with the counts, in the summary and stored with the load', async () => {
    expect(summary.warnings).toHaveLength(2);
    const [warning] = summary.warnings;
    expect(warning).toContain(`${raw.day_first_only.toLocaleString('en')} values only read as declared (2015-04-13 … 2015-06-30)`);
    const ambiguous = raw.ambiguous.toLocaleString('en');
    expect(warning).toContain(`${ambiguous} values read as two different dates; ${ambiguous} rows rejected for it`);
    const stored = await db.readOne<{ warnings: string }>(`SELECT warnings::VARCHAR AS warnings FROM loads`);
    expect(JSON.parse(stored!.warnings)).toEqual(summary.warnings);
  });

  it('keeps complaints marked Solved or Closed, with no time given, out of every backlog, and says so', async () => {
    const statuses = (await db.readOne<{ ended: number; open: number; latest: string }>(
      `SELECT count(*) FILTER (WHERE "Status" IN ('Solved', 'Closed'))::INTEGER AS ended,
              count(*) FILTER (WHERE "Status" IN ('Open', 'Pending'))::INTEGER AS open,
              strftime(max(strptime("Date" || ' ' || "Time", '%d-%m-%y %I:%M:%S %p')) + INTERVAL 1 DAY, '%Y-%m-%dT%H:%M:%SZ') AS latest
         FROM (${parts}) WHERE first > 12 OR first = second`,
      { file },
    ))!;
    expect(summary.warnings[1]).toBe(
      `${statuses.ended.toLocaleString('en')} tickets are solved or closed without a solve or closing time in this file: until an ` +
        'event log dates their solve, they count in no backlog and no resolution time',
    );
    const snapshot = await backlogSnapshot(db, new Date(statuses.latest));
    expect(snapshot.open).toBe(statuses.open);
    const series = await querySeries(db, {
      metric: metrics.get('backlog')!, grain: 'month', by: null, stat: 'p50', hours: 'calendar',
      from: new Date('2015-04-01T00:00:00Z'), to: new Date(statuses.latest),
    });
    expect(series.total.value).toBe(statuses.open);
    // At the end of every month no ticket is open but those still Open or Pending, created by then.
    expect(series.rows.at(-1)?.value).toBe(statuses.open);
  });

  it('loads the unambiguous complaints with Date and Time as one instant, their status and channel', async () => {
    const independent = await db.read(
      `SELECT strptime("Date" || ' ' || "Time", '%d-%m-%y %I:%M:%S %p') AS created, "Ticket #" AS id,
              lower("Status") AS status, CASE "Received Via" WHEN 'Internet' THEN 'web' ELSE 'phone' END AS channel,
              "Customer Complaint" AS subject
         FROM (${parts}) WHERE first > 12 OR first = second ORDER BY id`,
      { file },
    );
    const ours = await db.read(
      `SELECT created_at AT TIME ZONE 'UTC' AS created, external_id AS id, status, channel, subject FROM tickets ORDER BY id`,
    );
    expect(ours).toEqual(independent);
  });
});

describe.runIf(available)('Kaggle synthetic tickets: no creation time, resolved before first response', () => {
  const file = `${datasets}synthetic_kaggle_customer_support_tickets/customer_support_tickets.csv`;
  let db: Database;
  let summary: LoadSummary;
  let raw: { rows: number; resolved_first: number; closed: number };
  beforeAll(async () => {
    db = await freshDb();
    summary = await loadWithShippedMapping(db, file, 'kaggle-synthetic-tickets.json');
    raw = (await db.readOne<typeof raw>(
      `SELECT count(*)::INTEGER AS rows,
              count(*) FILTER (WHERE "Time to Resolution"::TIMESTAMP < "First Response Time"::TIMESTAMP)::INTEGER AS resolved_first,
              count(*) FILTER (WHERE "Ticket Status" = 'Closed')::INTEGER AS closed
         FROM read_csv($file, header = true, all_varchar = true)`,
      { file },
    ))!;
  });
  afterAll(async () => {
    await db.close();
  });

  it('rejects exactly the tickets resolved before their first response (1,292, as SOURCE.txt says)', async () => {
    expect(raw.resolved_first).toBe(1_292);
    expect([summary.rowsRead, summary.rejected, summary.inserted]).toEqual([raw.rows, raw.resolved_first, raw.rows - raw.resolved_first]);
    expect(summary.topRejects).toEqual([{ reason: 'solved before first response', count: raw.resolved_first }]);
  });

  it('loads without a creation time and says what that costs', async () => {
    expect(summary.warnings).toEqual([expect.stringMatching(/^created_at: the export has no creation time/)]);
    const facts = await db.readOne(
      `SELECT count(*)::INTEGER AS tickets, count(t.created_at)::INTEGER AS created, count(t.first_response_at)::INTEGER AS responded,
              count(f.first_response_minutes)::INTEGER AS response_times, count(f.full_resolution_minutes)::INTEGER AS resolution_times
         FROM tickets t JOIN ticket_facts f USING (ticket_id)`,
    );
    expect(facts).toEqual({ tickets: raw.rows - raw.resolved_first, created: 0, responded: raw.rows - raw.resolved_first, response_times: 0, resolution_times: 0 });
  });

  it('counts no ticket in volume by created week, and every loaded closed ticket as solved', async () => {
    const range = { grain: 'week' as const, by: null, stat: 'p50' as const, hours: 'calendar' as const, from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') };
    const created = await querySeries(db, { metric: metrics.get('created')!, ...range });
    const solved = await querySeries(db, { metric: metrics.get('solved')!, ...range });
    expect(created.total.tickets).toBe(0);
    expect(solved.total.value).toBe(raw.closed - raw.resolved_first);
  });
});
