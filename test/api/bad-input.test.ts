// Bad input that used to reach DuckDB (and answer 500) is a 400 problem naming the field; a body of the wrong
// media type is 415, one too large 413. "Now" is Tue 20 Jan 2026 12:00 UTC (test/helpers/small-app.ts).
import { describe, expect, it } from 'vitest';
import { maxPeriods } from '../../api/period-cap.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

const goal = { name: 'Median first response', metric: 'first_response_time', stat: 'p50', comparator: '<=', target: 30, period: 'week', starts_on: '2026-01-05' };
const weekly = { mon: [['08:00', '16:00']] };
const json = (method: string, body: unknown): RequestInit => ({ method, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Problem {
  status: number;
  title: string;
  detail: string;
  issues?: Array<{ parameter: string; message: string }>;
  [extension: string]: unknown;
}

async function problem(url: string, init: RequestInit | undefined, status: number): Promise<Problem> {
  // Calendars are the admins' to change (api/auth/access.ts).
  const asker = url.endsWith('/calendar') && init?.method === 'PUT' ? fixture.admin : fixture.app;
  const response = await asker.request(url, init);
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return JSON.parse(text) as Problem;
}

/** [what, url, request, the parameter the problem must name first] */
const refused: Array<[string, string, RequestInit | undefined, string]> = [
  ['a goal starting on 30 February', '/api/goals', json('POST', { ...goal, starts_on: '2024-02-30' }), 'starts_on'],
  ['a goal starting in month 13', '/api/goals', json('POST', { ...goal, starts_on: '2024-13-45' }), 'starts_on'],
  ['a goal ending on 30 February', '/api/goals', json('POST', { ...goal, ends_on: '2026-02-30' }), 'ends_on'],
  ['a goal starting in year 1', '/api/goals', json('POST', { ...goal, starts_on: '0001-01-01' }), 'starts_on'],
  ['a goal starting more than 10 years ago', '/api/goals', json('POST', { ...goal, starts_on: '2016-01-19' }), 'starts_on'],
  ['a goal starting more than 10 years ahead', '/api/goals', json('POST', { ...goal, starts_on: '2036-01-21' }), 'starts_on'],
  ['a goal target of 1e308', '/api/goals', json('POST', { ...goal, target: 1e308 }), 'target'],
  ['a goal target of 30 digits', '/api/goals', json('POST', JSON.stringify(goal).replace('"target":30', '"target":123456789012345678901234567890')), 'target'],
  ['a negative target for a duration', '/api/goals', json('POST', { ...goal, target: -5 }), 'target'],
  ['a rate target above 100 %', '/api/goals', json('POST', { ...goal, metric: 'reopen_rate', stat: undefined, target: 101 }), 'target'],
  ['an owner id of 201 characters', '/api/goals', json('POST', { ...goal, owner_id: 'x'.repeat(201) }), 'owner_id'],
  ['a goal name of 201 characters', '/api/goals', json('POST', { ...goal, name: 'x'.repeat(201) }), 'name'],
  ['a scope value of 201 characters', '/api/goals', json('POST', { ...goal, scope: { channel: ['x'.repeat(201)] } }), 'scope.channel.0'],
  ['a scope of 101 values', '/api/goals', json('POST', { ...goal, scope: { channel: Array.from({ length: 101 }, (_, i) => `c${i}`) } }), 'scope.channel'],
  ['a goal id past 2^53', '/api/goals/1e308', undefined, 'id'],
  ['a holiday on 30 February', '/api/teams/zagreb/calendar', json('PUT', { weekly, holidays: [{ day: '2024-02-30', name: 'x' }] }), 'holidays.0.day'],
  ['the same holiday twice', '/api/teams/zagreb/calendar', json('PUT', { weekly, holidays: [{ day: '2024-12-25', name: 'a' }, { day: '2024-12-25', name: 'b' }] }), 'holidays.1.day'],
  ['1,001 holidays', '/api/teams/zagreb/calendar', json('PUT', { weekly, holidays: Array.from({ length: 1001 }, (_, i) => ({ day: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10), name: 'off' })) }), 'holidays'],
  ['25 intervals in a day', '/api/teams/zagreb/calendar', json('PUT', { weekly: { mon: Array.from({ length: 25 }, (_, i) => [`${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`]) } }), 'weekly.mon'],
  ['a holiday name of 201 characters', '/api/teams/zagreb/calendar', json('PUT', { weekly, holidays: [{ day: '2024-12-25', name: 'x'.repeat(201) }] }), 'holidays.0.name'],
  ['a team id of 201 characters', `/api/teams/${'x'.repeat(201)}/calendar`, undefined, 'id'],
  ['a series from 30 February', '/api/metrics/created?from=2024-02-30&to=2024-04-01', undefined, 'from'],
  ['an overview from 30 February', '/api/overview?from=2024-02-30&to=2024-04-01', undefined, 'from'],
  ['an overview to 31 April', '/api/overview?from=2024-04-01&to=2024-04-31', undefined, 'to'],
  ['tickets from 30 February', '/api/tickets?from=2024-02-30', undefined, 'from'],
  ['a drill-down target of 1e308', '/api/tickets?metric=first_response_time&outcome=met&target=1e308', undefined, 'target'],
  ['a drill-down target of Infinity', '/api/tickets?target=Infinity', undefined, 'target'],
  ['a filter value of 201 characters', `/api/metrics/created?channel=${'x'.repeat(201)}`, undefined, 'channel'],
];

describe('bad input is a 400 problem naming the field', () => {
  it.each(refused)('%s', async (_, url, init, parameter) => {
    const body = await problem(url, init, 400);
    expect(body.issues?.[0]?.parameter ?? body.detail.split(':')[0]).toBe(parameter);
  });

  it('a crafted cursor: not a sort key of the sort asked for, or a ticket id past 2^53', async () => {
    for (const [sort, value] of [
      ['created_at', ['nope', 1]],
      ['created_at', ['2026-02-30 00:00:00+00', 1]],
      ['created_at', ['2026-01-05 08:00:00+00', 1e300]],
      ['-value', ['x', 1]],
      ['value', ['1e400', 1]],
      ['value', [{}, 1]],
    ] as const) {
      const body = await problem(`/api/tickets?metric=first_response_time&sort=${sort}&cursor=${cursor(value)}`, undefined, 400);
      expect(body.detail).toMatch(/^cursor: /);
    }
  });

  it('a cursor the API gave out still pages on, by time and by value', async () => {
    for (const sort of ['created_at', '-value']) {
      const first = (await (await fixture.app.request(`/api/tickets?metric=first_response_time&sort=${sort}&limit=2`)).json()) as { next_cursor: string; tickets: Array<{ ticket_id: number }> };
      expect(first.next_cursor).not.toBeNull();
      const next = await fixture.app.request(`/api/tickets?metric=first_response_time&sort=${sort}&limit=2&cursor=${first.next_cursor}`);
      expect(next.status).toBe(200);
      const ids = ((await next.json()) as { tickets: Array<{ ticket_id: number }> }).tickets.map((t) => t.ticket_id);
      expect(ids.some((id) => first.tickets.some((t) => t.ticket_id === id))).toBe(false);
    }
  });
});

describe('the range a request may ask for', () => {
  it(`refuses more than ${maxPeriods} periods of the grain, naming the maximum and a coarser grain that fits`, async () => {
    // 1900-01-01 to 2999-12-31: 401,766 days, 4,400 quarters.
    const body = await problem('/api/metrics/backlog?grain=day&from=1900-01-01&to=2999-12-31', undefined, 400);
    expect(body).toMatchObject({ title: 'Range too long', max_periods: 5000, periods: 401_766, suggested_grain: 'quarter', issues: [{ parameter: 'grain' }] });
    expect(body.detail).toMatch(/at most 5000 periods: ask for grain=quarter/);
    expect((await fixture.app.request('/api/metrics/backlog?grain=quarter&from=1900-01-01&to=2999-12-31')).status).toBe(200);
  });

  it('counts a range at its limit as allowed, one period more as refused', async () => {
    // 2000-01-01 + 5,000 days = 2013-09-09 (5,000 days: 13 × 365 + 4 leap days + 251).
    expect((await fixture.app.request('/api/metrics/created?grain=day&from=2000-01-01&to=2013-09-09')).status).toBe(200);
    expect((await problem('/api/metrics/created?grain=day&from=2000-01-01&to=2013-09-10', undefined, 400)).periods).toBe(5001);
  });

  it('caps the overview by its weekly volume: 5,001 weeks are refused', async () => {
    // 2000-01-03 is a Monday; 5,001 weeks later is 2095-11-07.
    const body = await problem('/api/overview?from=2000-01-03&to=2095-11-07', undefined, 400);
    expect(body).toMatchObject({ periods: 5001, issues: [{ parameter: 'from' }] });
  });
});

describe('request bodies', () => {
  it('a goal sent as text/plain is 415, not "name: undefined"', async () => {
    const body = await problem('/api/goals', { method: 'POST', body: JSON.stringify(goal), headers: { 'Content-Type': 'text/plain' } }, 415);
    expect(body.detail).toBe('The body must be application/json, not text/plain.');
    await problem('/api/teams/zagreb/calendar', { method: 'PUT', body: JSON.stringify({ weekly }) }, 415);
  });

  it('a body over 2 MiB is 413, refused by its declared length before it is parsed', async () => {
    const huge = JSON.stringify({ ...goal, name: 'x'.repeat(2 * 1024 * 1024) });
    const body = await problem('/api/goals', json('POST', huge), 413);
    expect(body).toMatchObject({ title: 'Request too large', limit_bytes: 2 * 1024 * 1024 });
  });

  it('a body without a declared length is cut off once it passes 2 MiB, never read whole', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(`{"name":"${'x'.repeat(64 * 1024 - 10)}`);
    // 8 MiB, streamed: the limit must stop reading it at the first chunk past 2 MiB.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 8 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    await problem('/api/goals', { method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': 'application/json' } } as RequestInit, 413);
    expect(sent).toBeLessThan(3 * 1024 * 1024);
  });
});
