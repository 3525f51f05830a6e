// /api/customers/repeat and /api/customers/flagged a page at a time, on the demo (3,000 tickets): walking the pages
// lists every customer exactly once, in the list's order, and every page's total is the count made here from the
// raw rows (the 7-day and same-issue rules applied in TypeScript, not by the route's SQL).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { FlaggedCustomersResponse, RepeatContactersResponse } from '../../api/contracts.ts';
import { seedDemo } from '../../pipelines/demo/seed.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const end = new Date('2026-06-29T00:00:00Z');
const range = 'from=2020-01-01&to=2027-01-01';
const pageSize = 7;
let db: Database;
let dir: string;
let app: Awaited<ReturnType<typeof signedIn<ReturnType<typeof createApp>>>>;

beforeAll(async () => {
  db = await freshDb();
  dir = await mkdtemp(join(tmpdir(), 'servicepulse-customer-pages-'));
  await seedDemo(db, { tickets: 3000, end, dir });
  // A manager sees every team's customers.
  app = await signedIn(createApp({ db, now: () => end }), db, 'manager');
}, 180_000);

afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await app.request(url);
  return { status: response.status, body: (await response.json()) as T };
}

/** Every page of a list from its first, following next_cursor; each page's total with it. */
async function walk<T extends { total: number; next_cursor: string | null; customers: unknown[] }>(url: string) {
  const pages: T[] = [];
  let cursor: string | null = null;
  do {
    const { status, body }: { status: number; body: T } = await get<T>(`${url}&limit=${pageSize}${cursor === null ? '' : `&cursor=${cursor}`}`);
    expect(status).toBe(200);
    pages.push(body);
    cursor = body.next_cursor;
  } while (cursor !== null && pages.length < 1_000);
  return pages;
}

/** Repeat contacters counted in TypeScript from the facts' raw rows: ≥ 2 tickets on one issue, or a gap of ≤ 7 days. */
async function repeatersByHand(channel?: string): Promise<Map<string, number>> {
  const rows = await db.read<{ requester: string; at: number; ticket: number; issue: number | null }>(
    `SELECT f.requester_id AS requester, epoch(f.created_at)::DOUBLE AS at, f.ticket_id::INTEGER AS ticket, ti.issue_id::INTEGER AS issue
       FROM ticket_facts f LEFT JOIN ticket_issues ti USING (ticket_id)
      WHERE f.requester_id IS NOT NULL ${channel ? 'AND f.channel = $channel' : ''}`,
    channel ? { channel } : {},
  );
  const byRequester = new Map<string, typeof rows>();
  for (const row of rows) byRequester.set(row.requester, [...(byRequester.get(row.requester) ?? []), row]);
  const repeaters = new Map<string, number>();
  for (const [requester, tickets] of byRequester) {
    tickets.sort((a, b) => a.at - b.at || a.ticket - b.ticket);
    const perIssue = new Map<number, number>();
    for (const t of tickets) if (t.issue !== null) perIssue.set(t.issue, (perIssue.get(t.issue) ?? 0) + 1);
    const sameIssue = [...perIssue.values()].some((n) => n >= 2);
    const soonAgain = tickets.some((t, i) => i > 0 && t.at - tickets[i - 1]!.at <= 7 * 86_400);
    if (sameIssue || soonAgain) repeaters.set(requester, tickets.length);
  }
  return repeaters;
}

describe('repeat contacters, a page at a time', () => {
  it('lists each repeat contacter on exactly one page, with the total counted by hand on every page', async () => {
    const expected = await repeatersByHand();
    expect(expected.size).toBeGreaterThan(3 * pageSize); // enough for several pages
    const pages = await walk<RepeatContactersResponse>(`/api/customers/repeat?${range}`);
    expect(pages.length).toBe(Math.ceil(expected.size / pageSize));
    expect(pages.map((p) => p.total)).toEqual(pages.map(() => expected.size));
    expect(pages.map((p) => p.customers.length)).toEqual(pages.map((_, i) => Math.min(pageSize, expected.size - i * pageSize)));
    const listed = pages.flatMap((p) => p.customers);
    expect(listed.length).toBe(expected.size);
    expect(new Set(listed.map((c) => c.customer_id)).size).toBe(listed.length);
    expect(new Map(listed.map((c) => [c.customer_id, c.tickets]))).toEqual(expected);
    // Most tickets first across the pages, not only within each.
    const counts = listed.map((c) => c.tickets);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('pages the filtered list, and says how many there are past the last page', async () => {
    const expected = await repeatersByHand('email');
    const pages = await walk<RepeatContactersResponse>(`/api/customers/repeat?${range}&channel=email`);
    expect(new Set(pages.flatMap((p) => p.customers.map((c) => c.customer_id)))).toEqual(new Set(expected.keys()));
    expect(pages.at(-1)!.total).toBe(expected.size);
    const past = await get<RepeatContactersResponse>(`/api/customers/repeat?${range}&channel=email&limit=${pageSize}&cursor=${expected.size + 5}`);
    expect(past.body).toMatchObject({ total: expected.size, customers: [], next_cursor: null });
  });

  it('refuses a cursor it did not give out, saying where cursors come from', async () => {
    for (const url of [`/api/customers/repeat?${range}&cursor=abc`, `/api/customers/repeat?${range}&cursor=-1`, '/api/customers/flagged?cursor=1.5']) {
      const { status, body } = await get<{ issues: { parameter: string; message: string }[] }>(url);
      expect([status, body.issues[0]?.parameter, body.issues[0]?.message], url).toEqual([400, 'cursor', 'expected a cursor from next_cursor']);
    }
  });
});

describe('flagged customers, a page at a time', () => {
  it('lists each customer with an active abusive or legal threat flag exactly once across the pages', async () => {
    // Counted from all the flag rows here: active (not cleared) and a warning flag; vip alone does not list one.
    const flags = await db.read<{ customer: string; flag: string; cleared: boolean }>(
      'SELECT customer_id AS customer, flag, cleared_at IS NOT NULL AS cleared FROM customer_flags',
    );
    const expected = new Set(flags.filter((f) => !f.cleared && f.flag !== 'vip').map((f) => f.customer));
    expect(expected.size).toBeGreaterThan(0);
    const pageOf = async (limit: number, cursor?: string) =>
      (await get<FlaggedCustomersResponse>(`/api/customers/flagged?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)).body;
    const first = await pageOf(1);
    expect([first.total, first.customers.length]).toEqual([expected.size, 1]);
    const listed = [...first.customers];
    for (let cursor = first.next_cursor; cursor !== null; ) {
      const page = await pageOf(1, cursor);
      expect(page.total).toBe(expected.size);
      listed.push(...page.customers);
      cursor = page.next_cursor;
    }
    expect(listed.map((c) => c.customer_id).sort()).toEqual([...expected].sort());
    expect((await pageOf(100)).customers.map((c) => c.customer_id)).toEqual(listed.map((c) => c.customer_id));
  });
});
