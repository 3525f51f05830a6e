// Data scoping: a lead's figures and tickets are their team's, an agent's tickets their own and their figures their
// team's, computed in SQL (the scope is a bound filter of the metric queries). Expected values are counted directly
// from the stored tickets, not through the metric code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from '../helpers/db.ts';
import { signedIn, type SignedIn } from '../helpers/signed-in.ts';

type App = ReturnType<typeof createApp>;
let db: Database;
let manager: SignedIn<App>;
let lead: SignedIn<App>;
let agent: SignedIn<App>;
const range = 'from=2026-01-01&to=2026-01-20';

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  // One app, one answer cache: a lead must never be served the manager's cached answer to the same URL.
  const app = createApp({ db, now: () => new Date('2026-01-20T12:00:00Z') });
  manager = await signedIn(app, db, 'manager');
  lead = await signedIn(app, db, 'lead', { team_id: 'zagreb' });
  agent = await signedIn(app, db, 'agent', { team_id: 'zagreb', agent_id: 'a1' });
});
afterAll(async () => {
  await db.close();
});

/** Tickets created in the range, counted straight from `tickets`. */
async function storedCount(where = 'true'): Promise<number> {
  const row = await db.readOne<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM tickets WHERE created_at >= '2026-01-01' AND created_at < '2026-01-20' AND ${where}`,
  );
  return row!.n;
}

const json = async <T>(response: Response | Promise<Response>) => {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(200);
  return (await answer.json()) as T;
};

describe('a lead', () => {
  it('counts their team’s tickets only, in the series, the overview and the ticket list', async () => {
    const all = await storedCount();
    const zagreb = await storedCount(`team_id = 'zagreb'`);
    expect(zagreb).toBeGreaterThan(0);
    expect(zagreb).toBeLessThan(all); // the fixture has tickets of another team, or the test would prove nothing
    // The manager first, so the lead's identical URL would find the manager's answer in the cache if scope were not in its key.
    expect((await json<{ total: { value: number } }>(manager.request(`/api/metrics/created?grain=week&${range}`))).total.value).toBe(all);
    expect((await json<{ total: { value: number } }>(lead.request(`/api/metrics/created?grain=week&${range}`))).total.value).toBe(zagreb);
    const overview = await json<{ headline: Array<{ key: string; value: number }> }>(lead.request(`/api/overview?${range}`));
    expect(overview.headline.find((figure) => figure.key === 'created')!.value).toBe(zagreb);
    expect((await json<{ total: number }>(lead.request(`/api/tickets?${range}`))).total).toBe(zagreb);
  });

  it('may group by agent within their team, and is refused another team', async () => {
    const byAgent = await json<{ rows: Array<{ group: string | null }> }>(lead.request(`/api/metrics/created?grain=week&by=agent&${range}`));
    const agents = new Set(byAgent.rows.map((row) => row.group));
    const zagrebAgents = await db.read<{ a: string | null }>(`SELECT DISTINCT assignee_id AS a FROM tickets WHERE team_id = 'zagreb' AND created_at >= '2026-01-01' AND created_at < '2026-01-20'`);
    expect([...agents].sort()).toEqual(zagrebAgents.map((row) => row.a).sort());
    const refused = await lead.request(`/api/metrics/created?team=manila&${range}`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toContain('Zagreb Support');
  });

  it('gets a 404 for a ticket of another team, as for one that does not exist', async () => {
    const own = await db.readOne<{ id: number }>(`SELECT ticket_id::INTEGER AS id FROM tickets WHERE team_id = 'zagreb' LIMIT 1`);
    const other = await db.readOne<{ id: number }>(`SELECT ticket_id::INTEGER AS id FROM tickets WHERE team_id = 'manila' LIMIT 1`);
    expect((await lead.request(`/api/tickets/${own!.id}`)).status).toBe(200);
    expect((await lead.request(`/api/tickets/${other!.id}`)).status).toBe(404);
    expect((await manager.request(`/api/tickets/${other!.id}`)).status).toBe(200);
  });
});

describe('an agent', () => {
  it('lists their own tickets only, and sees their team’s figures', async () => {
    const own = await storedCount(`assignee_id = 'a1' AND team_id = 'zagreb'`);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(await storedCount(`team_id = 'zagreb'`) + (await storedCount(`team_id <> 'zagreb'`)));
    const listed = await json<{ total: number; tickets: Array<{ assignee_id: string }> }>(agent.request(`/api/tickets?${range}`));
    expect(listed.total).toBe(own);
    expect(new Set(listed.tickets.map((t) => t.assignee_id))).toEqual(new Set(['a1']));
    expect((await json<{ total: { value: number } }>(agent.request(`/api/metrics/created?grain=week&${range}`))).total.value).toBe(await storedCount(`team_id = 'zagreb'`));
  });

  it('never gets another agent’s figures: by=agent and another agent’s filter are refused', async () => {
    for (const url of [`/api/metrics/created?by=agent&${range}`, `/api/metrics/created?agent=a2&${range}`, `/api/tickets?agent=a2&${range}`]) {
      const refused = await agent.request(url);
      expect(refused.status, url).toBe(403);
    }
    // Their own figures, asked for by name, are theirs to see.
    const mine = await json<{ total: { value: number } }>(agent.request(`/api/metrics/created?agent=a1&${range}`));
    expect(mine.total.value).toBe(await storedCount(`assignee_id = 'a1' AND team_id = 'zagreb'`));
  });
});
