// The daily rollups answer exactly what summing the facts answers, and stay so through every kind of load.
// The facts are the independent method here: each rollup answer is checked against the same query with
// useRollups: false, which reads ticket_facts / feedback_facts row by row.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSource, seedDemo } from '../../../pipelines/demo/seed.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { servicepulseFeedback } from '../../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import type { Database } from '../../../sql/db.ts';
import { headlineFigures } from '../../../sql/metrics/overview.ts';
import { metrics, type Metric } from '../../../sql/metrics/registry.ts';
import { isRollable, rollupFor, rollupSelect, rollupSignature, rollupTables } from '../../../sql/metrics/rollups.ts';
import { querySeries, type Filters, type SeriesQuery } from '../../../sql/metrics/series.ts';
import type { Dimension, Grain } from '../../../sql/metrics/dimensions.ts';
import { ensureRollups } from '../../../sql/rollups.ts';
import { freshDb } from '../../helpers/db.ts';

let db: Database;
let dir: string;
const end = new Date('2026-06-29T00:00:00Z');

beforeAll(async () => {
  db = await freshDb();
  dir = await mkdtemp(join(tmpdir(), 'servicepulse-rollups-'));
  await seedDemo(db, { tickets: 3000, end, dir });
}, 120_000);

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Rows of each rollup table that summing the facts now would not give, and the other way round. */
async function rollupDrift(): Promise<Record<string, number>> {
  const drift: Record<string, number> = {};
  for (const table of rollupTables) {
    const [row] = await db.read<{ n: number }>(
      `SELECT ((SELECT count(*) FROM (SELECT * FROM ${table.name} EXCEPT ALL SELECT * FROM (${rollupSelect(table)})))
             + (SELECT count(*) FROM (SELECT * FROM (${rollupSelect(table)}) EXCEPT ALL SELECT * FROM ${table.name})))::INTEGER AS n`,
    );
    drift[table.name] = row!.n;
  }
  return drift;
}

const noDrift = Object.fromEntries(rollupTables.map((t) => [t.name, 0]));

function expectSameRows(actual: Awaited<ReturnType<typeof querySeries>>, expected: Awaited<ReturnType<typeof querySeries>>) {
  expect(actual.rows.map((r) => [r.period, r.group, r.tickets])).toEqual(expected.rows.map((r) => [r.period, r.group, r.tickets]));
  actual.rows.forEach((row, i) => {
    if (expected.rows[i]!.value === null) expect(row.value).toBeNull();
    else expect(row.value).toBeCloseTo(expected.rows[i]!.value!, 9);
  });
  expect(actual.total.tickets).toBe(expected.total.tickets);
  if (expected.total.value === null) expect(actual.total.value).toBeNull();
  else expect(actual.total.value).toBeCloseTo(expected.total.value, 9);
}

describe('the daily rollups', () => {
  const rollable = [...metrics.values()].filter(isRollable);
  const variantsOf = (metric: Metric) => [undefined, ...(metric.aggregation === 'rate' ? Object.keys(metric.variants ?? {}) : [])];

  it('hold the metrics made of sums, and not medians, clocks judged now or distinct requesters', () => {
    expect(rollable.map((m) => m.key).sort()).toEqual(
      [...metrics.values()]
        .filter((m) => ['count', 'rate', 'score'].includes(m.aggregation))
        .filter((m) => !['sla_first_response_attainment', 'sla_resolution_attainment', 'promise_kept_rate', 'repeat_contact_rate'].includes(m.key))
        .map((m) => m.key)
        .sort(),
    );
    expect(rollable.length).toBeGreaterThan(8);
  });

  it('are equal to summing the facts after the demo loads (tickets, events, feedback)', async () => {
    expect(await rollupDrift()).toEqual(noDrift);
    const [{ n }] = (await db.read<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rollup_created_at')) as [{ n: number }];
    expect(n).toBeGreaterThan(100);
  });

  const shapes: Array<[Grain, Dimension | null, Filters]> = [
    ['week', null, {}],
    ['month', 'team', {}],
    ['day', 'channel', { priority: ['high', 'urgent'] }],
    ['quarter', 'provider', { channel: ['email', 'web', 'chat'] }],
  ];

  it('give every series of every metric made of sums as the facts do, by grain, group and filter', async () => {
    const from = new Date('2025-12-29T00:00:00Z');
    let compared = 0;
    for (const metric of rollable) {
      for (const variant of variantsOf(metric)) {
        for (const [grain, by, filters] of shapes) {
          const query: SeriesQuery = { metric, grain, by, filters, from, to: end, stat: 'p50', hours: 'calendar', variant };
          expect(rollupFor(metric, query)).not.toBeNull();
          const fromRollup = await querySeries(db, query);
          const fromFacts = await querySeries(db, { ...query, useRollups: false });
          expectSameRows(fromRollup, fromFacts);
          if (fromFacts.total.tickets > 0) compared++;
          if (metric.key === 'created') expect(fromFacts.total.tickets).toBeGreaterThan(100);
        }
      }
    }
    // Every metric has rows in the demo for at least one of the shapes: the comparison is not between empty answers.
    expect(compared).toBeGreaterThanOrEqual(rollable.length * 2);
  });

  it('are not read when a filter or grouping is a dimension they do not keep, or the range is not whole days', () => {
    const created = metrics.get('created')!;
    const base = { by: null, from: new Date('2026-01-05T00:00:00Z'), to: end };
    expect(rollupFor(created, base)).not.toBeNull();
    expect(rollupFor(created, { ...base, by: 'category' })).toBeNull();
    expect(rollupFor(created, { ...base, filters: { agent: ['a-1'] } })).toBeNull();
    expect(rollupFor(created, { ...base, to: new Date('2026-06-28T12:00:00Z') })).toBeNull();
    expect(rollupFor(metrics.get('first_response_time')!, base)).toBeNull();
  });

  it('give the overview headline the facts give, filtered or not', async () => {
    for (const filters of [{}, { team: ['manila'] }, { channel: ['email'], priority: ['normal'] }]) {
      const query = {
        from: new Date('2026-03-30T00:00:00Z'), to: end, previousFrom: new Date('2025-12-29T00:00:00Z'),
        filters, hours: 'calendar' as const, asOf: end,
      };
      const fromRollup = await headlineFigures(db, query);
      const fromFacts = await headlineFigures(db, { ...query, useRollups: false });
      expect(fromRollup.map((f) => [f.key, f.tickets, f.previous_tickets])).toEqual(fromFacts.map((f) => [f.key, f.tickets, f.previous_tickets]));
      fromRollup.forEach((figure, i) => {
        for (const field of ['value', 'previous_value'] as const) {
          const expected = fromFacts[i]![field];
          if (expected === null) expect(figure[field]).toBeNull();
          else expect(figure[field]).toBeCloseTo(expected, 9);
        }
      });
    }
  });

  it('follow a newer export that moves tickets between channels, priorities and days, and answers that change', async () => {
    const newerTickets = join(dir, 'tickets-newer.csv');
    // Every 7th ticket changes channel (Via) and every 5th priority: their days' cells move between combinations.
    // Every 11th was created a day earlier: its facts leave one day for another.
    // The paths are mkdtemp's (no quote in them); COPY takes no bound target.
    await db.read(
      `COPY (SELECT * REPLACE (
                CASE WHEN "ID"::INTEGER % 7 = 0 THEN CASE "Via" WHEN 'Mail' THEN 'Web form' ELSE 'Mail' END ELSE "Via" END AS "Via",
                CASE WHEN "ID"::INTEGER % 5 = 0 THEN 'Urgent' ELSE "Priority" END AS "Priority",
                CASE WHEN "ID"::INTEGER % 11 = 0 THEN strftime("Created at"::TIMESTAMP - INTERVAL 1 DAY, '%Y-%m-%d %H:%M:%S')
                     ELSE "Created at" END AS "Created at")
               FROM read_csv($file, all_varchar = true))
         TO '${newerTickets}' (HEADER, DELIMITER ',')`,
      { file: join(dir, 'tickets.csv') },
    );
    await db.write((tx) =>
      tx.run(`CREATE TABLE created_before AS SELECT f.ticket_id, f.created_at FROM ticket_facts f JOIN tickets t USING (ticket_id)
               WHERE t.external_id::INTEGER % 11 = 0`),
    );
    const summary = await loadFile(db, { file: newerTickets, mapping: zendeskTickets, source: demoSource });
    expect(summary.updated).toBeGreaterThan(500);
    const [moved] = await db.read<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM ticket_facts f JOIN created_before b USING (ticket_id)
        WHERE f.created_at = b.created_at - INTERVAL 1 DAY`,
    );
    expect(moved!.n).toBeGreaterThan(200);
    const newerFeedback = join(dir, 'feedback-newer.csv');
    await db.read(
      `COPY (SELECT * REPLACE (CASE WHEN row_number() OVER () % 3 = 0 AND score IS NOT NULL THEN '1' ELSE score END AS score)
               FROM read_csv($file, all_varchar = true))
         TO '${newerFeedback}' (HEADER, DELIMITER ',')`,
      { file: join(dir, 'feedback.csv') },
    );
    const answers = await loadFile(db, { file: newerFeedback, mapping: servicepulseFeedback, source: demoSource });
    expect(answers.updated).toBeGreaterThan(100);
    expect(await rollupDrift()).toEqual(noDrift);
  });

  it('leave the day a single ticket moved away from', async () => {
    // One ticket of the newer export, created 40 days earlier than stored: only it (and its requester's other
    // tickets) is recomputed, so its old day is refreshed only because the store noted the day it left.
    const [ticket] = await db.read<{ id: string; day: string }>(
      `SELECT t.external_id AS id, strftime(f.created_at, '%Y-%m-%d') AS day FROM tickets t JOIN ticket_facts f USING (ticket_id)
        WHERE f.created_at >= TIMESTAMPTZ '2026-03-01' ORDER BY t.external_id::INTEGER LIMIT 1`,
    );
    const createdOn = async (day: string) =>
      (await db.read<{ n: number }>('SELECT coalesce(sum(created__rows), 0)::INTEGER AS n FROM rollup_created_at WHERE day = $day::DATE', { day }))[0]!.n;
    const before = await createdOn(ticket!.day);
    const moved = join(dir, 'tickets-one-moved.csv');
    await db.read(
      `COPY (SELECT * REPLACE (CASE WHEN "ID" = $id THEN strftime("Created at"::TIMESTAMP - INTERVAL 40 DAY, '%Y-%m-%d %H:%M:%S')
                                    ELSE "Created at" END AS "Created at")
               FROM read_csv($file, all_varchar = true))
         TO '${moved}' (HEADER, DELIMITER ',')`,
      { file: join(dir, 'tickets-newer.csv'), id: ticket!.id },
    );
    const summary = await loadFile(db, { file: moved, mapping: zendeskTickets, source: demoSource });
    expect(summary.updated).toBe(1);
    expect(await createdOn(ticket!.day)).toBe(before - 1);
    expect(await rollupDrift()).toEqual(noDrift);
  });

  it('are rebuilt from the facts when the stored ones were made by another definition', async () => {
    expect(await ensureRollups(db)).toBe(false);
    await db.write(async (tx) => {
      await tx.run("UPDATE rollup_state SET signature = 'an older registry'");
      await tx.run('DELETE FROM rollup_created_at WHERE day < $day', { day: '2026-03-01' });
    });
    expect((await rollupDrift()).rollup_created_at).toBeGreaterThan(0);
    expect(await ensureRollups(db)).toBe(true);
    expect(await rollupDrift()).toEqual(noDrift);
    expect((await db.read<{ signature: string }>('SELECT signature FROM rollup_state'))).toEqual([{ signature: rollupSignature }]);
  });
});
