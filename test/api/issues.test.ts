// GET /api/issues on the small fixture with hand-set issues (test/helpers/issue-fixture.ts); every figure below is
// worked out from test/fixtures/small/README.md and its events and feedback files.
//   10001: 5 Jan, c1, email, 1 agent reply, solved in 180 min, CSAT 5/5 (satisfied)
//   10002: 6 Jan, c2, phone, 1 reply (the agent's creation comment), solved in 10 min
//   10003: 13 Jan, c1, chat, 2 replies (the bot's does not count), reopened once, solved in 1,440 min, CSAT 2/5 (not satisfied)
//   10004: 14 Jan, c1, email, no reply, open
//   10005: 15 Jan, c1, social, 1 reply, solved in 60 min, a CSAT answer without a score (not an answer)
// No ticket is escalated. Weeks start on Monday; 1 Jan 2026 is in the week of 29 Dec 2025.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssueListResponse } from '../../api/contracts.ts';
import { setHandIssues } from '../helpers/issue-fixture.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

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

  it('refuses settings out of range, naming the parameter', async () => {
    for (const [query, name] of [['rising_alpha=0', 'rising_alpha'], ['recurring_periods=x', 'recurring_periods'], ['sort=size', 'sort'], ['flag=hot', 'flag']]) {
      const response = await fixture.app.request(`/api/issues?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(name);
    }
  });
});
