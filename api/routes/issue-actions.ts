// The lead's actions on issues (issue 12 §4): rename and known-problem mark, merge, move or split tickets, and the
// history of these edits. Mounted under /api/issues beside the issue list and detail (routes of their own).
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { EditRefusal, editIssue, issueHistory, mergeIssue, moveTickets } from '../../sql/issues/edits.ts';
import { actorFields, actorOf } from '../actor.ts';
import { accountOf } from '../auth/authorise.ts';
import { ticketFilters } from '../auth/scope.ts';
import { issueEditsSchema, issueHistorySchema, issueMergeResponseSchema, ticketMoveResponseSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { jsonBodyOnly, maxTextLength, validationHook } from '../validation.ts';

/** The longest known-problem note: a FAQ or training topic's few lines. */
export const maxNoteLength = 2_000;
/** The most tickets one move may name. */
export const maxTicketsMoved = 1_000;

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const issueParam = z.object({ id: positiveId });
const bodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const issueName = z.string().trim().min(1).max(maxTextLength);

const patchBody = z
  .object({
    name: issueName.optional().meta({ description: 'A new name, shown instead of the issue’s terms.' }),
    known_problem: z
      .object({ note: z.string().trim().min(1).max(maxNoteLength) })
      .strict()
      .nullable()
      .optional()
      .meta({ description: 'Mark it a known problem with a note (FAQ, training topic); null takes the mark off.' }),
    ...actorFields,
  })
  .strict()
  .refine((body) => body.name !== undefined || body.known_problem !== undefined, {
    message: 'say a new name, a known_problem, or both',
    path: ['name'],
  });

const mergeBody = z.object({ into: bodyId.meta({ description: 'The issue that takes this one’s tickets.' }), ...actorFields }).strict();

const moveBody = z
  .object({
    ticket_ids: z.array(bodyId).min(1).max(maxTicketsMoved).meta({ description: 'Tickets of this issue to move.' }),
    to: bodyId.nullable().meta({ description: 'The issue to move them to, or null to split them into a new issue called `name`.' }),
    name: issueName.optional().meta({ description: 'The new issue’s name (only with `to: null`).' }),
    ...actorFields,
  })
  .strict()
  .refine((body) => (body.to === null) === (body.name !== undefined), {
    message: 'a split (to: null) needs a name, and a move to an existing issue takes none',
    path: ['name'],
  });

/** A refused edit as a problem document naming the field: 404 unknown, 409 merged away, 422 not possible. */
function refused(error: unknown): never {
  if (!(error instanceof EditRefusal)) throw error;
  const [status, title] = ({ not_found: [404, 'Not found'], conflict: [409, 'Conflict'], invalid: [422, 'Not possible'] } as const)[error.kind];
  throw new ProblemError(status, title, `${error.field}: ${error.message}.`, { issues: [{ parameter: error.field, message: error.message }] });
}

const noIssue = 'There is no such issue, or (`ticket_ids`, `to`, `into`) no such ticket or issue; the problem names the field.';
const merged = 'The issue (or the one named by `to` or `into`) was merged into another and takes no edits.';
const notJson = 'The body is not application/json.';

const describeActions = {
  patch: describeRoute({
    tags: ['issues'],
    summary: 'Rename an issue, or mark it a known problem',
    description: 'Each change is recorded with who (`by`) and when, and survives loads and regroups.',
    responses: { 200: json('What the leads’ edits say about the issue now.', issueEditsSchema), ...problems({ 400: invalidRequest, 404: noIssue, 409: merged, 413: tooLarge, 415: notJson }) },
  }),
  merge: describeRoute({
    tags: ['issues'],
    summary: 'Merge an issue into another',
    description: 'Its tickets move to `into`, and so do those later loads and regroups would give it.',
    responses: {
      200: json('The merge.', issueMergeResponseSchema),
      ...problems({ 400: invalidRequest, 404: noIssue, 409: merged, 413: tooLarge, 415: notJson, 422: 'An issue cannot be merged into itself.' }),
    },
  }),
  move: describeRoute({
    tags: ['issues'],
    summary: 'Move tickets to another issue, or split them into a new one',
    description: 'The tickets stay where they were put through loads and regroups.',
    responses: {
      200: json('Where the tickets went.', ticketMoveResponseSchema),
      ...problems({ 400: invalidRequest, 404: noIssue, 409: merged, 413: tooLarge, 415: notJson, 422: 'A ticket is not in this issue, or `to` is this issue.' }),
    },
  }),
  history: describeRoute({
    tags: ['issues'],
    summary: 'The leads’ edits of an issue, oldest first, with who and when',
    responses: { 200: json('The edits.', issueHistorySchema), ...problems({ 400: invalidRequest, 404: 'There is no such issue.' }) },
  }),
};

export function issueActionRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .patch('/:id', describeActions.patch, validator('param', issueParam, validationHook), jsonBodyOnly, validator('json', patchBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const state = await editIssue(db, id, { name: body.name, known_problem: body.known_problem }, actorOf(c, now())).catch(refused);
      return c.json({ issue_id: id, ...state });
    })
    .post('/:id/merge', describeActions.merge, validator('param', issueParam, validationHook), jsonBodyOnly, validator('json', mergeBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await mergeIssue(db, id, body.into, actorOf(c, now())).catch(refused));
    })
    .post('/:id/tickets/move', describeActions.move, validator('param', issueParam, validationHook), jsonBodyOnly, validator('json', moveBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const target = body.to === null ? { name: body.name! } : { to: body.to };
      return c.json(await moveTickets(db, id, body.ticket_ids, target, actorOf(c, now()), ticketFilters(accountOf(c), {})).catch(refused));
    })
    .get('/:id/history', describeActions.history, validator('param', issueParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const edits = await issueHistory(db, id, ticketFilters(accountOf(c), {}));
      if (edits === undefined) throw new ProblemError(404, 'Not found', `id: there is no issue ${id}.`, { issues: [{ parameter: 'id', message: `there is no issue ${id}` }] });
      return c.json({ issue_id: id, edits });
    });
}
