// Per-ticket facts of the small fixture against the values worked by hand in test/fixtures/small/README.md.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../pipelines/load.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { servicepulseEvents } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from '../helpers/db.ts';

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
});
afterAll(async () => {
  await db.close();
});

async function facts() {
  const rows = await db.read<Record<string, unknown> & { external_id: string }>(
    `SELECT t.external_id, f.first_response_business_minutes AS first_response_business, f.full_resolution_business_minutes AS resolution_business,
            f.reply_minutes AS reply, f.requester_wait_minutes AS requester_wait, f.is_fcr AS fcr, f.is_fcr_metricnet AS metricnet,
            f.has_repeat_contact_7d AS repeat_contact, strftime(f.sla_first_response_due_at, '%Y-%m-%dT%H:%MZ') AS sla_first_response_due
       FROM ticket_facts f JOIN tickets t USING (ticket_id) ORDER BY t.external_id`,
  );
  return Object.fromEntries(rows.map(({ external_id, ...rest }) => [external_id, rest]));
}

describe('ticket facts of the small fixture', () => {
  it('match the hand-worked business minutes, reply times, waits, FCR, repeat contacts and SLA clocks', async () => {
    expect(await facts()).toEqual({
      '10001': { first_response_business: 90, resolution_business: 180, reply: 90, requester_wait: 180, fcr: true, metricnet: false, repeat_contact: false, sla_first_response_due: '2026-01-05T13:00Z' },
      '10002': { first_response_business: 0, resolution_business: 0, reply: null, requester_wait: 10, fcr: true, metricnet: true, repeat_contact: false, sla_first_response_due: '2026-01-07T11:00Z' },
      '10003': { first_response_business: 0, resolution_business: 0, reply: 17.5, requester_wait: 80, fcr: false, metricnet: false, repeat_contact: true, sla_first_response_due: null },
      '10004': { first_response_business: null, resolution_business: null, reply: null, requester_wait: null, fcr: null, metricnet: null, repeat_contact: null, sla_first_response_due: null },
      '10005': { first_response_business: 0, resolution_business: 0, reply: 40, requester_wait: 60, fcr: true, metricnet: true, repeat_contact: false, sla_first_response_due: null },
    });
  });
});

// An events load computes facts over the stored events plus its new ones before storing them (fact_events,
// fact_ticket_rows). Loading the metrics fixture's events in two files, each ticket's events split between them,
// must leave exactly the tickets, facts and solved gaps that one file leaves.
describe('facts after events loaded in two files', () => {
  const metricsFixture = fileURLToPath(new URL('../fixtures/metrics/', import.meta.url));

  async function loadMetricsFixture(eventFiles: string[]) {
    const target = await freshDb();
    await loadOrganisation(target, `${metricsFixture}organisation.json`);
    await loadFile(target, { file: `${metricsFixture}tickets.csv`, mapping: zendeskTickets });
    for (const file of eventFiles) await loadFile(target, { file, mapping: servicepulseEvents, source: 'zendesk' });
    const state = await target.read(
      `SELECT t.external_id, t.status, t.first_response_at, t.first_solved_at, t.solved_at, t.closed_at, t.agent_replies,
              t.customer_replies, t.reopens, t.team_changes, t.escalations, t.escalation_level_max,
              f.* EXCLUDE (ticket_id, load_id),
              (SELECT list(g.solved_at::VARCHAR || ' → ' || g.reopened_at::VARCHAR ORDER BY g.solved_at)
                 FROM ticket_solved_gaps g WHERE g.ticket_id = t.ticket_id) AS gaps
         FROM tickets t JOIN ticket_facts f USING (ticket_id) ORDER BY t.external_id`,
    );
    await target.close();
    return state;
  }

  it('equal those of one file', async () => {
    const [header, ...rows] = readFileSync(`${metricsFixture}events.csv`, 'utf8').trimEnd().split('\n');
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-split-'));
    const halves = [0, 1].map((half) => {
      const file = join(dir, `events-${half}.csv`);
      writeFileSync(file, `${[header, ...rows.filter((_, i) => i % 2 === half)].join('\n')}\n`);
      return file;
    });
    const once = await loadMetricsFixture([`${metricsFixture}events.csv`]);
    const split = await loadMetricsFixture(halves);
    expect(once).toHaveLength(23);
    expect(once.filter((row) => (row.reopens as number) > 0).length).toBeGreaterThan(0);
    expect(split).toEqual(once);
  });
});
