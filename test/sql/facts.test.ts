// Per-ticket facts of the small fixture against the values worked by hand in test/fixtures/small/README.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
