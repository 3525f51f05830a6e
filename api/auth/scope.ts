// Data scoping: what a lead or an agent may see of the metrics and tickets. The scope becomes dimension filters
// (team, agent), which sql/metrics/filters.ts turns into bound `list_contains($filter_team, f.team_id)` conditions in
// the WHERE of every metric, overview, backlog and ticket query: the rows outside are never read, not hidden after.
// A request that asks for more than its scope (another team, another agent, figures by agent) is refused with a 403
// that says what the role may see, rather than answered with less than it asked for.
import type { Dimension } from '../../sql/metrics/dimensions.ts';
import type { Filters } from '../../sql/metrics/series.ts';
import type { Account } from '../../sql/accounts/users.ts';
import { ProblemError } from '../problem.ts';

function refuse(detail: string): never {
  throw new ProblemError(403, 'Outside your scope', detail, { type: 'https://servicepulse.dev/problems/scope' });
}

/** The one value a dimension is limited to: the request may name that value or none, never another. */
function limitTo(filters: Filters, dimension: Dimension, value: string, why: string): Filters {
  const asked = filters[dimension];
  if (asked && asked.length > 0 && asked.some((v) => v !== value)) refuse(why);
  return { ...filters, [dimension]: [value] };
}

function teamOf(account: Account): string {
  if (account.team_id === null) refuse(`This ${account.role} account belongs to no team, so it sees no figures; an admin sets its team.`);
  return account.team_id;
}

/**
 * Filters for team-level figures (metric series, distributions, heatmaps, the overview, survey answers): a lead's
 * and an agent's are their team's. An agent sees no other agent's figures: grouping by agent is refused, and an
 * agent filter may name only themselves.
 */
export function figureFilters(account: Account, filters: Filters, by: Dimension | null = null): Filters {
  if (account.role === 'manager' || account.role === 'admin') return filters;
  const team = teamOf(account);
  let scoped = limitTo(filters, 'team', team, `${account.role === 'agent' ? 'An' : 'A'} ${account.role} sees the figures of their own team (${account.team_name ?? team}) only.`);
  if (account.role === 'agent') {
    if (by === 'agent') refuse('An agent sees team-level figures and their own, not figures by agent.');
    const asked = filters.agent;
    if (asked && asked.length > 0) scoped = limitTo(scoped, 'agent', ownAgent(account), 'An agent sees their own figures, not another agent’s.');
  }
  return scoped;
}

/** Filters for lists of tickets (the drill-down, a problem's tickets, the backlog): an agent's own, a lead's team's. */
export function ticketFilters(account: Account, filters: Filters): Filters {
  if (account.role === 'manager' || account.role === 'admin') return filters;
  const team = teamOf(account);
  const scoped = limitTo(filters, 'team', team, `${account.role === 'agent' ? 'An' : 'A'} ${account.role} sees the tickets of their own team (${account.team_name ?? team}) only.`);
  return account.role === 'agent' ? limitTo(scoped, 'agent', ownAgent(account), 'An agent sees their own tickets only.') : scoped;
}

/**
 * Filters for survey comments and other things said about one ticket (a comment names its ticket): an agent's are
 * those on their own tickets, a lead's their team's. The answers' figures (score distributions) stay figureFilters.
 */
export function commentFilters(account: Account, filters: Filters): Filters {
  return account.role === 'agent' ? ticketFilters(account, filters) : figureFilters(account, filters);
}

/**
 * commentFilters for a page that also shows figures (an issue's): null for an agent account linked to no agent,
 * which has no tickets of its own to list, while the page's team-level figures stay theirs to see.
 */
export function perTicketFilters(account: Account, filters: Filters): Filters | null {
  return account.role === 'agent' && account.agent_id === null ? null : commentFilters(account, filters);
}

function ownAgent(account: Account): string {
  if (account.agent_id === null) refuse('This agent account is linked to no agent in the data, so it has no tickets of its own; an admin links it (agent_id).');
  return account.agent_id;
}

/**
 * How a lead or an agent sees goals (sql/goals/report.ts ViewerScope): a goal's scope narrowed to their team's
 * figures, so an organisation-wide goal is judged on their team's tickets (the answer's `judged_scope` says so); a
 * goal about another team (or another agent) is not theirs to see: null. Managers see goals as they are: undefined.
 */
export function goalViewer(account: Account): ((goalScope: Filters) => Filters | null) | undefined {
  if (account.role === 'manager' || account.role === 'admin') return undefined;
  return (goalScope) => {
    try {
      return figureFilters(account, goalScope);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 403) return null;
      throw error;
    }
  };
}

/** The 403 for a goal outside a lead's or an agent's scope, saying whose figures they see. */
export function refuseGoal(account: Account, goalId: number): never {
  refuse(`Goal ${goalId} is about figures outside what a ${account.role} sees (the team ${account.team_name ?? account.team_id ?? 'of their own'}).`);
}

/** What tells one scope's answers from another's in the answer cache: a manager's are shared by every manager. */
export function scopeKey(account: Account | undefined): string {
  if (!account) return 'public';
  if (account.role === 'manager' || account.role === 'admin') return account.role;
  return `${account.role}:${account.team_id}:${account.role === 'agent' ? account.agent_id : ''}`;
}
