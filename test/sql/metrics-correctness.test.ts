// Every metric of the registry on hand-built tickets whose answers are worked out by hand in
// test/fixtures/metrics/README.md (the arithmetic is there; the numbers here are copied from it, never from a run).
// Served through the API, as a dashboard asks for them, with the clock at Tue 31 Mar 2026 15:00 UTC.
//
// Chatwoot's reporting scenarios (../shared/peer-tests/chatwoot-scenarios.md) that apply to our definitions:
//   C1, C2  business-hours first response and resolution: ticket 20016 (2,400 business minutes = 144,000 s).
//   C5      reply time from the message it answers: 20006 waits 120 min (7,200 s) for its reply.
//   C8      means count zero values: 20007's first response of 0 min is in the mean; agent wait of 0 counts too.
//   C9      a reopen removes the resolution: 20015 was solved, reopened and is open, so it is not solved.
//   C11     SLA met / breached / running: 20011 (no reply, past due) breached, 20010 (no reply, not yet due) in
//           neither, 20006 (reply after the target) breached. Chatwoot's quirk that a resolution after the target
//           is still a hit does not hold for us: PRODUCT.md §4 says met ÷ (met + breached) against the due time,
//           so 20001, solved after its resolution target, is breached.
// Not applicable: C3, C4 (bot handoff: we have no handoff event, and the first response is measured from creation
// as §4 says); C6, C7 (Chatwoot restarts first response at a reopen; ours is the first reply after creation, and the
// replies after a reopen count in reply_time instead); C10 (distribution buckets are declared in the registry but no
// query serves them yet, so there is nothing to test beyond the declaration, see the last test); C12 (open/closed
// instants are covered by the 42 peer cases in business-hours.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../api/app.ts';
import type { SeriesResponse } from '../../api/contracts.ts';
import { loadFile } from '../../pipelines/load.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { servicepulseEvents, servicepulseFeedback } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import type { Database } from '../../sql/db.ts';
import { recomputeFactsOf } from '../../sql/facts.ts';
import { durationBuckets, metrics } from '../../sql/metrics/registry.ts';
import { freshDb } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const fixture = fileURLToPath(new URL('../fixtures/metrics/', import.meta.url));
const now = new Date('2026-03-31T15:00:00Z');

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await freshDb();
  await loadOrganisation(db, `${fixture}organisation.json`);
  const loads = [
    await loadFile(db, { file: `${fixture}tickets.csv`, mapping: zendeskTickets }),
    await loadFile(db, { file: `${fixture}events.csv`, mapping: servicepulseEvents, source: 'zendesk' }),
    await loadFile(db, { file: `${fixture}feedback.csv`, mapping: servicepulseFeedback, source: 'zendesk' }),
  ];
  expect(loads.map((load) => [load.rowsRead, load.rejected])).toEqual([[23, 0], [94, 0], [18, 0]]);
  app = await signedIn(createApp({ db, now: () => now }), db);
});
afterAll(async () => {
  await db.close();
});

const march = 'from=2026-03-01&to=2026-04-01&grain=month';

async function total(metric: string, query = '') {
  const response = await app.request(`/api/metrics/${metric}?${march}${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as SeriesResponse).total;
}

/** A duration in both hours modes and all three statistics. */
async function duration(metric: string) {
  const out: Record<string, number | null> = {};
  for (const hours of ['calendar', 'business']) {
    for (const stat of ['p50', 'p90', 'mean']) out[`${hours} ${stat}`] = (await total(metric, `&hours=${hours}&stat=${stat}`)).value;
  }
  return out;
}

describe('per-ticket facts (README, table 2)', () => {
  it('match the hand-worked minutes, counts and flags', async () => {
    const rows = await db.read<Record<string, unknown> & { id: string }>(
      `SELECT t.external_id AS id,
              [f.first_response_minutes, f.first_response_business_minutes] AS first_response,
              [f.first_resolution_minutes, f.first_resolution_business_minutes] AS first_resolution,
              [f.full_resolution_minutes, f.full_resolution_business_minutes] AS full_resolution,
              [f.reply_minutes, f.reply_business_minutes] AS reply,
              [f.requester_wait_minutes, f.requester_wait_business_minutes] AS requester_wait,
              [f.agent_wait_minutes, f.agent_wait_business_minutes] AS agent_wait,
              [f.agent_replies, f.reopens, f.team_stations, f.assignee_stations] AS counts,
              f.is_solved AS solved, f.is_escalated AS escalated, f.is_fcr AS fcr, f.is_fcr_metricnet AS metricnet,
              f.has_repeat_contact_7d AS repeat_7d,
              strftime(f.sla_first_response_due_at, '%m-%d %H:%M') AS sla_first_due,
              strftime(f.sla_resolution_due_at, '%m-%d %H:%M') AS sla_resolution_due
         FROM ticket_facts f JOIN tickets t USING (ticket_id) ORDER BY t.external_id`,
    );
    const facts = Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]));
    const row = (
      first_response: number[] | null[], first_resolution: number[] | null[], full_resolution: number[] | null[], reply: number[] | null[],
      requester_wait: number[] | null[], agent_wait: number[] | null[], counts: number[], solved: boolean, escalated: boolean,
      fcr: boolean | null, metricnet: boolean | null, repeat_7d: boolean | null, sla_first_due: string | null, sla_resolution_due: string | null,
    ) => ({ first_response, first_resolution, full_resolution, reply, requester_wait, agent_wait, counts, solved, escalated, fcr, metricnet, repeat_7d, sla_first_due, sla_resolution_due });
    const none = [null, null];
    expect(facts).toEqual({
      '20001': row([55, 55], [3880, 100], [3880, 100], [1452.5, 42.5], [2915, 95], [965, 5], [2, 0, 1, 1], true, false, false, false, false, '03-16 16:00', '03-15 21:00'),
      '20002': row([3900, 120], [3960, 180], [3960, 180], [3900, 120], [3960, 180], [0, 0], [1, 0, 1, 1], true, false, true, false, false, '03-30 09:00', '03-29 14:00'),
      '20003': row([3840, 120], [3900, 180], [3900, 180], [3840, 120], [3900, 180], [0, 0], [1, 0, 1, 1], true, false, true, false, false, '03-09 16:00', '03-08 22:00'),
      '20004': row([2490, 90], [2520, 120], [2520, 120], [2490, 90], [2520, 120], [0, 0], [1, 0, 1, 1], true, false, true, false, false, '03-20 10:00', '03-20 14:00'),
      '20005': row([30, 30], [60, 60], [3090, 1170], [20, 20], [130, 130], [0, 0], [3, 2, 1, 1], true, false, false, false, false, '03-02 13:00', '03-04 09:00'),
      '20006': row([120, 120], [240, 240], [240, 240], [120, 120], [240, 240], [0, 0], [1, 0, 3, 3], true, true, false, false, false, '03-10 10:00', '03-11 09:00'),
      '20007': row([0, 0], [12, 12], [12, 12], none, [12, 12], [0, 0], [1, 0, 1, 1], true, false, true, true, false, '03-11 18:00', '03-13 14:00'),
      '20008': row([105, 105], [120, 120], [120, 120], [45, 45], [60, 60], [60, 60], [2, 0, 1, 1], true, false, false, false, false, '03-05 14:00', '03-07 10:00'),
      '20009': row([20, 20], [30, 30], [30, 30], [20, 20], [30, 30], [0, 0], [1, 0, 1, 1], true, false, true, true, false, '03-12 18:00', '03-14 14:00'),
      '20010': row(none, none, none, none, none, none, [0, 0, 1, 1], false, false, null, null, null, '03-31 17:00', '04-02 13:00'),
      '20011': row(none, none, none, none, none, none, [0, 0, 1, 1], false, false, null, null, null, '03-30 10:00', '04-01 06:00'),
      '20012': row([30, 30], [60, 60], [60, 60], [30, 30], [60, 60], [0, 0], [1, 0, 1, 1], true, false, false, true, true, '03-03 08:00', '03-04 12:00'),
      '20013': row([1140, 60], [1200, 120], [1200, 120], [1140, 60], [1200, 120], [0, 0], [1, 0, 1, 1], true, false, true, false, false, '03-09 11:00', '03-10 13:00'),
      '20014': row([30, 30], [60, 60], [60, 60], [30, 30], [60, 60], [0, 0], [1, 0, 1, 1], true, false, true, true, false, '03-17 13:00', '03-19 09:00'),
      '20015': row([10, 10], [20, 20], none, [10, 10], none, none, [1, 1, 1, 1], false, false, null, null, null, '03-24 13:00', '03-26 09:00'),
      '20016': row([10079, 2400], [10079, 2400], [10079, 2400], [10079, 2400], [10079, 2400], [0, 0], [1, 0, 1, 0], true, false, true, false, false, null, null),
      '20017': row(none, [2880, 1080], [2880, 1080], none, [2880, 1080], [0, 0], [1, 0, 1, 1], true, false, true, false, false, '02-02 19:00', '02-04 15:00'),
      '20018': row([60, 60], [120, 120], [120, 120], [60, 60], [120, 120], [0, 0], [1, 0, 1, 1], true, true, false, false, false, '02-03 13:00', '02-05 09:00'),
      '20019': row([240, 240], [270, 270], [270, 270], [240, 240], [270, 270], [0, 0], [1, 0, 1, 1], true, false, true, false, false, '01-05 13:00', '01-07 09:00'),
      '20020': row([30, 30], [60, 60], [60, 60], [30, 30], [60, 60], [0, 0], [1, 0, 1, 1], true, false, false, true, true, '01-06 13:00', '01-08 09:00'),
      '20021': row([30, 30], [60, 60], [60, 60], [30, 30], [60, 60], [0, 0], [1, 0, 1, 1], true, false, true, true, false, '01-13 14:00', '01-15 10:00'),
      '20022': row([30, 30], [60, 60], [60, 60], [30, 30], [60, 60], [0, 0], [1, 0, 1, 1], true, false, true, true, false, '01-21 07:01', '01-22 11:01'),
      '20023': row([30, 30], [60, 60], [1440, 480], [255, 45], [600, 180], [0, 0], [2, 1, 1, 1], true, false, false, false, false, '01-07 13:00', '01-09 09:00'),
    });
  });
});

describe('counts', () => {
  it('created and solved in March', async () => {
    expect(await total('created')).toEqual({ value: 15, tickets: 15 });
    // 20010, 20011 open; 20015 solved then reopened, so not solved (Chatwoot C9).
    expect(await total('solved')).toEqual({ value: 12, tickets: 12 });
  });
});

describe('durations in calendar and business minutes, p50 / p90 / mean (README, durations)', () => {
  it('first response time', async () => {
    const value = await duration('first_response_time');
    expect(value).toMatchObject({ 'calendar p50': 55, 'business p50': 55, 'business p90': 120 });
    expect(value['calendar p90']).toBeCloseTo(3570, 9);
    expect(value['calendar mean']).toBeCloseTo(11770 / 13, 9);
    expect(value['business mean']).toBeCloseTo(790 / 13, 9);
  });

  it('reply time: the median per ticket, then over tickets', async () => {
    const value = await duration('reply_time');
    expect(value).toMatchObject({ 'calendar p50': 82.5, 'business p50': 43.75, 'business p90': 120 });
    expect(value['calendar p90']).toBeCloseTo(3705, 9);
    expect(value['calendar mean']).toBeCloseTo(13097.5 / 12, 9);
    expect(value['business mean']).toBeCloseTo(707.5 / 12, 9);
  });

  it('full resolution time', async () => {
    const value = await duration('resolution_time');
    expect(value).toMatchObject({ 'calendar p50': 720, 'business p50': 120 });
    expect(value['calendar p90']).toBeCloseTo(3898, 9);
    expect(value['business p90']).toBeCloseTo(234, 9);
    expect(value['calendar mean']).toBeCloseTo(19072 / 12, 9);
    expect(value['business mean']).toBeCloseTo(2392 / 12, 9);
  });

  it('first resolution time counts the reopened ticket at its first solve', async () => {
    const value = await duration('first_resolution_time');
    expect(value).toMatchObject({ 'calendar p50': 120, 'business p50': 100, 'business p90': 180 });
    expect(value['calendar p90']).toBeCloseTo(3896, 9);
    expect(value['calendar mean']).toBeCloseTo(16062 / 13, 9);
    expect(value['business mean']).toBeCloseTo(1302 / 13, 9);
  });

  it('first resolution belongs to the day of the first solve, not of the last', async () => {
    // Solved first on Mon 2 Mar: 20012 (60 min) and 20005 (60 min; solved again on the 3rd and for the last time on the 4th).
    const monday = await app.request('/api/metrics/first_resolution_time?from=2026-03-02&to=2026-03-03&grain=day');
    expect(((await monday.json()) as SeriesResponse).total).toEqual({ value: 60, tickets: 2 });
  });

  it('requester wait time', async () => {
    const value = await duration('requester_wait_time');
    expect(value).toMatchObject({ 'calendar p50': 185, 'business p50': 107.5, 'business p90': 180, 'calendar mean': 1257.25, 'business mean': 107.25 });
    expect(value['calendar p90']).toBeCloseTo(3801.5, 9);
  });

  it('agent wait time counts the tickets that never waited on the customer as 0 (Chatwoot C8)', async () => {
    const value = await duration('agent_wait_time');
    expect(value).toMatchObject({ 'calendar p50': 0, 'business p50': 0 });
    expect(value['calendar p90']).toBeCloseTo(54, 9);
    expect(value['business p90']).toBeCloseTo(4.5, 9);
    expect(value['calendar mean']).toBeCloseTo(1025 / 12, 9);
    expect(value['business mean']).toBeCloseTo(65 / 12, 9);
  });

  it('an agent-created e-mail nobody answered has no first response; solved at the very due instant is met', async () => {
    // 20017 is New York's only February ticket (20018 is Zagreb's).
    const february = 'from=2026-02-01&to=2026-03-01&grain=month&team=newyork';
    const get = async (path: string) => ((await (await app.request(path)).json()) as SeriesResponse).total;
    expect(await get(`/api/metrics/first_response_time?${february}`)).toEqual({ value: null, tickets: 0 });
    expect(await get(`/api/metrics/resolution_time?${february}&hours=business`)).toEqual({ value: 1080, tickets: 1 });
    expect(await get(`/api/metrics/sla_resolution_attainment?${february}`)).toEqual({ value: 100, tickets: 1 });
  });

  it('Chatwoot C1/C2: Sunday to Saturday 23:59 is five 8-hour days of business time', async () => {
    const week = 'from=2022-03-01&to=2022-04-01&grain=month&hours=business';
    for (const metric of ['first_response_time', 'resolution_time']) {
      const body = (await (await app.request(`/api/metrics/${metric}?${week}`)).json()) as SeriesResponse;
      expect(body.total).toEqual({ value: 144_000 / 60, tickets: 1 });
    }
  });
});

describe('rates (README, rates)', () => {
  it('first-contact resolution, strict and every preset', async () => {
    expect((await total('first_contact_resolution')).value).toBeCloseTo(700 / 12, 9);
    expect(await total('first_contact_resolution', '&variant=one_touch')).toEqual({ value: 75, tickets: 12 });
    expect((await total('first_contact_resolution', '&variant=single_close')).value).toBeCloseTo(1000 / 12, 9);
    expect((await total('first_contact_resolution', '&variant=metricnet')).value).toBeCloseTo(400 / 12, 9);
    expect(await total('one_touch_rate')).toEqual({ value: 75, tickets: 12 });
  });

  it('escalation is a move up a level; reassignment any move', async () => {
    expect((await total('escalation_rate')).value).toBeCloseTo(100 / 15, 9);
    expect((await total('reassignment_rate')).value).toBeCloseTo(100 / 15, 9);
    expect(await total('escalation_rate', '&team=newyork')).toEqual({ value: 0, tickets: 5 });
  });

  it('reopen rate over solved tickets', async () => {
    expect(await total('reopen_rate')).toEqual({ value: 100 / 12, tickets: 12 });
  });

  it('SLA attainment leaves running clocks in neither met nor breached', async () => {
    // First response: 12 met, 20006 and 20011 breached, 20010 running.
    expect(await total('sla_first_response_attainment')).toEqual({ value: 1200 / 14, tickets: 14 });
    // Resolution: 8 met; 20001, 20002, 20003, 20005 and the reopened 20015 breached; 20010, 20011 running.
    expect(await total('sla_resolution_attainment')).toEqual({ value: 800 / 13, tickets: 13 });
  });

  it('the tickets behind SLA attainment are judged at the same clock', async () => {
    const ids = async (outcome: string) => {
      const response = await app.request(`/api/tickets?from=2026-03-01&to=2026-04-01&metric=sla_first_response_attainment&outcome=${outcome}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { tickets: Array<{ external_id: string }> }).tickets.map((t) => t.external_id);
    };
    expect(await ids('missed')).toEqual(['20006', '20011']);
    expect(await ids('met')).toHaveLength(12);
    expect(await ids('met')).not.toContain('20010');
  });

  it('promises: kept, broken, and an open ticket past its due date is broken', async () => {
    // 20004 kept, 20005 solved late, 20011 open past due; 20010 is not due yet.
    expect(await total('promise_kept_rate')).toEqual({ value: 100 / 3, tickets: 3 });
  });

  it('repeat contact within 7 days: day 6 counts, day 8 does not; a share of requesters', async () => {
    // 12 solved tickets of 10 requesters; c12's 20012 is followed on day 6 by 20013, whose next is on day 8.
    expect(await total('repeat_contact_rate')).toEqual({ value: 10, tickets: 12 });
  });
});

describe('February: an explicit escalation and a 3-point survey (README, 20017 and 20018)', () => {
  const february = 'from=2026-02-01&to=2026-03-01&grain=month';
  const get = async (metric: string) => ((await (await app.request(`/api/metrics/${metric}?${february}`)).json()) as SeriesResponse).total;

  it('an escalate event escalates without a transfer', async () => {
    expect(await get('escalation_rate')).toEqual({ value: 50, tickets: 2 });
    expect(await get('reassignment_rate')).toEqual({ value: 0, tickets: 2 });
    expect(await db.read(`SELECT escalations, escalation_level_max::INTEGER AS level FROM tickets WHERE external_id = '20018'`)).toEqual([{ escalations: 1, level: 2 }]);
  });

  it('CSAT counts the top box of a 3-point scale', async () => {
    expect(await get('csat')).toEqual({ value: 50, tickets: 2 });
  });
});

describe('January: exact boundaries (README, 20019–20023)', () => {
  const january = 'from=2026-01-01&to=2026-02-01&grain=month';
  const get = async (metric: string) => ((await (await app.request(`/api/metrics/${metric}?${january}`)).json()) as SeriesResponse).total;

  it('a first response at the very due minute meets the SLA (20019)', async () => {
    // 20019 replied Mon 5 Jan 13:00, due 13:00; 20020–20023 replied well before their due times.
    expect(await get('sla_first_response_attainment')).toEqual({ value: 100, tickets: 5 });
  });

  it('a ticket exactly 7 days after a solve is a repeat contact, 7 days and 1 minute after is not (20020–20022)', async () => {
    // Solved in January: c19 (20019), c20 (20020, 20021, 20022), c23 (20023); only c20 came back within 7 days.
    const repeat = await get('repeat_contact_rate');
    expect(repeat.tickets).toBe(5);
    expect(repeat.value).toBeCloseTo(100 / 3, 9);
    // Strict FCR: 20019, 20021, 20022 yes; 20020 (the repeat) and 20023 (reopened, 2 replies) no.
    expect(await get('first_contact_resolution')).toEqual({ value: 60, tickets: 5 });
  });

  it('a reopen exactly at the end of a day leaves the ticket out of that day\'s backlog (20023)', async () => {
    // 20023 is solved Wed 7 Jan 10:00 and reopened Thu 8 Jan 00:00, the instant Wednesday ends: solved just before it.
    const series = (await (await app.request('/api/metrics/backlog?from=2026-01-05&to=2026-01-10&grain=day')).json()) as SeriesResponse;
    expect(series.rows).toEqual([]);
    const open = async (instant: string) => ((await (await app.request(`/api/backlog?at=${instant}`)).json()) as { open: number }).open;
    expect(await open('2026-01-08T00:00:00Z')).toBe(0);
    expect(await open('2026-01-08T05:00:00Z')).toBe(1);
    const tickets = (await (await app.request('/api/tickets?from=2026-01-01&to=2026-01-08&metric=backlog')).json()) as { tickets: unknown[] };
    expect(tickets.tickets).toEqual([]);
  });
});

describe('surveys (README, feedback)', () => {
  it('CSAT over 5-point and good/bad answers, and its response rate', async () => {
    expect((await total('csat')).value).toBeCloseTo(400 / 7, 9);
    expect(await total('csat_response_rate')).toEqual({ value: 87.5, tickets: 8 });
  });

  it('NPS and CES', async () => {
    expect(await total('nps')).toEqual({ value: 25, tickets: 4 });
    expect(await total('ces')).toEqual({ value: 4.5, tickets: 4 });
    expect(await total('ces_easy_share')).toEqual({ value: 50, tickets: 4 });
  });
});

describe('backlog', () => {
  it('counts the tickets open at the end of March: 20010 and 20011 (no reply yet) and 20015 (reopened, still open)', async () => {
    const response = await app.request(`/api/metrics/backlog?${march}`);
    const body = (await response.json()) as { rows: Array<{ period: string; value: number }>; total: { value: number } };
    expect(body.rows).toEqual([{ period: '2026-03-01', group: null, value: 3, tickets: 3 }]);
    expect(body.total.value).toBe(3);
  });

  it('leaves a reopened ticket out while it was solved: inside each gap and each open span (README, backlog at instants)', async () => {
    const at = async (instant: string) => {
      const body = (await (await app.request(`/api/backlog?at=${instant}`)).json()) as {
        open: number;
        oldest_per_assignee: Array<{ assignee_id: string | null; open: number; external_id: string }>;
      };
      return [body.open, body.oldest_per_assignee.map((a) => [a.external_id, a.open])];
    };
    expect(await at('2026-03-02T09:45:00Z')).toEqual([1, [['20005', 1]]]);
    expect(await at('2026-03-02T12:30:00Z')).toEqual([1, [['20012', 1]]]);
    expect(await at('2026-03-03T09:30:00Z')).toEqual([1, [['20005', 1]]]);
    expect(await at('2026-03-04T10:00:00Z')).toEqual([0, []]);
    expect(await at('2026-03-04T12:15:00Z')).toEqual([1, [['20005', 1]]]);
    expect(await at('2026-03-04T13:00:00Z')).toEqual([0, []]);
    expect(await at('2026-03-24T12:00:00Z')).toEqual([0, []]);
    expect(await at('2026-03-30T06:30:00Z')).toEqual([3, [['20015', 3]]]);
  });

  it('the series and the drill-down leave it out in the same way', async () => {
    const series = (await (await app.request('/api/metrics/backlog?from=2026-03-23&to=2026-03-28&grain=day')).json()) as SeriesResponse;
    expect(series.rows.map((row) => [row.period, row.value])).toEqual([['2026-03-25', 1], ['2026-03-26', 1], ['2026-03-27', 2]]);
    const tickets = async (to: string) =>
      ((await (await app.request(`/api/tickets?from=2026-03-01&to=${to}&metric=backlog`)).json()) as { tickets: Array<{ external_id: string }> })
        .tickets.map((t) => t.external_id);
    expect(await tickets('2026-03-25')).toEqual([]);
    expect(await tickets('2026-03-26')).toEqual(['20015']);
  });

  it('the gaps are those of the README, and recomputing the facts replaces them rather than adding more', async () => {
    const gaps = () =>
      db.read(`SELECT t.external_id AS id, strftime(g.solved_at, '%m-%d %H:%M') AS solved, strftime(g.reopened_at, '%m-%d %H:%M') AS reopened
                 FROM ticket_solved_gaps g JOIN tickets t USING (ticket_id) ORDER BY id, solved`);
    const expected = [
      { id: '20005', solved: '03-02 10:00', reopened: '03-03 09:00' },
      { id: '20005', solved: '03-03 09:40', reopened: '03-04 12:00' },
      { id: '20015', solved: '03-24 09:20', reopened: '03-25 08:00' },
      { id: '20023', solved: '01-07 10:00', reopened: '01-08 00:00' },
    ];
    expect(await gaps()).toEqual(expected);
    await db.write((tx) => recomputeFactsOf(tx, 'SELECT ticket_id FROM tickets'));
    expect(await gaps()).toEqual(expected);
  });
});

describe('coverage', () => {
  it('every metric of the registry is asserted above, or in the file named', () => {
    const asserted = ['created', 'solved', 'backlog', 'first_response_time', 'reply_time', 'resolution_time', 'first_resolution_time',
      'requester_wait_time', 'agent_wait_time', 'first_contact_resolution', 'one_touch_rate', 'escalation_rate',
      'reassignment_rate', 'reopen_rate', 'sla_first_response_attainment', 'sla_resolution_attainment', 'promise_kept_rate',
      'repeat_contact_rate', 'csat', 'csat_response_rate', 'nps', 'ces', 'ces_easy_share'];
    // Recurrence needs several weeks of categories: its own fixture (test/fixtures/recurring).
    // Suggestions, not tickets: checked by hand on suggestions made through the API.
    const elsewhere = { recurring_issue_share: 'recurring-issue-share.test.ts', suggestion_first_response_time: 'api/suggestions/list-and-metric.test.ts' };
    expect([...metrics.keys()].sort()).toEqual([...asserted, ...Object.keys(elsewhere)].sort());
  });

  it('distribution buckets are half-open [lower, upper) as Chatwoot C10 expects', () => {
    const bucketOf = (minutes: number) => durationBuckets.find((b) => minutes >= b.from && (b.to === null || minutes < b.to))!.label;
    expect([1800, 3599, 3600, 21600, 43200, 86400].map((seconds) => bucketOf(seconds / 60))).toEqual(['0–1 h', '0–1 h', '1–4 h', '4–8 h', '8–24 h', '> 24 h']);
  });
});
