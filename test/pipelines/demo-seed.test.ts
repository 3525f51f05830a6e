// The seeded demo, checked against an independent reading of the files it was loaded from:
// plain SQL over the raw Zendesk CSV, not the load path's mapping.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { SeriesResponse } from '../../api/contracts.ts';
import type { Database } from '../../sql/db.ts';
import { isEmpty, seedDemo } from '../../pipelines/demo/seed.ts';
import type { LoadSummary } from '../../pipelines/load.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { freshDb } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

let db: Database;
let dir: string;
let summaries: LoadSummary[];

beforeAll(async () => {
  db = await freshDb();
  dir = mkdtempSync(join(tmpdir(), 'servicepulse-demo-test-'));
  expect(await isEmpty(db)).toBe(true);
  summaries = await seedDemo(db, { tickets: 2000, end: new Date('2026-11-16T00:00:00Z'), dir });
});
afterAll(async () => {
  await db.close();
});

describe('the seeded demo', () => {
  it('loads every generated row without a reject', async () => {
    expect(await isEmpty(db)).toBe(false);
    for (const summary of summaries) {
      expect({ kind: summary.kind, rejected: summary.rejected, topRejects: summary.topRejects }).toEqual({ kind: summary.kind, rejected: 0, topRejects: [] });
      expect(summary.inserted).toBe(summary.rowsRead);
    }
    const [raw] = await db.read<{ tickets: number; events: number }>(
      `SELECT (SELECT count(*) FROM read_csv($t, header = true, all_varchar = true))::INTEGER AS tickets,
              (SELECT count(*) FROM read_csv($e, header = true, all_varchar = true))::INTEGER AS events`,
      { t: join(dir, 'tickets.csv'), e: join(dir, 'events.csv') },
    );
    expect(raw!.tickets).toBe(2000);
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM tickets')).toEqual([{ n: raw!.tickets }]);
    expect(await db.read('SELECT count(*)::INTEGER AS n FROM ticket_events')).toEqual([{ n: raw!.events }]);
  });

  it('serves weekly tickets per channel equal to a plain count over the raw export', async () => {
    const app = await signedIn(createApp({ db }), db);
    const api = (await (await app.request('/api/metrics/created?grain=week&by=channel&from=2025-01-01&to=2027-01-01')).json()) as SeriesResponse;
    const independent = await db.read<{ period: string; group: string; value: number }>(
      `SELECT strftime(date_trunc('week', strptime("Created at", '%Y-%m-%d %H:%M:%S')), '%Y-%m-%d') AS period,
              CASE "Via" WHEN 'Mail' THEN 'email' WHEN 'Web form' THEN 'web' WHEN 'Phone call (incoming)' THEN 'phone'
                         WHEN 'Chat' THEN 'chat' WHEN 'Twitter' THEN 'social' WHEN 'Facebook' THEN 'social'
                         WHEN 'In person' THEN 'desk' END AS "group",
              count(*)::DOUBLE AS value
         FROM read_csv($file, header = true, all_varchar = true)
        GROUP BY ALL ORDER BY period, "group"`,
      { file: join(dir, 'tickets.csv') },
    );
    expect(independent.every((row) => row.group !== null)).toBe(true);
    expect(api.rows.map(({ period, group, value }) => ({ period, group, value }))).toEqual(independent);
    expect(api.total.value).toBe(2000);
  });

  it('keeps first responses consistent with the event log', async () => {
    // Independently: the first public agent reply per ticket from the raw events, for tickets not opened by an agent.
    const mismatches = await db.read(
      `WITH raw_events AS (SELECT * FROM read_csv($events, header = true, all_varchar = true)),
            first_reply AS (SELECT ticket_id, min(occurred_at::TIMESTAMPTZ) AS at FROM raw_events
                             WHERE kind = 'agent_reply' AND actor_kind = 'agent' GROUP BY ticket_id)
       SELECT t.external_id FROM tickets t LEFT JOIN first_reply r ON r.ticket_id = t.external_id
        WHERE NOT t.created_by_agent AND t.first_response_at IS DISTINCT FROM r.at`,
      { events: join(dir, 'events.csv') },
    );
    expect(mismatches).toEqual([]);
  });
});

describe("the demo's goals", () => {
  it('make a real scorecard: each goal the issue names, and some met, some at risk, some missed', async () => {
    const { goalScorecards } = await import('../../sql/goals/report.ts');
    // The morning after the demo's last day, as a server started that day would judge it.
    const cards = await goalScorecards(db, new Date('2026-11-16T09:00:00Z'));
    const channelGoals = cards.filter((g) => g.metric === 'first_response_time' && g.period === 'week' && g.stat === 'p50');
    expect(channelGoals.map((g) => g.scope.channel).flat().sort()).toEqual(['chat', 'email', 'social', 'web']);
    expect(cards.map((g) => g.metric)).toEqual(expect.arrayContaining(['first_contact_resolution', 'escalation_rate', 'csat', 'sla_first_response_attainment']));
    expect(cards.filter((g) => g.scope.provider).map((g) => g.scope.provider).flat().sort()).toEqual(['in_house', 'independent', 'outsourced']);
    const statuses = new Set(cards.flatMap((g) => [g.current?.status, g.last_closed?.status]));
    expect([...statuses]).toEqual(expect.arrayContaining(['met', 'at_risk', 'missed']));
    // Every target points the metric's better way.
    for (const goal of cards) expect(goal.comparator).toBe(metrics.get(goal.metric)!.better === 'lower' ? '<=' : '>=');
  });
});
