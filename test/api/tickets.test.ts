// GET /api/tickets on the small fixture: the tickets behind metric points, worked out from its README.
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { TicketsResponse } from '../../api/contracts.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

const january = 'from=2026-01-01&to=2026-02-01';

async function page(query: string) {
  const response = await fixture.app.request(`/api/tickets?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TicketsResponse;
}

const ids = (body: TicketsResponse) => body.tickets.map((t) => t.external_id);

describe('the tickets behind a metric', () => {
  it('without a metric lists the tickets created in the range, oldest first', async () => {
    expect(ids(await page(january))).toEqual(['10001', '10002', '10003', '10004', '10005']);
  });

  it('a duration against a target: missed are those over it, with their minutes, largest first', async () => {
    // First responses: 10001 90 min, 10002 0, 10003 5, 10005 40; over 30 minutes: 10001 and 10005.
    const missed = await page(`${january}&metric=first_response_time&target=30&outcome=missed&sort=-value`);
    expect(missed.tickets.map((t) => [t.external_id, t.value])).toEqual([['10001', 90], ['10005', 40]]);
    const met = await page(`${january}&metric=first_response_time&target=30&outcome=met&sort=value`);
    expect(met.tickets.map((t) => [t.external_id, t.value])).toEqual([['10002', 0], ['10003', 5]]);
  });

  it('a lower-is-better rate: missed are the tickets it counts', async () => {
    // Solved in January: 10001, 10002, 10003 (reopened), 10005.
    expect(ids(await page(`${january}&metric=reopen_rate&outcome=missed`))).toEqual(['10003']);
    expect(ids(await page(`${january}&metric=reopen_rate&outcome=met`))).toEqual(['10001', '10002', '10005']);
  });

  it('filters like the series', async () => {
    expect(ids(await page(`${january}&channel=email&channel=chat`))).toEqual(['10001', '10003', '10004']);
  });

  it('pages with a cursor, every ticket once', async () => {
    const first = await page(`${january}&limit=2`);
    const second = await page(`${january}&limit=2&cursor=${first.next_cursor}`);
    const third = await page(`${january}&limit=2&cursor=${second.next_cursor}`);
    expect([ids(first), ids(second), ids(third), third.next_cursor]).toEqual([['10001', '10002'], ['10003', '10004'], ['10005'], null]);
    const backwards = await page(`${january}&limit=3&sort=-created_at`);
    expect(ids(await page(`${january}&limit=3&sort=-created_at&cursor=${backwards.next_cursor}`))).toEqual(['10002', '10001']);
  });

  it('answers as CSV for a spreadsheet', async () => {
    const response = await fixture.app.request(`/api/tickets?${january}&metric=first_response_time&sort=value`, { headers: { Accept: 'text/csv' } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('ticket_id,source,external_id,subject,status,channel,priority,category,team_id,assignee_id,requester_id,organization,created_at,first_response_at,solved_at,value');
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['10002', '10003', '10005', '10001']);
    expect(lines[4]).toMatch(/,2026-01-05T09:00:00Z,2026-01-05T10:30:00Z,2026-01-05T12:00:00Z,90$/);
  });

  it('answers as Arrow IPC for large results', async () => {
    const response = await fixture.app.request(`/api/tickets?${january}`, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.numRows).toBe(5);
    expect(table.getChild('external_id')!.toArray()).toEqual(['10001', '10002', '10003', '10004', '10005']);
    expect(new Date(table.getChild('created_at')!.get(0) as number).toISOString()).toBe('2026-01-05T09:00:00.000Z');
  });

  it('refuses what it cannot answer, naming why', async () => {
    const cases: Array<[string, RegExp]> = [
      [`${january}&metric=speed`, /no metric "speed"/],
      [`${january}&metric=created&outcome=met`, /created is a count/],
      [`${january}&metric=first_response_time&outcome=met`, /add target=<minutes>/],
      [`${january}&metric=csat&outcome=met`, /csat is a survey score/],
      [`${january}&sort=colour`, /^sort: /],
      [`${january}&cursor=nonsense`, /^cursor: /],
    ];
    for (const [query, detail] of cases) {
      const response = await fixture.app.request(`/api/tickets?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
    }
  });
});

describe('a drill-down from a point lists exactly its tickets, and says how many on every page', () => {
  async function point(key: string, query: string) {
    const response = await fixture.app.request(`/api/metrics/${key}?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { rows: Array<{ period: string; group: string | null; value: number | null; tickets: number }> }).rows;
  }
  const weekOf12Jan = 'from=2026-01-12&to=2026-01-19';

  it('a count: tickets created in the week of 12 Jan, by channel (chat 1, email 1, social 1), two a page', async () => {
    const email = (await point('created', `grain=week&by=channel&${weekOf12Jan}`)).find((row) => row.group === 'email')!;
    expect(email.value).toBe(1);
    const emailTickets = await page(`metric=created&${weekOf12Jan}&channel=email`);
    expect([ids(emailTickets), emailTickets.total]).toEqual([['10004'], email.value]);

    const all = await page(`metric=created&${weekOf12Jan}&limit=2`);
    expect([ids(all), all.total]).toEqual([['10003', '10004'], 3]);
    const rest = await page(`metric=created&${weekOf12Jan}&limit=2&cursor=${all.next_cursor}`);
    expect([ids(rest), rest.total, rest.next_cursor]).toEqual([['10005'], 3, null]);
  });

  it("a duration: the week's measured first responses (10003 5 min, 10005 40 min) equal the point's tickets", async () => {
    const [row] = await point('first_response_time', `grain=week&${weekOf12Jan}`);
    expect([row!.value, row!.tickets]).toEqual([22.5, 2]);
    const behind = await page(`metric=first_response_time&${weekOf12Jan}&sort=-value`);
    expect([behind.tickets.map((t) => [t.external_id, t.value]), behind.total]).toEqual([[['10005', 40], ['10003', 5]], row!.tickets]);
  });

  it("a rate: FCR of the week's solves (10003 no, 10005 yes) is 50 %, its met tickets 1 of 2", async () => {
    const [row] = await point('first_contact_resolution', `grain=week&${weekOf12Jan}`);
    expect([row!.value, row!.tickets]).toEqual([50, 2]);
    const base = await page(`metric=first_contact_resolution&${weekOf12Jan}`);
    const met = await page(`metric=first_contact_resolution&${weekOf12Jan}&outcome=met`);
    expect([base.total, met.total, ids(met)]).toEqual([2, 1, ['10005']]);
    expect((100 * met.total) / base.total).toBe(row!.value);
  });
});

describe('a heatmap cell and a distribution bucket list exactly their tickets', () => {
  // Creation in the team's zone (README): 10001 Mon 10:00 Zagreb (09:00Z), 10002 Tue 15:00 Zagreb, 10003 Tue 18:00
  // Manila (10:00Z), 10004 Wed 09:00 Zagreb (08:00Z, no reply yet), 10005 Thu 20:00 Manila.
  it('narrows to a weekday and hour of creation in the team’s time zone, not UTC', async () => {
    expect(ids(await page(`${january}&metric=first_response_time&weekday=2`))).toEqual(['10002', '10003']);
    // 10:00 local is 10001 (09:00Z in Zagreb); 10003 was created at 10:00Z, 18:00 in Manila.
    expect(ids(await page(`${january}&metric=first_response_time&hour=10`))).toEqual(['10001']);
    expect(ids(await page(`${january}&metric=first_response_time&hour=18&weekday=2`))).toEqual(['10003']);
    // Created tickets on Wednesdays at 09:00 local: 10004 (08:00Z); it has no first response, so none measured.
    expect(ids(await page(`${january}&weekday=3&hour=9`))).toEqual(['10004']);
    expect((await page(`${january}&metric=first_response_time&weekday=3`)).total).toBe(0);
  });

  it("each heatmap cell's tickets are its drill-down's total", async () => {
    const response = await fixture.app.request(`/api/metrics/first_response_time/heatmap?${january}&hours=business`);
    const { cells } = (await response.json()) as { cells: Array<{ channel: string; weekday: number; hour: number; tickets: number }> };
    expect(cells).toHaveLength(4);
    for (const cell of cells) {
      const drilled = await page(`${january}&metric=first_response_time&hours=business&channel=${cell.channel}&weekday=${cell.weekday}&hour=${cell.hour}`);
      expect({ ...cell, listed: drilled.total }).toEqual({ ...cell, listed: cell.tickets });
    }
  });

  it('narrows a duration to [from_minutes, to_minutes): first responses 10001 90, 10002 0, 10003 5, 10005 40 min', async () => {
    const values = (body: TicketsResponse) => body.tickets.map((t) => [t.external_id, t.value]);
    expect(values(await page(`${january}&metric=first_response_time&from_minutes=0&to_minutes=60&sort=value`))).toEqual([['10002', 0], ['10003', 5], ['10005', 40]]);
    expect(values(await page(`${january}&metric=first_response_time&from_minutes=60&to_minutes=240`))).toEqual([['10001', 90]]);
    // The lower bound is in, the upper out.
    expect(values(await page(`${january}&metric=first_response_time&from_minutes=40&to_minutes=90`))).toEqual([['10005', 40]]);
    expect(values(await page(`${january}&metric=first_response_time&from_minutes=90`))).toEqual([['10001', 90]]);
    expect(values(await page(`${january}&metric=first_response_time&to_minutes=5`))).toEqual([['10002', 0]]);
    // Business minutes: 10001 90, the others 0 (README).
    expect(ids(await page(`${january}&metric=first_response_time&hours=business&from_minutes=0&to_minutes=1`))).toEqual(['10002', '10003', '10005']);
  });

  it("each distribution bucket's tickets are its drill-down's total", async () => {
    const response = await fixture.app.request(`/api/metrics/first_response_time/distribution?${january}`);
    const { buckets } = (await response.json()) as { buckets: Array<{ from_minutes: number; to_minutes: number | null; tickets: number }> };
    expect(buckets.map((b) => b.tickets)).toEqual([3, 1, 0, 0, 0]);
    for (const bucket of buckets) {
      const upper = bucket.to_minutes === null ? '' : `&to_minutes=${bucket.to_minutes}`;
      const drilled = await page(`${january}&metric=first_response_time&from_minutes=${bucket.from_minutes}${upper}`);
      expect([bucket.from_minutes, drilled.total]).toEqual([bucket.from_minutes, bucket.tickets]);
    }
  });

  it('refuses a cell or range it cannot place, naming the parameter', async () => {
    const cases: Array<[string, RegExp]> = [
      ['metric=first_response_time&weekday=8', /^weekday: /],
      ['metric=first_response_time&weekday=0', /^weekday: /],
      ['metric=first_response_time&hour=24', /^hour: /],
      ['metric=first_response_time&hour=', /^hour: /],
      ['metric=first_response_time&hour=1.5', /^hour: /],
      ['metric=first_response_time&from_minutes=-1', /^from_minutes: /],
      ['metric=first_response_time&to_minutes=soon', /^to_minutes: /],
      ['metric=first_response_time&from_minutes=600000', /^from_minutes: /],
      ['metric=first_response_time&from_minutes=60&to_minutes=60', /^to_minutes: must be more than from_minutes/],
      ['metric=created&from_minutes=0&to_minutes=60', /created is not a duration/],
      ['from_minutes=0', /there is no metric/],
      // A survey's rows are answers, placed by their submission, not by a ticket's creation.
      ['metric=csat&weekday=1', /^weekday, hour: csat counts survey answers/],
    ];
    for (const [query, detail] of cases) {
      const response = await fixture.app.request(`/api/tickets?${january}&${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { detail: string }).detail, query).toMatch(detail);
    }
  });
});
