// Metric answers on the small fixture, each worked out by hand from test/fixtures/small/README.md.
import { describe, expect, it } from 'vitest';
import type { SeriesResponse } from '../../api/contracts.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

const january = 'from=2026-01-01&to=2026-02-01&grain=month';

async function total(path: string) {
  const response = await fixture.app.request(path);
  expect(response.status).toBe(200);
  return ((await response.json()) as SeriesResponse).total;
}

describe('durations', () => {
  // First responses in January: 10002 0 min (solved in the first interaction), 10003 5, 10005 40, 10001 90; 10004 none.
  it('takes the median by default, p90 and mean on request', async () => {
    expect(await total(`/api/metrics/first_response_time?${january}`)).toEqual({ value: 22.5, tickets: 4 });
    // p90 of [0, 5, 40, 90]: position 0.9 × 3 = 2.7, so 40 + 0.7 × (90 − 40).
    expect(await total(`/api/metrics/first_response_time?${january}&stat=p90`)).toEqual({ value: 75, tickets: 4 });
    expect(await total(`/api/metrics/first_response_time?${january}&stat=mean`)).toEqual({ value: 33.75, tickets: 4 });
  });

  it('filters by a dimension, several values when repeated', async () => {
    expect(await total(`/api/metrics/first_response_time?${january}&channel=email`)).toEqual({ value: 90, tickets: 1 });
    expect(await total(`/api/metrics/first_response_time?${january}&channel=email&channel=chat`)).toEqual({ value: 47.5, tickets: 2 });
  });

  it('says which statistic and hours it used', async () => {
    const body = (await (await fixture.app.request(`/api/metrics/resolution_time?${january}&stat=p90&hours=calendar`)).json()) as SeriesResponse;
    expect(body).toMatchObject({ stat: 'p90', hours: 'calendar', variant: null, filters: {} });
  });
});

describe('rates', () => {
  // Solved in January: 10001 (1 reply), 10002 (phone, solved in the first interaction), 10003 (2 replies, reopened once), 10005 (1 reply).
  it('reopen rate is reopened ÷ solved', async () => {
    expect(await total(`/api/metrics/reopen_rate?${january}`)).toEqual({ value: 25, tickets: 4 });
  });

  it('one-touch rate, and the same preset of first-contact resolution', async () => {
    expect(await total(`/api/metrics/one_touch_rate?${january}`)).toEqual({ value: 75, tickets: 4 });
    expect(await total(`/api/metrics/first_contact_resolution?${january}&variant=one_touch`)).toEqual({ value: 75, tickets: 4 });
  });

  it('an unknown preset is a problem naming the allowed ones', async () => {
    const response = await fixture.app.request(`/api/metrics/first_contact_resolution?${january}&variant=lenient`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: expect.stringMatching(/Allowed: one_touch, single_close, metricnet/) });
  });
});

describe('surveys', () => {
  // CSAT in January: f1 5 of 5 (satisfied), f2 2 of 5 (not), f3 sent but not answered; f4 (NPS 11 of 10) was rejected.
  it('CSAT is satisfied ÷ answered, the response rate answered ÷ sent', async () => {
    expect(await total(`/api/metrics/csat?${january}`)).toEqual({ value: 50, tickets: 2 });
    const rate = await total(`/api/metrics/csat_response_rate?${january}`);
    expect(rate.tickets).toBe(3);
    expect(rate.value).toBeCloseTo(200 / 3, 10);
  });

  it('survey answers filter by their ticket’s dimensions', async () => {
    expect(await total(`/api/metrics/csat?${january}&channel=chat`)).toEqual({ value: 0, tickets: 1 });
  });
});

describe('distributions', () => {
  it('counts tickets per duration bucket, a bucket holding its lower edge but not its upper', async () => {
    // Full resolutions attributed to January: 10001 180 min, 10002 10, 10003 1,440 (exactly 24 h), 10005 60 (exactly 1 h).
    const body = (await (await fixture.app.request(`/api/metrics/resolution_time/distribution?from=2026-01-01&to=2026-02-01`)).json()) as {
      buckets: Array<{ label: string; tickets: number }>;
      tickets: number;
    };
    expect(body.buckets.map((b) => [b.label, b.tickets])).toEqual([['0–1 h', 1], ['1–4 h', 2], ['4–8 h', 0], ['8–24 h', 0], ['> 24 h', 1]]);
    expect(body.tickets).toBe(4);
  });

  it('states the median, 90th percentile and mean, in calendar or business minutes', async () => {
    // First responses: 10001 90 min (90 business), 10002 0 (0), 10003 5 (0), 10005 40 (0).
    // Calendar, sorted 0, 5, 40, 90: median (5 + 40) / 2 = 22.5; p90 at 0.9 × 3 = 2.7, 40 + 0.7 × 50 = 75; mean 135 / 4.
    // Business, sorted 0, 0, 0, 90: median 0; p90 0 + 0.7 × 90 = 63; mean 90 / 4.
    const read = async (hours: string) =>
      ((await (await fixture.app.request(`/api/metrics/first_response_time/distribution?from=2026-01-01&to=2026-02-01&hours=${hours}`)).json()) as {
        stats: { p50: number; p90: number; mean: number };
        buckets: Array<{ tickets: number }>;
      });
    const calendar = await read('calendar');
    expect(calendar.stats.p50).toBe(22.5);
    expect(calendar.stats.p90).toBeCloseTo(75, 10);
    expect(calendar.stats.mean).toBe(33.75);
    expect(calendar.buckets.map((b) => b.tickets)).toEqual([3, 1, 0, 0, 0]);
    const business = await read('business');
    expect([business.stats.p50, business.stats.mean]).toEqual([0, 22.5]);
    expect(business.stats.p90).toBeCloseTo(63, 10);
    const none = (await (await fixture.app.request('/api/metrics/first_response_time/distribution?from=2020-01-01&to=2020-02-01')).json()) as { stats: unknown };
    expect(none.stats).toEqual({ p50: null, p90: null, mean: null });
  });

  it('exists only for durations', async () => {
    const response = await fixture.app.request('/api/metrics/reopen_rate/distribution');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/reopen_rate is not a duration; distributions exist for first_response_time/);
  });
});

describe('backlog', () => {
  // Open at each week's end (created before it, not solved by then): 10001 created 5 Jan, solved 5 Jan; 10002 6 Jan → 6 Jan;
  // 10003 13 Jan → last solve 14 Jan; 10004 14 Jan, open; 10005 15 Jan → 15 Jan.
  it('counts the tickets open at the end of each period', async () => {
    const body = (await (await fixture.app.request('/api/metrics/backlog?from=2026-01-05&to=2026-01-21&grain=week')).json()) as SeriesResponse;
    // End of week 1 (12 Jan): none open. End of week 2 (19 Jan): 10004. The range ends Wed 21 Jan: 10004.
    expect(body.rows).toEqual([{ period: '2026-01-12', group: null, value: 1, tickets: 1 }, { period: '2026-01-19', group: null, value: 1, tickets: 1 }]);
    expect(body.total).toEqual({ value: 1, tickets: 1 });
  });

  it('tells the open tickets’ ages and each assignee’s oldest at an instant', async () => {
    // At Wed 14 Jan 09:30: 10003 (reopened 09:00, created 13 Jan 10:00, 23.5 h old) and 10004 (created 08:00, 1.5 h).
    const body = (await (await fixture.app.request('/api/backlog?at=2026-01-14T09:30:00Z')).json()) as {
      open: number;
      ages: Array<{ label: string; tickets: number }>;
      oldest_per_assignee: Array<{ assignee_id: string | null; assignee_name: string | null; open: number; external_id: string; age_days: number }>;
    };
    expect(body.open).toBe(2);
    expect(body.ages.map((a) => a.tickets)).toEqual([2, 0, 0, 0, 0]);
    expect(body.oldest_per_assignee.map((a) => [a.external_id, a.open])).toEqual([['10003', 1], ['10004', 1]]);
    // Named from organisation.json: 10003 is Jose Santos's (a2), 10004 Ana Kovač's (a1).
    expect(body.oldest_per_assignee.map((a) => [a.assignee_id, a.assignee_name])).toEqual([['a2', 'Jose Santos'], ['a1', 'Ana Kovač']]);
    expect(body.oldest_per_assignee[0]!.age_days).toBeCloseTo(23.5 / 24, 10);
  });
});

describe('grouped by agent', () => {
  // Assignees (tickets.csv, matched to organisation.json's agents by name): Ana Kovač (a1) has 10001 and 10002 in the
  // week of 5 Jan and 10004 in the week of 12 Jan; Jose Santos (a2) has 10003 and 10005 in the week of 12 Jan.
  // The bot (Helper Bot) is assigned nothing, so it is not named.
  it('names the agents of the groups it returns', async () => {
    const response = await fixture.app.request('/api/metrics/created?from=2026-01-05&to=2026-01-19&grain=week&by=agent');
    expect(response.status).toBe(200);
    const body = (await response.json()) as SeriesResponse;
    expect(body.rows).toEqual([
      { period: '2026-01-05', group: 'a1', value: 2, tickets: 2 },
      { period: '2026-01-12', group: 'a1', value: 1, tickets: 1 },
      { period: '2026-01-12', group: 'a2', value: 2, tickets: 2 },
    ]);
    expect(body.group_names).toEqual({ a1: 'Ana Kovač', a2: 'Jose Santos' });
  });

  it('names only the groups in the answer, and nothing for a dimension without a name table', async () => {
    const chat = (await (await fixture.app.request('/api/metrics/created?from=2026-01-05&to=2026-01-19&grain=week&by=agent&channel=chat')).json()) as SeriesResponse;
    expect(chat.group_names).toEqual({ a2: 'Jose Santos' });
    const byChannel = (await (await fixture.app.request('/api/metrics/created?from=2026-01-05&to=2026-01-19&grain=week&by=channel')).json()) as SeriesResponse;
    expect(byChannel).not.toHaveProperty('group_names');
  });
});
