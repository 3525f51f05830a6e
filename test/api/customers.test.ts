// /api/customers on the small fixture (test/fixtures/small), its five loaded tickets grouped by hand so that the
// expected numbers are counted here, not by the grouping:
//   ticket 1 (10001) c1 Mail  5 Jan 09:00  closed  issue 1      ticket 2 (10002) c2 Phone 6 Jan 14:00  solved  issue 1
//   ticket 3 (10003) c1 Chat 13 Jan 10:00  solved  issue 2      ticket 4 (10004) c1 Mail 14 Jan 08:00  open    issue 3
//   ticket 5 (10005) c1 Twitter 15 Jan 12:00 solved issue 3
// c1's gaps: 1→3 eight days (not a repeat contact), 3→4 and 4→5 under 7 days. The organisation file flags c2 vip.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerFlagsResponse, FlaggedCustomersResponse, RepeatContactersResponse } from '../../api/contracts.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { smallFixture } from '../helpers/db.ts';
import { asPerson } from '../helpers/signed-in.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();
const at = '2026-01-20T12:00:00Z';

beforeAll(async () => {
  await fixture.db.write(async (tx) => {
    await tx.run('DELETE FROM ticket_issues');
    await tx.run(`INSERT INTO ticket_issues SELECT t, CASE WHEN t <= 2 THEN 1 WHEN t = 3 THEN 2 ELSE 3 END, NULL, 'en', 1 FROM range(1, 6) r(t)`);
  });
});

async function get<T>(url: string) {
  const response = await fixture.app.request(url);
  return { status: response.status, body: (await response.json()) as T };
}
/** Sent by the lead its `by` names (the server takes who from the session, api/actor.ts). */
async function send(method: 'PUT' | 'DELETE', url: string, body: Record<string, unknown>, as = String(body.by ?? 'Ana Kovač')) {
  const lead = await asPerson(fixture.app, fixture.db, as);
  const response = await lead.request(url, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { status: response.status, body: (await response.json()) as CustomerFlagsResponse & { issues?: { parameter: string }[] } };
}
/** When a ticket was created, read straight from the tickets table. */
const createdAt = async (externalId: string) =>
  (await fixture.db.readOne<{ at: string }>(`SELECT strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS at FROM tickets WHERE external_id = $id`, { id: externalId }))!.at;

describe('repeat contacters', () => {
  it('lists c1 for two tickets on issue 3 and two tickets within 7 days of the previous one', async () => {
    const { status, body } = await get<RepeatContactersResponse>('/api/customers/repeat?from=2026-01-01&to=2026-02-01');
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.customers).toEqual([
      {
        customer_id: 'c1', name: 'Marko Horvat', organization: 'Horvat d.o.o.', tickets: 4,
        repeat_issues: [{ issue_id: 3, tickets: 2 }], within_7_days: 2, last_contact: await createdAt('10005'), flags: [],
        recent_tickets: [
          { ticket_id: 5, subject: '@brand down?', status: 'solved', created_at: await createdAt('10005'), issue_id: 3 },
          { ticket_id: 4, subject: 'Refund?', status: 'open', created_at: await createdAt('10004'), issue_id: 3 },
          { ticket_id: 3, subject: 'App crashes', status: 'solved', created_at: await createdAt('10003'), issue_id: 2 },
          { ticket_id: 1, subject: 'Invoice twice', status: 'closed', created_at: await createdAt('10001'), issue_id: 1 },
        ],
      },
    ]);
  });

  it('counts only the range and the filters', async () => {
    const late = (await get<RepeatContactersResponse>('/api/customers/repeat?from=2026-01-14&to=2026-02-01')).body;
    expect(late.customers.map((c) => [c.customer_id, c.tickets, c.repeat_issues, c.within_7_days])).toEqual([['c1', 2, [{ issue_id: 3, tickets: 2 }], 1]]);
    // Tickets 1 and 3: other issues, eight days apart.
    expect((await get<RepeatContactersResponse>('/api/customers/repeat?from=2026-01-01&to=2026-01-14')).body.total).toBe(0);
    // By e-mail c1 wrote tickets 1 and 4: other issues, nine days apart.
    expect((await get<RepeatContactersResponse>('/api/customers/repeat?from=2026-01-01&to=2026-02-01&channel=email')).body.total).toBe(0);
    expect((await get<RepeatContactersResponse>('/api/customers/repeat?from=2026-01-01&to=2026-02-01&channel=chat&channel=social&channel=email')).body.total).toBe(1);
    expect((await get('/api/customers/repeat?from=2026-02-01&to=2026-01-01')).status).toBe(400);
  });
});

describe('flagging and unflagging', () => {
  it('lists no flagged customer at first (c2 is only vip)', async () => {
    expect((await get<FlaggedCustomersResponse>('/api/customers/flagged')).body).toEqual({ total: 0, customers: [], next_cursor: null });
  });

  it('flags c1 with who, when and why, and lists c1 with its open ticket', async () => {
    const flagged = await send('PUT', '/api/customers/c1/flags/abusive', { by: 'Ana Kovač', note: 'Shouted at an agent' });
    const record = { flag: 'abusive', origin: 'lead', set_by: 'Ana Kovač', set_at: at, note: 'Shouted at an agent' };
    expect(flagged).toEqual({ status: 200, body: { customer_id: 'c1', flags: [record], cleared: [] } });
    // Flagging again changes nothing.
    expect((await send('PUT', '/api/customers/c1/flags/abusive', { by: 'Ivo', note: null })).body.flags).toEqual([record]);
    const list = (await get<FlaggedCustomersResponse>('/api/customers/flagged')).body;
    expect(list.customers).toEqual([
      {
        customer_id: 'c1', name: 'Marko Horvat', organization: 'Horvat d.o.o.', flags: [record], cleared: [], open_tickets: 1,
        open: [{ ticket_id: 4, subject: 'Refund?', status: 'open', created_at: await createdAt('10004') }],
        last_contact: await createdAt('10005'),
      },
    ]);
    const repeat = (await get<RepeatContactersResponse>('/api/customers/repeat?from=2026-01-01&to=2026-02-01')).body;
    expect(repeat.customers[0]!.flags).toEqual(['abusive']);
  });

  it('unflags keeping the flag in the history, with who cleared it and why', async () => {
    const cleared = await send('DELETE', '/api/customers/c1/flags/abusive', { by: 'Ivo', note: 'Apologised' });
    expect(cleared.body).toEqual({
      customer_id: 'c1', flags: [],
      cleared: [{ flag: 'abusive', origin: 'lead', set_by: 'Ana Kovač', set_at: at, note: 'Shouted at an agent', cleared_by: 'Ivo', cleared_at: at, cleared_note: 'Apologised' }],
    });
    expect((await get<FlaggedCustomersResponse>('/api/customers/flagged')).body.customers).toEqual([]);
    const again = await send('DELETE', '/api/customers/c1/flags/abusive', { by: 'Ivo' });
    expect([again.status, again.body.issues?.[0]?.parameter]).toEqual([404, 'flag']);
  });

  it('flags again at the very instant the flag was cleared: a new row a microsecond later, the cleared one kept', async () => {
    // The app's clock stands still, as two clicks within one millisecond would see it.
    const again = await send('PUT', '/api/customers/c1/flags/abusive', { note: 'Again' });
    expect(again.status).toBe(200);
    expect(again.body.flags).toEqual([{ flag: 'abusive', origin: 'lead', set_by: 'Ana Kovač', set_at: at, note: 'Again' }]);
    expect(again.body.cleared.map((c) => [c.set_at, c.cleared_note])).toEqual([[at, 'Apologised']]);
    const stored = await fixture.db.read<{ micros: number }>(
      `SELECT (epoch_us(set_at) - epoch_us($at::TIMESTAMPTZ))::INTEGER AS micros FROM customer_flags WHERE customer_id = 'c1' AND flag = 'abusive' ORDER BY set_at`,
      { at },
    );
    expect(stored.map((r) => r.micros)).toEqual([0, 1]);
    expect((await send('DELETE', '/api/customers/c1/flags/abusive', { note: 'Done' })).status).toBe(200);
  });

  it('refuses an unknown customer or flag, and an over-long `by` (which the server otherwise ignores)', async () => {
    const unknown = await send('PUT', '/api/customers/c9/flags/abusive', { by: 'Ana' });
    expect([unknown.status, unknown.body.issues?.[0]?.parameter]).toEqual([404, 'id']);
    const flag = await send('PUT', '/api/customers/c1/flags/rude', { by: 'Ana' });
    expect([flag.status, flag.body.issues?.[0]?.parameter]).toEqual([400, 'flag']);
    const tooLong = await send('PUT', '/api/customers/c1/flags/abusive', { note: 'x', by: 'a'.repeat(101) }, 'Ana');
    expect([tooLong.status, tooLong.body.issues?.[0]?.parameter]).toEqual([400, 'by']);
  });

  it("keeps a lead's flags, and a file's flag a lead cleared, when the organisation file is loaded again", async () => {
    await send('PUT', '/api/customers/c1/flags/legal_threat', { by: 'Ana', note: 'Letter from a lawyer' });
    await send('DELETE', '/api/customers/c2/flags/vip', { by: 'Ana', note: 'No longer' });
    await loadOrganisation(fixture.db, `${smallFixture}organisation.json`);
    const c1 = (await send('PUT', '/api/customers/c1/flags/legal_threat', { by: 'Ivo' })).body;
    expect(c1.flags.map((f) => [f.flag, f.set_by])).toEqual([['legal_threat', 'Ana']]);
    const c2 = (await send('PUT', '/api/customers/c2/flags/abusive', { by: 'Ivo' })).body;
    expect(c2.flags.map((f) => f.flag)).toEqual(['abusive']);
    expect(c2.cleared.map((f) => [f.flag, f.origin, f.set_by, f.cleared_by])).toEqual([['vip', 'organisation', 'lead.zagreb', 'Ana']]);
  });
});

describe("a customer's tickets in the drill-down (GET /api/tickets?requester)", () => {
  const ids = async (query: string) => {
    const response = await fixture.app.request(`/api/tickets?from=2026-01-01&to=2026-02-01&${query}`);
    const body = (await response.json()) as { total: number; tickets: { ticket_id: number }[] };
    return { status: response.status, total: body.total, ids: body.tickets?.map((t) => t.ticket_id).sort((a, b) => a - b) };
  };

  it('lists only that requester’s tickets, within the filters', async () => {
    expect(await ids('metric=created&requester=c1')).toEqual({ status: 200, total: 4, ids: [1, 3, 4, 5] });
    expect(await ids('metric=created&requester=c2')).toEqual({ status: 200, total: 1, ids: [2] });
    expect(await ids('metric=created&requester=c1&requester=c2')).toMatchObject({ total: 5 });
    expect(await ids('metric=created&requester=c1&channel=email')).toEqual({ status: 200, total: 2, ids: [1, 4] });
    expect((await ids('metric=csat&requester=c1')).status).toBe(400);
  });
});
