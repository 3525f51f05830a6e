// Every route that answers ticket-derived data, asked as a manager, as the lead of team A (zagreb) and as an agent
// of team A (a1), over the two-team fixture test/fixtures/scope-walk (its README counts every value by hand): the
// lead's figures are team A's, the agent's figures team A's and their ticket lists their own; and no ticket or
// customer outside the asker's scope appears anywhere in the lead's or the agent's answer.
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { routeAccess } from '../../api/auth/access.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb } from '../helpers/db.ts';
import { movedFromOneToTwo, loadScopeWalkFixture } from '../helpers/scope-walk-fixture.ts';
import { signedIn, type SignedIn } from '../helpers/signed-in.ts';

type App = ReturnType<typeof createApp>;
type Who = 'manager' | 'lead' | 'agent';
const askers = ['manager', 'lead', 'agent'] as const;

let db: Database;
let as: Record<Who, SignedIn<App>>;
/** External ticket id → internal ticket_id. */
let ids: Map<string, number>;
const goalIds: Record<string, number> = {};
const range = 'from=2026-01-01&to=2026-01-20';

const teamB = ['10003', '10005', '10010', '10011', '10012'];
const agentA1 = ['10001', '10002', '10004'];
const allTickets = [...agentA1, '10009', ...teamB];
/** Customers with no ticket in team A. */
const teamBOnlyCustomers = ['c4', 'Pedro Cruz'];

beforeAll(async () => {
  db = await freshDb();
  ids = await loadScopeWalkFixture(db);
  // One app and one answer cache for all three: a scoped asker must never be served another's cached answer.
  const app = createApp({ db, now: () => new Date('2026-01-20T12:00:00Z') });
  as = {
    manager: await signedIn(app, db, 'manager'),
    lead: await signedIn(app, db, 'lead', { team_id: 'zagreb' }),
    agent: await signedIn(app, db, 'agent', { team_id: 'zagreb', agent_id: 'a1' }),
  };
  const moved = await as.manager.request('/api/issues/1/tickets/move', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ticket_ids: movedFromOneToTwo.map((external) => ids.get(external)!), to: 2 }),
  });
  expect(moved.status, await moved.clone().text()).toBe(200);
  const goal = { metric: 'created', comparator: '<=', target: 10, period: 'week', starts_on: '2026-01-05' };
  for (const [name, scope] of [['everyone', {}], ['manila', { team: ['manila'] }], ['zagreb', { team: ['zagreb'] }]] as const) {
    const created = await as.manager.request('/api/goals', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...goal, name, scope }) });
    expect(created.status, await created.clone().text()).toBe(201);
    goalIds[name] = ((await created.json()) as { goal_id: number }).goal_id;
  }
});
afterAll(async () => {
  await db.close();
});

type Answer = { json: any; rows: Array<Record<string, unknown>> };

interface WalkCase {
  route: keyof typeof routeAccess;
  url: () => string;
  accept?: string;
  /** The figure compared, read from the answer. */
  read: (answer: Answer) => unknown;
  /** By hand (test/fixtures/scope-walk/README.md); 403: refused. */
  expected: Record<Who, unknown>;
}

const sorted = (values: unknown[]) => [...values].map(String).sort();
const externals = (tickets: Array<{ ticket_id: number }>) => sorted(tickets.map((t) => [...ids].find(([, id]) => id === t.ticket_id)![0]));
const goalNamed = (answer: Answer, name: string) => (answer.json.goals as Array<{ name: string }>).find((goal) => goal.name === name);
const scorecard = (goal: any) => goal && { closed: goal.last_closed?.value, tickets: goal.last_closed?.tickets, judged_scope: goal.judged_scope };

const cases: WalkCase[] = [
  { route: 'GET /api/metrics/:key', url: () => `/api/metrics/created?grain=week&${range}`, read: (a) => a.json.total.value, expected: { manager: 9, lead: 4, agent: 4 } },
  {
    route: 'GET /api/metrics/:key', url: () => `/api/metrics/created?grain=week&by=team&${range}`,
    read: (a) => Object.fromEntries(sorted([...new Set(a.json.rows.map((r: { group: string }) => r.group))]).map((team) => [team, a.json.rows.filter((r: any) => r.group === team).reduce((s: number, r: any) => s + r.value, 0)])),
    expected: { manager: { manila: 5, zagreb: 4 }, lead: { zagreb: 4 }, agent: { zagreb: 4 } },
  },
  {
    route: 'GET /api/metrics/:key/distribution', url: () => `/api/metrics/first_response_time/distribution?${range}`,
    // First responses: 10001 90 min, 10002 0, 10003 5, 10005 40; the rest have none.
    read: (a) => a.json.tickets, expected: { manager: 4, lead: 2, agent: 2 },
  },
  {
    route: 'GET /api/metrics/:key/heatmap', url: () => `/api/metrics/first_response_time/heatmap?${range}`,
    read: (a) => (a.json.cells as Array<{ tickets: number }>).reduce((sum, cell) => sum + cell.tickets, 0), expected: { manager: 4, lead: 2, agent: 2 },
  },
  { route: 'GET /api/overview', url: () => `/api/overview?${range}`, read: (a) => a.json.headline.find((f: { key: string }) => f.key === 'created').value, expected: { manager: 9, lead: 4, agent: 4 } },
  {
    route: 'GET /api/overview', url: () => `/api/overview?${range}`,
    // The goal on everyone's tickets, week of 12 Jan: 7 created in all, 2 in team A (10004, 10009).
    read: (a) => [sorted(a.json.goals.map((g: { name: string }) => g.name)), scorecard(goalNamed(a, 'everyone'))],
    expected: {
      manager: [['everyone', 'manila', 'zagreb'], { closed: 7, tickets: 7, judged_scope: null }],
      lead: [['everyone', 'zagreb'], { closed: 2, tickets: 2, judged_scope: { team: ['zagreb'] } }],
      agent: [['everyone', 'zagreb'], { closed: 2, tickets: 2, judged_scope: { team: ['zagreb'] } }],
    },
  },
  {
    route: 'GET /api/goals', url: () => '/api/goals',
    read: (a) => [sorted(a.json.goals.map((g: { name: string }) => g.name)), scorecard(goalNamed(a, 'everyone')), scorecard(goalNamed(a, 'zagreb'))],
    expected: {
      manager: [['everyone', 'manila', 'zagreb'], { closed: 7, tickets: 7, judged_scope: null }, { closed: 2, tickets: 2, judged_scope: null }],
      lead: [['everyone', 'zagreb'], { closed: 2, tickets: 2, judged_scope: { team: ['zagreb'] } }, { closed: 2, tickets: 2, judged_scope: { team: ['zagreb'] } }],
      agent: [['everyone', 'zagreb'], { closed: 2, tickets: 2, judged_scope: { team: ['zagreb'] } }, { closed: 2, tickets: 2, judged_scope: { team: ['zagreb'] } }],
    },
  },
  {
    route: 'GET /api/goals/:id', url: () => `/api/goals/${goalIds.everyone}`,
    // Weeks of 5 and 12 Jan: 2 and 7 created in all; 2 and 2 in team A.
    read: (a) => [a.json.periods.map((p: { value: number }) => p.value), a.json.judged_scope],
    expected: { manager: [[2, 7], null], lead: [[2, 2], { team: ['zagreb'] }], agent: [[2, 2], { team: ['zagreb'] }] },
  },
  { route: 'GET /api/goals/:id', url: () => `/api/goals/${goalIds.manila}`, read: (a) => a.json.periods.map((p: { value: number | null }) => p.value), expected: { manager: [null, 5], lead: 403, agent: 403 } },
  { route: 'GET /api/tickets', url: () => `/api/tickets?${range}`, read: (a) => externals(a.json.tickets), expected: { manager: sorted(allTickets), lead: sorted([...agentA1, '10009']), agent: sorted(agentA1) } },
  {
    route: 'GET /api/tickets', url: () => `/api/tickets?${range}`, accept: 'text/csv',
    read: (a) => sorted(a.rows.map((r) => r.external_id)), expected: { manager: sorted(allTickets), lead: sorted([...agentA1, '10009']), agent: sorted(agentA1) },
  },
  {
    route: 'GET /api/tickets', url: () => `/api/tickets?${range}`, accept: 'application/vnd.apache.arrow.stream',
    read: (a) => sorted(a.rows.map((r) => r.external_id)), expected: { manager: sorted(allTickets), lead: sorted([...agentA1, '10009']), agent: sorted(agentA1) },
  },
  { route: 'GET /api/tickets/:id', url: () => `/api/tickets/${ids.get('10003')}`, read: (a) => a.json.ticket?.external_id ?? a.json.external_id, expected: { manager: '10003', lead: 404, agent: 404 } },
  { route: 'GET /api/tickets/:id', url: () => `/api/tickets/${ids.get('10009')}`, read: (a) => a.json.ticket?.external_id ?? a.json.external_id, expected: { manager: '10009', lead: '10009', agent: 404 } },
  // Open now: 10004 (a1), 10009 (a3) in team A; 10010, 10011, 10012 in team B.
  { route: 'GET /api/backlog', url: () => '/api/backlog', read: (a) => a.json.open, expected: { manager: 5, lead: 2, agent: 1 } },
  { route: 'GET /api/feedback/:key/distribution', url: () => `/api/feedback/csat/distribution?${range}`, read: (a) => a.json.answers, expected: { manager: 3, lead: 2, agent: 2 } },
  {
    route: 'GET /api/feedback/comments', url: () => `/api/feedback/comments?${range}`,
    // f1 on 10001 (a1), f2 on 10003 (team B), f5 on 10009 (a3): a comment belongs to its ticket.
    read: (a) => sorted(a.json.comments.map((c: { comment: string }) => c.comment)),
    expected: { manager: sorted(['Quick and friendly, thanks!', 'Had to write again.', 'Mia sorted it out.']), lead: sorted(['Quick and friendly, thanks!', 'Mia sorted it out.']), agent: ['Quick and friendly, thanks!'] },
  },
  {
    route: 'GET /api/issues', url: () => `/api/issues?${range}`,
    // After the move: issue 1 = 10001, 10004; issue 2 = 10002, 10005, 10009, 10003; issue 3 = 10010, 10011, 10012.
    read: (a) => Object.fromEntries(a.json.issues.map((i: { issue_id: number; tickets: number }) => [i.issue_id, i.tickets])),
    expected: { manager: { 1: 2, 2: 4, 3: 3 }, lead: { 1: 2, 2: 2 }, agent: { 1: 2, 2: 2 } },
  },
  {
    route: 'GET /api/issues/:id', url: () => `/api/issues/2?${range}`,
    read: (a) => ({
      tickets: a.json.issue.tickets, teams: a.json.teams.map((t: { value: string; tickets: number }) => `${t.value}:${t.tickets}`), examples: externals(a.json.examples),
      comments: a.json.comments.length, terms: a.json.top_terms.map((t: { term: string; tickets: number }) => `${t.term}:${t.tickets}`),
    }),
    // Top terms: "invoice" is 10009's (team A), "crashes" 10003's (team B).
    expected: {
      manager: { tickets: 4, teams: ['manila:2', 'zagreb:2'], examples: ['10003', '10005', '10009'], comments: 2, terms: ['invoice:1', 'crashes:1'] },
      lead: { tickets: 2, teams: ['zagreb:2'], examples: ['10002', '10009'], comments: 1, terms: ['invoice:1', 'crashes:0'] },
      agent: { tickets: 2, teams: ['zagreb:2'], examples: ['10002'], comments: 0, terms: ['invoice:1', 'crashes:0'] },
    },
  },
  {
    route: 'GET /api/issues/:id', url: () => `/api/issues/3?${range}`,
    read: (a) => ({ tickets: a.json.issue.tickets, examples: a.json.examples.length }),
    expected: { manager: { tickets: 3, examples: 3 }, lead: { tickets: 0, examples: 0 }, agent: { tickets: 0, examples: 0 } },
  },
  { route: 'GET /api/issues/:id/tickets', url: () => `/api/issues/2/tickets?${range}`, read: (a) => externals(a.json.tickets), expected: { manager: sorted(['10002', '10003', '10005', '10009']), lead: ['10002', '10009'], agent: ['10002'] } },
  {
    route: 'GET /api/issues/:id/history', url: () => '/api/issues/2/history',
    read: (a) => a.json.edits.map((e: { kind: string; ticket_ids: number[] }) => `${e.kind}:${externals(e.ticket_ids.map((id) => ({ ticket_id: id }))).join(',')}`),
    expected: { manager: ['move:10003,10009'], lead: ['move:10009'], agent: ['move:'] },
  },
  {
    route: 'GET /api/customers/repeat', url: () => `/api/customers/repeat?${range}`,
    read: (a) => Object.fromEntries(a.json.customers.map((c: { customer_id: string; tickets: number }) => [c.customer_id, c.tickets])),
    expected: { manager: { c1: 5, c4: 2 }, lead: { c1: 2 }, agent: 403 },
  },
  {
    route: 'GET /api/customers/flagged', url: () => '/api/customers/flagged',
    // c1 (legal threat): open 10004 (A) and 10012 (B); c4 (abusive): open 10010, 10011 (B) and no ticket in team A.
    read: (a) => Object.fromEntries(a.json.customers.map((c: { customer_id: string; open_tickets: number }) => [c.customer_id, c.open_tickets])),
    expected: { manager: { c1: 2, c4: 2 }, lead: { c1: 1 }, agent: 403 },
  },
];

/** GET routes a lead or an agent may call that answer nothing derived from tickets, and why. */
const notTicketDerived: Record<string, string> = {
  'GET /api/auth/me': 'the account itself',
  'GET /api/metrics': 'the metric definitions',
  'GET /api/goals/proposals': 'goal definitions a lead proposed (their own; test/api/goal-proposals.test.ts)',
  'GET /api/teams': 'team names, zones and providers',
  'GET /api/teams/:id/calendar': 'opening hours',
  'GET /api/data/extent': 'the dates the data covers',
  'GET /api/suggestions': 'suggestions (their own scoping: test/api/suggestions/)',
  'GET /api/suggestions/:id': 'a suggestion (test/api/suggestions/)',
  'GET /api/suggestions/:id/impact': 'a suggestion’s impact, scoped by figureFilters (test/api/suggestions/)',
};

async function ask(who: Who, walk: WalkCase): Promise<{ status: number; answer: Answer | null; text: string }> {
  const response = await as[who].request(walk.url(), walk.accept ? { headers: { Accept: walk.accept } } : undefined);
  if (response.status !== 200) return { status: response.status, answer: null, text: await response.text() };
  if (walk.accept === 'text/csv') {
    const text = await response.text();
    const [header, ...lines] = text.trim().split('\n').map((line) => line.split(','));
    return { status: 200, text, answer: { json: null, rows: lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]]))) } };
  }
  if (walk.accept) {
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    const rows = table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    return { status: 200, text: JSON.stringify(rows), answer: { json: null, rows } };
  }
  const text = await response.text();
  return { status: 200, text, answer: { json: JSON.parse(text), rows: [] } };
}

/** Every ticket id (internal or external) and customer id named anywhere in an answer. */
function namedIn(value: unknown, key = '', found = { tickets: new Set<number>(), externals: new Set<string>(), customers: new Set<string>() }) {
  if (Array.isArray(value)) value.forEach((item) => namedIn(item, key, found));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => namedIn(v, k, found));
  else if ((key === 'ticket_id' || key === 'ticket_ids') && value !== null) found.tickets.add(Number(value));
  else if ((key === 'external_id' || key === 'ticket_external_id') && value !== null) found.externals.add(String(value));
  else if ((key === 'customer_id' || key === 'requester_id') && value !== null) found.customers.add(String(value));
  return found;
}

describe('scope walk', () => {
  it('walks every GET route a lead or an agent may call that answers ticket-derived data', () => {
    const scopedGets = Object.entries(routeAccess)
      .filter(([route, access]) => route.startsWith('GET ') && (access.who === 'signed-in' || (Array.isArray(access.who) && (access.who.includes('lead') || access.who.includes('agent')))))
      .map(([route]) => route);
    const walked = new Set(cases.map((walk) => walk.route));
    expect(scopedGets.filter((route) => !walked.has(route as never) && !(route in notTicketDerived))).toEqual([]);
  });

  cases.forEach((walk, i) => {
    for (const who of askers) {
      it(`${walk.route} [case ${i}]${walk.accept ? ` (${walk.accept})` : ''} as ${who}`, async () => {
        const { status, answer, text } = await ask(who, walk);
        const expected = walk.expected[who];
        if (typeof expected === 'number' && (expected === 403 || expected === 404) && walk.read !== undefined && status !== 200) {
          expect(status, text).toBe(expected);
          return;
        }
        expect(status, text).toBe(200);
        expect(walk.read(answer!)).toEqual(expected);
        if (who === 'manager') return;
        // Nothing outside the asker's tickets: team B's for the lead; every ticket but their own for the agent, except
        // where the answer is team-level figures (the lead's and the agent's are the same, team A's).
        const outside = who === 'lead' ? teamB : allTickets.filter((t) => !agentA1.includes(t));
        const named = namedIn(answer!.json ?? answer!.rows);
        const leaked = outside.filter((external) => named.externals.has(external) || named.tickets.has(ids.get(external)!));
        expect(leaked, text).toEqual([]);
        expect(teamBOnlyCustomers.filter((customer) => named.customers.has(customer) || text.includes(customer)), text).toEqual([]);
      });
    }
  });
});

describe('a lead’s changes', () => {
  it('move only their team’s tickets: another team’s is unknown to them (404), and nothing moves', async () => {
    const move = (ticketIds: string[]) => as.lead.request('/api/issues/2/tickets/move', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ticket_ids: ticketIds.map((t) => ids.get(t)!), to: 1 }),
    });
    for (const tickets of [['10003'], ['10009', '10003']]) {
      const refused = await move(tickets);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { detail: string }).detail).toContain(`there is no ticket ${ids.get('10003')}`);
    }
    const issue2 = await db.read<{ id: number }>('SELECT ticket_id::INTEGER AS id FROM ticket_issues WHERE issue_id = 2 ORDER BY ticket_id');
    expect(externals(issue2.map((row) => ({ ticket_id: row.id })))).toEqual(sorted(['10002', '10003', '10005', '10009']));
  });
});
