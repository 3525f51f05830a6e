// GET /api/issues on the small fixture with hand-set issues (test/helpers/issue-fixture.ts); every figure below is
// worked out from test/fixtures/small/README.md and its events and feedback files.
//   10001: 5 Jan, c1, email, 1 agent reply, solved in 180 min, CSAT 5/5 (satisfied)
//   10002: 6 Jan, c2, phone, 1 reply (the agent's creation comment), solved in 10 min
//   10003: 13 Jan, c1, chat, 2 replies (the bot's does not count), reopened once, solved in 1,440 min, CSAT 2/5 (not satisfied)
//   10004: 14 Jan, c1, email, no reply, open
//   10005: 15 Jan, c1, social, 1 reply, solved in 60 min, a CSAT answer without a score (not an answer)
// No ticket is escalated. Weeks start on Monday; 1 Jan 2026 is in the week of 29 Dec 2025.
import { beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { createApp } from '../../api/app.ts';
import { AnswerCache } from '../../api/cache.ts';
import type { IssueDetailResponse, IssueListResponse, TicketsResponse } from '../../api/contracts.ts';
import { setHandIssues } from '../helpers/issue-fixture.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';
import { signedIn } from '../helpers/signed-in.ts';

const fixture = useSmallFixtureApp();
beforeAll(async () => {
  await setHandIssues(fixture.db);
});

const january = 'from=2026-01-01&to=2026-02-01';

async function list(query: string) {
  const response = await fixture.app.request(`/api/issues?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as IssueListResponse;
}

describe('GET /api/issues', () => {
  it('sums each issue’s tickets, customers, reopens, escalations, replies, median resolution, low CSAT and cost', async () => {
    const body = await list(january);
    expect(body.total).toBe(2);
    const [billing, access] = body.issues;
    expect(billing).toMatchObject({
      issue_id: 1, name: 'Invoice · refund', terms: ['Invoice', 'refund'], renamed: null, known_problem: null,
      tickets: 3, customers: 1, reopened: 1, escalated: 0, agent_replies: 3,
      median_resolution_minutes: 810, // 180 and 1,440
      csat_answers: 2, low_csat_answers: 1, low_csat_share: 0.5,
      // 3 replies × 10 + 0 escalated × 30 + 1 reopened × 20 + 1 not satisfied × 30
      cost: { value: 80, components: { handling_minutes: 30, escalation_minutes: 0, reopen_minutes: 20, low_csat_minutes: 30 } },
    });
    expect(access).toMatchObject({
      issue_id: 2, tickets: 2, customers: 2, reopened: 0, escalated: 0, agent_replies: 2, median_resolution_minutes: 35,
      csat_answers: 0, low_csat_share: null, cost: { value: 20 },
    });
    expect(billing!.sparkline).toEqual([
      { period: '2025-12-29', tickets: 0 }, { period: '2026-01-05', tickets: 1 }, { period: '2026-01-12', tickets: 2 },
      { period: '2026-01-19', tickets: 0 }, { period: '2026-01-26', tickets: 0 },
    ]);
    expect(access!.sparkline.map((p) => p.tickets)).toEqual([0, 1, 1, 0, 0]);
    expect(body.period).toBe('2026-01-26');
    expect(body.tests.cost).toBe('agent replies × 10 + escalated tickets × 30 + reopened tickets × 20 + not-satisfied CSAT answers × 30 (estimated agent minutes)');
  });

  it('sorts by volume, customers or cost, pages, and filters the tickets first', async () => {
    expect((await list(`${january}&sort=customers`)).issues.map((i) => i.issue_id)).toEqual([2, 1]);
    expect((await list(`${january}&sort=cost`)).issues.map((i) => i.issue_id)).toEqual([1, 2]);
    const first = await list(`${january}&limit=1`);
    expect([first.issues.map((i) => i.issue_id), first.next_offset, first.total]).toEqual([[1], 1, 2]);
    const second = await list(`${january}&limit=1&offset=1`);
    expect([second.issues.map((i) => i.issue_id), second.next_offset]).toEqual([[2], null]);
    // Email: 10001 and 10004, both issue 1: 1 reply, CSAT 5/5 only.
    const email = await list(`${january}&channel=email`);
    expect(email.issues).toHaveLength(1);
    expect(email.issues[0]).toMatchObject({ issue_id: 1, tickets: 2, reopened: 0, agent_replies: 1, median_resolution_minutes: 180, low_csat_share: 0, cost: { value: 10 } });
    expect(email.filters).toEqual({ channel: ['email'] });
  });

  it('judges the flags at the last week with the settings asked for, and states them', async () => {
    // Weeks of data: 5, 12, 19 and 26 Jan (the data begin on 5 Jan); issue 1 has tickets in 2 of them.
    const plain = await list(january);
    expect(plain.issues[0]!.flags.recurring).toMatchObject({ flagged: false, periods_present: 2, periods: 4 });
    const lenient = await list(`${january}&recurring_min_periods=2&flag=recurring`);
    expect(lenient.settings.recurring_min_periods).toBe(2);
    expect(lenient.tests.recurring).toBe('Tickets in at least 2 of the last 8 weeks (this week included; weeks before the data begin are not counted).');
    expect(lenient.issues.map((i) => [i.issue_id, i.flags.recurring.flagged])).toEqual([[1, true], [2, true]]);
    // First seen in the data's first week: not new, whatever the threshold.
    expect((await list(`${january}&new_min_tickets=1&flag=new`)).total).toBe(0);
    // Neither has 5 tickets in the week of 26 Jan: none is tested for a rise.
    expect(plain.tested_for_rising).toBe(0);
    expect(plain.issues[0]!.flags.rising).toMatchObject({ flagged: false, tickets: 0, p_value: null });
  });

  it('sorts by rise: tickets this week above the baseline mean', async () => {
    // This week 26 Jan: none; baseline 5, 12, 19 Jan: issue 1 (1 + 2 + 0) / 3 = 1, issue 2 (1 + 1 + 0) / 3.
    const late = await list(`${january}&sort=rise`);
    expect(late.issues.map((i) => [i.issue_id, i.flags.rising.excess])).toEqual([[2, -2 / 3], [1, -1]]);
    // This week 12 Jan: issue 1 has 2 against 1 (5 Jan), issue 2 has 1 against 1.
    const early = await list('from=2026-01-01&to=2026-01-19&sort=rise');
    expect(early.issues.map((i) => [i.issue_id, i.flags.rising.excess])).toEqual([[1, 1], [2, 0]]);
  });

  it('answers from the cache the second time, until the data change', async () => {
    const cache = new AnswerCache();
    const app = await signedIn(createApp({ db: fixture.db, cache, now: () => new Date('2026-01-20T12:00:00Z') }), fixture.db);
    for (const url of [`/api/issues?${january}`, `/api/issues/1?${january}`, `/api/issues/1/tickets?${january}`]) {
      const first = await app.request(url);
      const second = await app.request(url);
      expect(await second.text()).toBe(await first.text());
    }
    expect(cache.stats()).toMatchObject({ hits: 3, misses: 3 });
    await setHandIssues(fixture.db); // the same issues again, as an edit: a new data version
    await app.request(`/api/issues?${january}`);
    expect(cache.stats()).toMatchObject({ hits: 3, misses: 4 });
  });

  it('refuses settings out of range, naming the parameter', async () => {
    for (const [query, name] of [['rising_alpha=0', 'rising_alpha'], ['recurring_periods=x', 'recurring_periods'], ['sort=size', 'sort'], ['flag=hot', 'flag']]) {
      const response = await fixture.app.request(`/api/issues?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(name);
    }
  });
});

describe('GET /api/issues/:id', () => {
  it('gives the list’s summary, the trend per week, examples, top terms, channels, teams and comments', async () => {
    const response = await fixture.app.request(`/api/issues/1?${january}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as IssueDetailResponse;
    const listed = (await list(january)).issues.find((i) => i.issue_id === 1);
    expect(body.issue).toEqual(listed);
    expect(body.trend).toEqual([
      { period: '2025-12-29', tickets: 0, customers: 0, reopened: 0, escalated: 0 },
      { period: '2026-01-05', tickets: 1, customers: 1, reopened: 0, escalated: 0 },
      { period: '2026-01-12', tickets: 2, customers: 1, reopened: 1, escalated: 0 },
      { period: '2026-01-19', tickets: 0, customers: 0, reopened: 0, escalated: 0 },
      { period: '2026-01-26', tickets: 0, customers: 0, reopened: 0, escalated: 0 },
    ]);
    // The hand-set issue has no signature to compare with: the newest tickets stand as its examples.
    expect(body.examples.map((e) => e.external_id)).toEqual(['10004', '10003', '10001']);
    expect(body.examples[0]).toEqual({ ticket_id: 4, external_id: '10004', subject: 'Refund?', created_at: '2026-01-14T08:00:00Z', channel: 'email' });
    // A term of the name is shown as the tickets wrote it ("invoic" → "Invoice").
    expect(body.top_terms).toEqual([{ term: 'Invoice', tickets: 2 }, { term: 'refund', tickets: 1 }]); // its name terms, best first
    expect(body.channels).toEqual([{ value: 'email', tickets: 2 }, { value: 'chat', tickets: 1 }]);
    expect(body.teams).toEqual([{ value: 'zagreb', name: 'Zagreb Support', tickets: 2 }, { value: 'manila', name: 'Manila Partners', tickets: 1 }]);
    expect(body.comments.map((c) => [c.ticket_external_id, c.comment])).toEqual([['10003', 'Had to write again.'], ['10001', 'Quick and friendly, thanks!']]);
    expect(body.suggestions).toEqual([]);
    // The path names the issue; an `issue` filter beside it is left out, not intersected.
    const both = (await (await fixture.app.request(`/api/issues/1?${january}&issue=2`)).json()) as IssueDetailResponse;
    expect([both.issue.tickets, both.filters]).toEqual([3, {}]);
  });

  it('answers an issue without tickets in the view with zeros, and an unknown one with a 404 problem', async () => {
    const empty = (await (await fixture.app.request('/api/issues/2?from=2026-02-01&to=2026-03-01')).json()) as IssueDetailResponse;
    expect([empty.issue.tickets, empty.issue.cost.value, empty.examples, empty.channels]).toEqual([0, 0, [], []]);
    const unknown = await fixture.app.request('/api/issues/99');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await unknown.json()) as { detail: string }).detail).toBe('There is no issue 99.');
    expect((await fixture.app.request('/api/issues/99/tickets')).status).toBe(404);
    expect((await fixture.app.request('/api/issues/x')).status).toBe(400);
  });
});

describe('GET /api/issues/:id/tickets', () => {
  it('lists the issue’s tickets as /api/tickets does, with a metric’s outcomes, in JSON, CSV and Arrow', async () => {
    const page = (await (await fixture.app.request(`/api/issues/1/tickets?${january}`)).json()) as TicketsResponse;
    expect([page.tickets.map((t) => t.external_id), page.total]).toEqual([['10001', '10003', '10004'], 3]);
    const reopened = (await (await fixture.app.request(`/api/issues/1/tickets?${january}&metric=reopen_rate&outcome=missed`)).json()) as TicketsResponse;
    expect(reopened.tickets.map((t) => t.external_id)).toEqual(['10003']);
    // The path's issue wins over an `issue` in the query.
    const path = (await (await fixture.app.request(`/api/issues/2/tickets?${january}&issue=1`)).json()) as TicketsResponse;
    expect(path.tickets.map((t) => t.external_id)).toEqual(['10002', '10005']);
    const csv = await fixture.app.request(`/api/issues/2/tickets?${january}`, { headers: { Accept: 'text/csv' } });
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="issue-2-tickets.csv"');
    expect((await csv.text()).trimEnd().split('\r\n').slice(1).map((line) => line.split(',')[2])).toEqual(['10002', '10005']);
    const arrow = await fixture.app.request(`/api/issues/1/tickets?${january}`, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(tableFromIPC(new Uint8Array(await arrow.arrayBuffer())).getChild('external_id')!.toArray()).toEqual(['10001', '10003', '10004']);
  });
});
