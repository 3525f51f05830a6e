// The demo's 30 suggestions served through the routes to the demo's own accounts (3,000 tickets), checked against the
// organisation file the generator wrote: statuses, votes, comments, answers and the audit trail; its implemented
// suggestions linked to the recurring problem they are about, their impact counted from the tickets here.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.ts';
import type { SuggestionDetailResponse, SuggestionImpactResponse, SuggestionListResponse } from '../../../api/contracts.ts';
import { createDemoAccounts } from '../../../pipelines/demo/accounts.ts';
import { seedDemo } from '../../../pipelines/demo/seed.ts';
import type { Organisation } from '../../../pipelines/organisation/schema.ts';
import { createSession } from '../../../sql/accounts/sessions.ts';
import type { Database } from '../../../sql/db.ts';
import { freshDb } from '../../helpers/db.ts';

type FileSuggestion = Organisation['suggestions'][number];
const end = new Date('2026-11-16T00:00:00Z');
let db: Database;
let dir: string;
let app: ReturnType<typeof createApp>;
let file: FileSuggestion[];
const sessions: Record<string, { cookie: string; csrf: string; user_id: string }> = {};

beforeAll(async () => {
  db = await freshDb();
  dir = await mkdtemp(join(tmpdir(), 'servicepulse-demo-suggestions-'));
  await seedDemo(db, { tickets: 3000, end, dir });
  file = (JSON.parse(await readFile(join(dir, 'organisation.json'), 'utf8')) as { suggestions: FileSuggestion[] }).suggestions;
  for (const account of await createDemoAccounts(db, ':memory:')) {
    const user_id = (await db.readOne<{ user_id: string }>('SELECT user_id FROM users WHERE username = $u', { u: account.username }))!.user_id;
    const session = await createSession(db, user_id);
    sessions[account.username] = { cookie: `sp_session=${session.token}`, csrf: session.csrf_token, user_id };
  }
  app = createApp({ db, now: () => end });
}, 300_000);
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function get<T>(who: string, url: string): Promise<T> {
  const response = await app.request(url, { headers: { cookie: sessions[who]!.cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the demo’s suggestions', () => {
  it('are all listed, each with the file’s status, votes, comments and answer', async () => {
    const listed = await get<SuggestionListResponse>('manager', '/api/suggestions?limit=200');
    expect(listed.total).toBe(30);
    expect(file).toHaveLength(30);
    for (const expected of file) {
      const got = listed.items.find((item) => item.suggestion_id === expected.suggestion_id)!;
      expect({ title: got.title, body: got.body, status: got.status, votes: got.votes, comments: got.comments, response: got.response, author: got.author?.id }).toEqual({
        title: expected.title, body: expected.description, status: expected.status, votes: expected.votes.length, comments: expected.comments.length,
        response: expected.response ?? null, author: expected.author_id,
      });
      if (expected.status === 'declined') expect(got.decline_reason).toBe(expected.decline_reason);
      // First answered at its first move, as the file's history says.
      expect(got.first_response_at).toBe(expected.history[0] ? new Date(expected.history[0].at).toISOString() : null);
    }
  });

  it('tell their story in the audit trail: created, every move by whom, every vote and comment', async () => {
    for (const expected of file.slice(0, 10)) {
      const detail = await get<SuggestionDetailResponse>('manager', `/api/suggestions/${expected.suggestion_id}`);
      const events = detail.events!;
      expect(events[0]).toMatchObject({ kind: 'create', actor: { id: expected.author_id } });
      expect(events.filter((e) => e.kind === 'move').map((e) => [e.actor.id, (e.payload as { to: string }).to])).toEqual(expected.history.map((h) => [h.actor_id, h.to]));
      expect(events.filter((e) => e.kind === 'vote').map((e) => e.actor.id).sort()).toEqual(expected.votes.map((v) => v.user_id).sort());
      expect(detail.comment_list.map((c) => c.body)).toEqual(expected.comments.map((c) => c.body));
    }
  });

  it('hide anonymous authors from the demo agent, and let the demo lead move only their team’s', async () => {
    const anonymous = file.filter((s) => s.anonymous && s.author_id !== sessions.agent!.user_id);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const s of anonymous) expect((await get<SuggestionDetailResponse>('agent', `/api/suggestions/${s.suggestion_id}`)).author).toBeNull();
    const leadTeam = (await db.readOne<{ team_id: string }>('SELECT team_id FROM users WHERE user_id = $u', { u: sessions.lead!.user_id }))!.team_id;
    for (const s of file.filter((s) => s.status === 'new' || s.status === 'under_review')) {
      const detail = await get<SuggestionDetailResponse>('lead', `/api/suggestions/${s.suggestion_id}`);
      expect(detail.moves.length > 0).toBe(detail.team_id === leadTeam);
    }
  });

  it('link the implemented ones to their recurring problem, whose weekly tickets the impact compares', async () => {
    const linked = file.filter((s) => s.status === 'implemented' && s.issue_key);
    expect(linked.map((s) => s.issue_key)).toEqual(['billing/double-charge', 'account/two-factor', 'invoices/email-delivery']);
    for (const s of linked) {
      const impact = await get<SuggestionImpactResponse>('manager', `/api/suggestions/${s.suggestion_id}/impact`);
      expect(impact).toMatchObject({ status: 'measured', weeks: 8, source: { kind: 'issue' } });
      // Counted here from the tickets and their issues, by week, without the metric SQL.
      const counts = new Map(
        (await db.read<{ week: string; n: number }>(
          `SELECT strftime(date_trunc('week', t.created_at::TIMESTAMP), '%Y-%m-%d') AS week, count(*)::INTEGER AS n
             FROM tickets t JOIN ticket_issues ti USING (ticket_id) WHERE ti.issue_id = $issue GROUP BY 1`,
          { issue: impact.source!.id },
        )).map((row) => [row.week, row.n]),
      );
      for (const week of [...impact.before, ...impact.after]) expect(week.value).toBe(counts.get(week.week) ?? 0);
    }
  });
});
