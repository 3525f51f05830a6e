// Leads propose goals for their team; a manager accepts (the proposal becomes a goal, judged) or declines with a
// reason. Expected values from test/fixtures/small/README.md: Zagreb's tickets created in the week of 5 Jan are
// 10001 and 10002 (2), in the week of 12 Jan 10004 (1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Database } from '../../sql/db.ts';
import type { GoalProposal } from '../../sql/goals/proposals.ts';
import { freshDb, loadSmallFixture } from '../helpers/db.ts';
import { signedIn, type SignedIn } from '../helpers/signed-in.ts';

type App = ReturnType<typeof createApp>;
let db: Database;
let manager: SignedIn<App>;
let lead: SignedIn<App>;
let manilaLead: SignedIn<App>;
let otherZagrebLead: SignedIn<App>;
let agent: SignedIn<App>;

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  const app = createApp({ db, now: () => new Date('2026-01-20T12:00:00Z') });
  manager = await signedIn(app, db, 'manager');
  lead = await signedIn(app, db, 'lead', { team_id: 'zagreb' });
  manilaLead = await signedIn(app, db, 'lead', { username: 'lead-manila', display_name: 'Manila lead', team_id: 'manila' });
  agent = await signedIn(app, db, 'agent', { team_id: 'zagreb', agent_id: 'a1' });
  otherZagrebLead = await signedIn(app, db, 'lead', { username: 'lead-zagreb-2', display_name: 'Second Zagreb lead', team_id: 'zagreb' });
});
afterAll(async () => {
  await db.close();
});

const proposal = { name: 'Zagreb keeps volume down', metric: 'created', comparator: '<=', target: 1, period: 'week', starts_on: '2026-01-05' };
const post = (who: SignedIn<App>, path: string, body: unknown) =>
  who.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function ok<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return (await answer.json()) as T;
}

type Proposal = GoalProposal;

describe('goal proposals', () => {
  let first: Proposal;

  it('a lead proposes a goal for their own team; it is pending, not a goal, and not judged', async () => {
    first = await ok<Proposal>(post(lead, '/api/goals/proposals', { ...proposal, scope: {} }), 201);
    expect(first).toMatchObject({
      status: 'pending', team_id: 'zagreb', proposed_by_name: 'Test lead', proposed_at: '2026-01-20T12:00:00.000Z', decided_at: null, goal_id: null,
      definition: { name: 'Zagreb keeps volume down', scope: { team: ['zagreb'] } },
    });
    expect((await ok<{ goals: unknown[] }>(manager.request('/api/goals'))).goals).toEqual([]);
    expect((await ok<{ goals: unknown[] }>(lead.request('/api/goals'))).goals).toEqual([]);
  });

  it('refuses a lead’s proposal for another team, and anyone but a lead', async () => {
    for (const team of [['manila'], ['zagreb', 'manila']]) {
      const refused = await post(lead, '/api/goals/proposals', { ...proposal, scope: { team } });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { type: string }).type).toBe('https://servicepulse.dev/problems/scope');
    }
    for (const who of [agent, manager]) expect((await post(who, '/api/goals/proposals', { ...proposal, scope: {} })).status).toBe(403);
    expect((await agent.request('/api/goals/proposals')).status).toBe(403);
  });

  it('shows a lead their own proposals and a manager every one', async () => {
    const ids = async (who: SignedIn<App>) => (await ok<{ proposals: Proposal[] }>(who.request('/api/goals/proposals'))).proposals.map((p) => p.proposal_id);
    expect(await ids(lead)).toEqual([first.proposal_id]);
    // A lead of the same team, right after (same data version): the list is theirs, never the first lead's answer again.
    expect(await ids(otherZagrebLead)).toEqual([]);
    expect(await ids(manilaLead)).toEqual([]);
    expect(await ids(manager)).toEqual([first.proposal_id]);
  });

  it('lets only a manager decide, and a decline needs a reason', async () => {
    expect((await post(lead, `/api/goals/proposals/${first.proposal_id}/accept`, {})).status).toBe(403);
    for (const body of [{}, { reason: '   ' }]) {
      const refused = await post(manager, `/api/goals/proposals/${first.proposal_id}/decline`, body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain('reason');
    }
    expect((await post(manager, '/api/goals/proposals/999/accept', {})).status).toBe(404);
  });

  it('a manager accepts: the proposal becomes a goal on the team, judged like any other', async () => {
    const { proposal: accepted, goal } = await ok<{ proposal: Proposal; goal: { goal_id: number; version: number; scope: unknown } }>(
      post(manager, `/api/goals/proposals/${first.proposal_id}/accept`, {}),
    );
    expect(accepted).toMatchObject({ status: 'accepted', decided_by_name: 'Test manager', decided_at: '2026-01-20T12:00:00.000Z', goal_id: goal.goal_id });
    expect(goal).toMatchObject({ version: 1, scope: { team: ['zagreb'] } });
    const listed = await ok<{ goals: Array<{ goal_id: number; last_closed: { value: number; status: string } }> }>(manager.request('/api/goals'));
    expect(listed.goals.map((g) => [g.goal_id, g.last_closed.value, g.last_closed.status])).toEqual([[goal.goal_id, 1, 'met']]);
    const report = await ok<{ periods: Array<{ period_start: string; value: number; status: string }> }>(lead.request(`/api/goals/${goal.goal_id}`));
    expect(report.periods.map((p) => [p.period_start, p.value, p.status])).toEqual([['2026-01-05', 2, 'missed'], ['2026-01-12', 1, 'met']]);
    expect((await post(manager, `/api/goals/proposals/${first.proposal_id}/accept`, {})).status).toBe(409);
    expect((await post(manager, `/api/goals/proposals/${first.proposal_id}/decline`, { reason: 'late' })).status).toBe(409);
  });

  it('a manager declines with a reason: the proposal stays, with who, when and why, and no goal', async () => {
    const second = await ok<Proposal>(post(lead, '/api/goals/proposals', { ...proposal, name: 'Too strict', target: 0, scope: { team: ['zagreb'] } }), 201);
    const declined = await ok<Proposal>(post(manager, `/api/goals/proposals/${second.proposal_id}/decline`, { reason: 'Zero tickets is not a target.' }));
    expect(declined).toMatchObject({ status: 'declined', decline_reason: 'Zero tickets is not a target.', decided_by_name: 'Test manager', decided_at: '2026-01-20T12:00:00.000Z', goal_id: null });
    const mine = await ok<{ proposals: Proposal[] }>(lead.request('/api/goals/proposals'));
    expect(mine.proposals.map((p) => [p.definition.name, p.status])).toEqual([['Too strict', 'declined'], ['Zagreb keeps volume down', 'accepted']]);
    expect((await ok<{ goals: unknown[] }>(manager.request('/api/goals'))).goals).toHaveLength(1);
    expect((await ok<{ proposals: Proposal[] }>(manager.request('/api/goals/proposals?status=pending'))).proposals).toEqual([]);
  });
});
