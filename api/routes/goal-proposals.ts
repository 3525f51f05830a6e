// /api/goals/proposals: a lead proposes a goal for their own team; a manager accepts it (it becomes a goal) or
// declines it with a reason. Mounted before /api/goals so that `proposals` is never read as a goal id.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { acceptProposal, declineProposal, listProposals, proposalStatuses, proposeGoal, ProposalRefusal } from '../../sql/goals/proposals.ts';
import { snapshotGoalsOrLog } from '../../sql/goals/snapshot.ts';
import { accountOf } from '../auth/authorise.ts';
import { figureFilters } from '../auth/scope.ts';
import { goalProposalAcceptedSchema, goalProposalListSchema, goalProposalSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { jsonBodyOnly, maxTextLength, validationHook } from '../validation.ts';
import { goalBody, goalInput } from './goals.ts';

const proposalId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const listQuery = z.object({ status: z.enum(proposalStatuses).optional() }).strict();
const declineBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(maxTextLength) }).strict();

/** An unknown proposal: 404; one already accepted or declined: 409. */
function refused(error: unknown): never {
  if (!(error instanceof ProposalRefusal)) throw error;
  if (error.kind === 'not_found') throw new ProblemError(404, 'Not found', `id: ${error.message}.`, { issues: [{ parameter: 'id', message: error.message }] });
  throw new ProblemError(409, 'Already decided', `id: ${error.message}; a proposal is decided once.`, { issues: [{ parameter: 'id', message: error.message }] });
}

const notJson = 'The body is not application/json.';
const noProposal = 'There is no goal proposal with this id.';
const decided = 'The proposal was already accepted or declined.';

const describeProposals = {
  propose: describeRoute({
    tags: ['goals'],
    summary: 'Propose a goal for your team (leads)',
    description: 'The body of POST /api/goals. The scope is limited to the lead’s team (a scope naming another team is refused with 403). A proposal is not a goal and is not judged until a manager accepts it.',
    responses: {
      201: json('The proposal, pending.', goalProposalSchema),
      ...problems({ 400: `${invalidRequest} Also what POST /api/goals refuses.`, 403: 'The scope names another team (problem type …/scope).', 413: tooLarge, 415: notJson }),
    },
  }),
  list: describeRoute({
    tags: ['goals'],
    summary: 'Goal proposals: every one for managers, their own for a lead; pending first, then newest',
    responses: { 200: json('The proposals.', goalProposalListSchema), ...problems({ 400: invalidRequest }) },
  }),
  accept: describeRoute({
    tags: ['goals'],
    summary: 'Accept a goal proposal (managers): it becomes a goal, judged from now on',
    responses: { 200: json('The proposal, accepted, and the goal it became.', goalProposalAcceptedSchema), ...problems({ 400: invalidRequest, 404: noProposal, 409: decided }) },
  }),
  decline: describeRoute({
    tags: ['goals'],
    summary: 'Decline a goal proposal with a reason (managers)',
    responses: {
      200: json('The proposal, declined, with the reason.', goalProposalSchema),
      ...problems({ 400: `${invalidRequest} Also a missing or empty reason.`, 404: noProposal, 409: decided, 413: tooLarge, 415: notJson }),
    },
  }),
};

export function goalProposalRoutes(db: Database, now: () => Date = () => new Date(), logError?: (error: unknown) => void) {
  return new Hono()
    .get('/', describeProposals.list, validator('query', listQuery, validationHook), async (c) => {
      const account = accountOf(c);
      const { status } = c.req.valid('query');
      const proposals = await listProposals(db, { status, proposedBy: account.role === 'manager' ? undefined : account.id });
      return c.json({ proposals });
    })
    .post('/', describeProposals.propose, jsonBodyOnly, validator('json', goalBody, validationHook), async (c) => {
      const account = accountOf(c);
      const body = c.req.valid('json');
      // The lead's team, whatever the scope says; a scope naming another team is refused (403 scope problem).
      const scope = figureFilters(account, body.scope as Parameters<typeof figureFilters>[1]);
      const proposal = await proposeGoal(db, account.team_id!, goalInput({ ...body, scope }, now()), account, now());
      return c.json(proposal, 201, { Location: `/api/goals/proposals/${proposal.proposal_id}` });
    })
    .post('/:id/accept', describeProposals.accept, validator('param', proposalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const accepted = await acceptProposal(db, id, accountOf(c), now()).catch(refused);
      await snapshotGoalsOrLog(db, { now: now(), ids: [accepted.goal.goal_id], log: logError });
      return c.json(accepted);
    })
    .post('/:id/decline', describeProposals.decline, validator('param', proposalId, validationHook), jsonBodyOnly, validator('json', declineBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await declineProposal(db, id, c.req.valid('json').reason, accountOf(c), now()).catch(refused));
    });
}
