// Goal proposals (`/api/goals/proposals`): a lead proposes a goal for their team (the goal editor's body); a
// manager accepts it (it becomes a goal) or declines it with a reason.
import type { InferResponseType } from 'hono/client';
import { readJson, type FetchJsonOptions } from './client';
import type { GoalBody } from './goals';
import { api } from './rpc';

type ProposalsEndpoint = ReturnType<typeof api>['goals']['proposals'];

export type GoalProposal = InferResponseType<ProposalsEndpoint['$post'], 201>;
export type GoalProposals = InferResponseType<ProposalsEndpoint['$get'], 200>;

/** `GET /api/goals/proposals`: a lead's own proposals, or every one for a manager (pending first). */
export function goalProposals(options: FetchJsonOptions = {}): Promise<GoalProposals> {
  const endpoint = api(options).goals.proposals;
  return readJson<GoalProposals>(endpoint.$path(), () => endpoint.$get({ query: {} }), options.signal);
}

/** `POST /api/goals/proposals`: the proposal, pending. A 403 names the team a lead may propose for. */
export function proposeGoal(body: GoalBody, options: FetchJsonOptions = {}): Promise<GoalProposal> {
  const endpoint = api(options).goals.proposals;
  return readJson<GoalProposal>(endpoint.$path(), () => endpoint.$post({ json: body }), options.signal);
}

/** `POST /api/goals/proposals/:id/accept`: the proposal becomes a goal. */
export function acceptProposal(id: number, options: FetchJsonOptions = {}): Promise<unknown> {
  const endpoint = api(options).goals.proposals[':id'].accept;
  const args = { param: { id: String(id) } };
  return readJson(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}

/** `POST /api/goals/proposals/:id/decline`: declined, with the reason the lead will read. */
export function declineProposal(id: number, reason: string, options: FetchJsonOptions = {}): Promise<GoalProposal> {
  const endpoint = api(options).goals.proposals[':id'].decline;
  const args = { param: { id: String(id) }, json: { reason } };
  return readJson<GoalProposal>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}
