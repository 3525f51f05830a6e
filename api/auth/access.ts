// THE declaration of who may call what: every route of the API × every role, in one table. One middleware
// (authorise.ts) enforces it, and test/api/access.test.ts walks every registered route for every role and for no one,
// so a route added without a line here fails that test (and is refused at run time: an undeclared route is closed).
// What a role sees once in (their team, their own tickets) is the data scoping of scope.ts, applied in the SQL.
import { roles, type Role } from '../../sql/accounts/users.ts';

export { roles, type Role };

export interface RouteAccess {
  /** Who may call it: 'public' (no sign-in), 'signed-in' (any role), or the roles listed. */
  who: 'public' | 'signed-in' | readonly Role[];
  /** What the route does, as the 403 problem and docs/accounts.md say it ("… may not <does>"). */
  does: string;
}

const analysts = ['manager', 'lead', 'agent'] as const;
const leaders = ['manager', 'lead'] as const;

/** `METHOD /api/path` exactly as the Hono app registers it (`:param` for parameters). */
export const routeAccess = {
  'GET /api/health': { who: 'public', does: 'check the server is up' },
  'GET /api/openapi.json': { who: 'public', does: 'read the API description' },

  'POST /api/auth/sign-in': { who: 'public', does: 'sign in' },
  'POST /api/auth/sign-out': { who: 'signed-in', does: 'sign out' },
  'GET /api/auth/me': { who: 'signed-in', does: 'read their own account' },
  'POST /api/auth/password': { who: 'signed-in', does: 'change their own password' },

  'GET /api/users': { who: ['admin'], does: 'list accounts' },
  'POST /api/users': { who: ['admin'], does: 'create accounts' },
  'PATCH /api/users/:id': { who: ['admin'], does: 'change accounts' },
  'POST /api/users/:id/password': { who: ['admin'], does: 'reset passwords' },
  'GET /api/tokens': { who: ['admin'], does: 'list API tokens' },
  'POST /api/tokens': { who: ['admin'], does: 'create API tokens' },
  'DELETE /api/tokens/:id': { who: ['admin'], does: 'revoke API tokens' },

  'GET /api/metrics': { who: 'signed-in', does: 'read the metric definitions' },
  'GET /api/metrics/:key': { who: analysts, does: 'read metric figures' },
  'GET /api/metrics/:key/distribution': { who: analysts, does: 'read metric distributions' },
  'GET /api/metrics/:key/heatmap': { who: analysts, does: 'read metric heatmaps' },
  'GET /api/overview': { who: analysts, does: 'read the overview' },
  'GET /api/backlog': { who: analysts, does: 'read the backlog' },
  'GET /api/tickets': { who: analysts, does: 'list tickets' },
  'GET /api/tickets/:id': { who: analysts, does: 'read a ticket' },
  'GET /api/feedback/:key/distribution': { who: analysts, does: 'read survey answers' },
  'GET /api/feedback/comments': { who: analysts, does: 'read survey comments' },

  'GET /api/goals': { who: analysts, does: 'read goals' },
  'GET /api/goals/:id': { who: analysts, does: 'read a goal' },
  'POST /api/goals': { who: ['manager'], does: 'create goals' },
  // Leads propose goals for their own team (the scope is theirs, api/auth/scope.ts); a proposal becomes a goal only
  // when a manager accepts it. A lead lists their own proposals, a manager every one.
  'GET /api/goals/proposals': { who: leaders, does: 'read goal proposals' },
  'POST /api/goals/proposals': { who: ['lead'], does: 'propose goals' },
  'POST /api/goals/proposals/:id/accept': { who: ['manager'], does: 'accept goal proposals' },
  'POST /api/goals/proposals/:id/decline': { who: ['manager'], does: 'decline goal proposals' },
  'PUT /api/goals/:id': { who: ['manager'], does: 'edit goals' },
  'DELETE /api/goals/:id': { who: ['manager'], does: 'delete goals' },

  'GET /api/teams': { who: 'signed-in', does: 'list teams' },
  'POST /api/teams': { who: ['admin'], does: 'create teams' },
  'PUT /api/teams/:id': { who: ['admin'], does: 'change teams' },
  'GET /api/teams/:id/calendar': { who: ['admin', 'manager', 'lead'], does: 'read team calendars' },
  'PUT /api/teams/:id/calendar': { who: ['admin'], does: 'change team calendars' },

  'GET /api/data/extent': { who: 'signed-in', does: 'read what the data holds' },
  'GET /api/imports': { who: ['admin', 'manager'], does: 'list imports' },
  'POST /api/imports': { who: ['admin', 'manager'], does: 'import data' },
  'GET /api/imports/:id': { who: ['admin', 'manager'], does: 'read an import' },
  'GET /api/imports/:id/rejects': { who: ['admin', 'manager'], does: 'read an import’s rejected rows' },

  'GET /api/issues': { who: analysts, does: 'list recurring problems' },
  'GET /api/issues/:id': { who: analysts, does: 'read a recurring problem' },
  'GET /api/issues/:id/tickets': { who: analysts, does: 'list a recurring problem’s tickets' },
  'GET /api/issues/:id/history': { who: analysts, does: 'read a recurring problem’s history' },
  'PATCH /api/issues/:id': { who: leaders, does: 'rename or mark recurring problems' },
  'POST /api/issues/:id/merge': { who: leaders, does: 'merge recurring problems' },
  'POST /api/issues/:id/tickets/move': { who: leaders, does: 'move tickets between recurring problems' },

  'GET /api/customers/repeat': { who: leaders, does: 'list repeat contacters' },
  'GET /api/customers/flagged': { who: leaders, does: 'list flagged customers' },
  'PUT /api/customers/:id/flags/:flag': { who: leaders, does: 'flag customers' },
  'DELETE /api/customers/:id/flags/:flag': { who: leaders, does: 'clear customer flags' },

  // Suggestions: the people who serve customers and those who answer them; admins keep accounts, not the work.
  // Who may edit or move which suggestion (its author; a lead for their team) is checked by sql/suggestions/store.ts.
  'GET /api/suggestions': { who: analysts, does: 'list suggestions' },
  'POST /api/suggestions': { who: analysts, does: 'submit suggestions' },
  'GET /api/suggestions/:id': { who: analysts, does: 'read a suggestion' },
  'PATCH /api/suggestions/:id': { who: analysts, does: 'edit their suggestions' },
  'POST /api/suggestions/:id/vote': { who: analysts, does: 'vote for suggestions' },
  'DELETE /api/suggestions/:id/vote': { who: analysts, does: 'take back their votes' },
  'POST /api/suggestions/:id/comments': { who: analysts, does: 'comment on suggestions' },
  'PATCH /api/suggestions/:id/comments/:commentId': { who: analysts, does: 'edit their comments' },
  'POST /api/suggestions/:id/move': { who: leaders, does: 'move suggestions along the workflow' },
  'GET /api/suggestions/:id/impact': { who: analysts, does: 'read the impact of suggestions' },
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof routeAccess;

export function accessOf(method: string, path: string): RouteAccess | undefined {
  return (routeAccess as Record<string, RouteAccess>)[`${method} ${path}`];
}

/** Whether `role` (undefined: no one signed in) may call a route with this access. */
export function allows(access: RouteAccess, role: Role | undefined): boolean {
  if (access.who === 'public') return true;
  if (role === undefined) return false;
  return access.who === 'signed-in' || access.who.includes(role);
}

/** The dashboard pages each role may open (GET /api/auth/me `permissions.pages`; the web hides the others). */
export const pagesOf: Record<Role, readonly string[]> = {
  admin: ['data', 'users'],
  manager: ['overview', 'explore', 'teams', 'feedback', 'report', 'goals', 'issues', 'customers', 'data', 'suggestions'],
  lead: ['overview', 'explore', 'teams', 'feedback', 'report', 'goals', 'issues', 'customers', 'suggestions'],
  agent: ['overview', 'explore', 'feedback', 'goals', 'issues', 'suggestions'],
};
