// Improvement suggestions (issue 13 §2, docs/suggestions.md): submit, list, read, edit, vote, comment, move along the
// workflow with a response, and the impact of an implemented one. Who acts is the signed-in account; the writes are
// sql/suggestions/store.ts, each one transaction that appends its event.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Account } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';
import { listSuggestions, readSuggestion, suggestionSorts } from '../../sql/suggestions/read.ts';
import { suggestionImpact } from '../../sql/suggestions/impact.ts';
import {
  addComment,
  createSuggestion,
  editComment,
  editSuggestion,
  moveSuggestion,
  SuggestionRefusal,
  unvote,
  vote,
} from '../../sql/suggestions/store.ts';
import { movesFrom, suggestionStatuses } from '../../sql/suggestions/workflow.ts';
import { accountOf } from '../auth/authorise.ts';
import { figureFilters } from '../auth/scope.ts';
import {
  suggestionCommentCreatedSchema,
  suggestionDetailSchema,
  suggestionImpactSchema,
  suggestionListResponseSchema,
} from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { nextCursor, offsetOf, pageQueryShape } from '../paging.ts';
import { ProblemError } from '../problem.ts';
import { jsonBodyOnly, validationHook } from '../validation.ts';

/** The longest texts, in characters (Unicode code points): longer is a 422 naming the field. */
export const suggestionLimits = { title: 200, body: 10_000, comment: 5_000, response: 5_000, reason: 5_000 } as const;
/** The most tickets a suggestion may link. */
export const maxLinkedTickets = 100;

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
const idParam = z.object({ id });
const commentParam = z.object({ id, commentId: id });
const bodyId = z.number().int().positive().max(2 ** 31 - 1);
/** Text kept exactly as written; only a blank one is refused (its length is checked after, as a 422). */
const text = z.string().refine((value) => value.trim().length > 0, 'must not be blank');

const links = {
  issue_id: bodyId.nullable().optional().meta({ description: 'A recurring problem it is about.' }),
  goal_id: bodyId.nullable().optional().meta({ description: 'A goal it would help.' }),
  ticket_ids: z.array(bodyId).max(maxLinkedTickets).optional().meta({ description: `Example tickets (at most ${maxLinkedTickets}).` }),
};

const createBody = z
  .object({
    title: text.meta({ description: `At most ${suggestionLimits.title} characters.` }),
    body: text.meta({ description: `At most ${suggestionLimits.body} characters.` }),
    anonymous: z.boolean().optional().meta({ description: 'Anonymous to colleagues: agents and leads do not see who wrote it; managers and the audit trail do.' }),
    ...links,
  })
  .strict();

const editBody = z
  .object({ title: text.optional(), body: text.optional(), anonymous: z.boolean().optional(), ...links })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'say what to change', path: ['title'] });

const commentBody = z.object({ body: text.meta({ description: `At most ${suggestionLimits.comment} characters.` }) }).strict();

const moveBody = z
  .object({
    to: z.enum(suggestionStatuses),
    response: text.optional().meta({ description: 'An answer the author sees.' }),
    reason: text.optional().meta({ description: 'Why it is declined (required for `declined`).' }),
    implemented_on: z.iso.date().optional().meta({ description: 'The day it went live (required for `implemented`).' }),
  })
  .strict();

const listQuery = z
  .object({
    status: z
      .string()
      .transform((value) => value.split(','))
      .pipe(z.array(z.enum(suggestionStatuses)))
      .optional()
      .meta({ description: 'Statuses, comma-separated.' }),
    team: z.string().min(1).max(200).optional(),
    issue: id.optional().meta({ description: 'Linked to this recurring problem.' }),
    goal: id.optional().meta({ description: 'Linked to this goal.' }),
    mine: z.enum(['true', 'false']).transform((value) => value === 'true').optional().meta({ description: 'Only the asker’s own.' }),
    sort: z.enum(suggestionSorts).default('newest').meta({ description: 'newest, votes (most first), or oldest_unanswered (waiting longest for a first answer first).' }),
    ...pageQueryShape(200, 50),
  })
  .strict();

/** A text over its limit: 422 naming the field (counted in code points, so an emoji is one character). */
function checkLength(field: keyof typeof suggestionLimits, value: string | undefined): void {
  if (value === undefined) return;
  const length = [...value].length;
  const max = suggestionLimits[field];
  if (length > max) {
    const message = `at most ${max.toLocaleString('en')} characters (this one has ${length.toLocaleString('en')})`;
    throw new ProblemError(422, 'Text too long', `${field === 'comment' ? 'body' : field}: ${message}.`, { issues: [{ parameter: field === 'comment' ? 'body' : field, message }] });
  }
}

const refusalTitles = { not_found: [404, 'Not found'], forbidden: [403, 'Not allowed'], conflict: [409, 'Conflict'], invalid: [422, 'Not possible'] } as const;

function refused(error: unknown): never {
  if (!(error instanceof SuggestionRefusal)) throw error;
  const [status, title] = refusalTitles[error.kind];
  throw new ProblemError(status, title, `${error.field}: ${error.message}.`, { issues: [{ parameter: error.field, message: error.message }] });
}

/** The statuses the asker may move a suggestion to now (none for agents, nor for a lead of another team). */
function movesFor(account: Account, suggestion: { status: (typeof suggestionStatuses)[number]; team_id: string | null }) {
  const mayMove = account.role === 'manager' || (account.role === 'lead' && account.team_id !== null && account.team_id === suggestion.team_id);
  return mayMove ? movesFrom(suggestion.status) : [];
}

async function detail(db: Database, c: Context, suggestionId: number) {
  const account = accountOf(c);
  const suggestion = await readSuggestion(db, account, suggestionId);
  if (!suggestion) throw new ProblemError(404, 'Not found', `id: there is no suggestion ${suggestionId}.`, { issues: [{ parameter: 'id', message: `there is no suggestion ${suggestionId}` }] });
  return { ...suggestion, moves: movesFor(account, suggestion) };
}

const noSuggestion = 'There is no such suggestion (or comment).';
const notJson = 'The body is not application/json.';
const tooLong = `A text is longer than its limit (title ${suggestionLimits.title}, body ${suggestionLimits.body}, comment ${suggestionLimits.comment} characters), or a link names no issue, goal or ticket; the problem names the field.`;

const describe = {
  list: describeRoute({
    tags: ['suggestions'],
    summary: 'List suggestions',
    description: 'Filtered by status, team, linked issue or goal, and mine; sorted by newest, most votes or oldest without an answer; in pages.',
    responses: { 200: json('A page of suggestions.', suggestionListResponseSchema), ...problems({ 400: invalidRequest }) },
  }),
  create: describeRoute({
    tags: ['suggestions'],
    summary: 'Submit a suggestion',
    description: 'As the signed-in person, in their team. Texts are stored exactly as written.',
    responses: { 201: json('The suggestion.', suggestionDetailSchema), ...problems({ 400: invalidRequest, 413: tooLarge, 415: notJson, 422: tooLong }) },
  }),
  read: describeRoute({
    tags: ['suggestions'],
    summary: 'A suggestion with its comments (and, for managers, its audit trail)',
    responses: { 200: json('The suggestion.', suggestionDetailSchema), ...problems({ 400: invalidRequest, 404: noSuggestion }) },
  }),
  edit: describeRoute({
    tags: ['suggestions'],
    summary: 'Edit one’s own suggestion while it is open',
    description: 'The audit trail keeps what each changed field said before.',
    responses: {
      200: json('The suggestion.', suggestionDetailSchema),
      ...problems({ 400: invalidRequest, 403: 'Only its author edits a suggestion.', 404: noSuggestion, 409: 'It is implemented or declined.', 413: tooLarge, 415: notJson, 422: tooLong }),
    },
  }),
  vote: describeRoute({
    tags: ['suggestions'],
    summary: 'Vote for a suggestion (one vote per person)',
    responses: { 200: json('The suggestion.', suggestionDetailSchema), ...problems({ 400: invalidRequest, 404: noSuggestion, 409: 'Already voted, or the suggestion is declined.' }) },
  }),
  unvote: describeRoute({
    tags: ['suggestions'],
    summary: 'Take one’s vote back',
    responses: { 200: json('The suggestion.', suggestionDetailSchema), ...problems({ 400: invalidRequest, 404: noSuggestion, 409: 'No live vote of the asker’s to take back.' }) },
  }),
  comment: describeRoute({
    tags: ['suggestions'],
    summary: 'Comment on a suggestion',
    responses: { 201: json('The comment’s id and the suggestion.', suggestionCommentCreatedSchema), ...problems({ 400: invalidRequest, 404: noSuggestion, 413: tooLarge, 415: notJson, 422: tooLong }) },
  }),
  editComment: describeRoute({
    tags: ['suggestions'],
    summary: 'Edit one’s own comment (its earlier texts are kept and shown)',
    responses: {
      200: json('The suggestion.', suggestionDetailSchema),
      ...problems({ 400: invalidRequest, 403: 'Only its author edits a comment.', 404: noSuggestion, 413: tooLarge, 415: notJson, 422: tooLong }),
    },
  }),
  move: describeRoute({
    tags: ['suggestions'],
    summary: 'Move a suggestion along the workflow, with a response the author sees',
    description: 'new → under_review → accepted → in_progress → implemented, or declined from any open state. Leads move their team’s suggestions, managers any. Declining needs `reason`, implementing `implemented_on`.',
    responses: {
      200: json('The suggestion.', suggestionDetailSchema),
      ...problems({
        400: invalidRequest,
        403: 'A lead may move only their own team’s suggestions.',
        404: noSuggestion,
        409: 'Not a move the workflow allows from its status (the problem says which are).',
        413: tooLarge,
        415: notJson,
        422: 'A decline without a reason, an implementation without a date (or dated before the suggestion), or a text over its limit.',
      }),
    },
  }),
  impact: describeRoute({
    tags: ['suggestions'],
    summary: 'What an implemented suggestion changed',
    description:
      'Weekly values of the linked issue’s ticket count (or the linked goal’s metric) over the same number of weeks (up to 8) before and after the implementation date, the change, and whether it is beyond normal variation (two-sided Mann–Whitney U test).',
    responses: { 200: json('The comparison, or why there is none yet.', suggestionImpactSchema), ...problems({ 400: invalidRequest, 404: noSuggestion }) },
  }),
};

export function suggestionRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', describe.list, validator('query', listQuery, validationHook), async (c) => {
      const query = c.req.valid('query');
      const offset = offsetOf(query.cursor);
      const { items, total } = await listSuggestions(
        db,
        accountOf(c),
        { status: query.status, team: query.team, issue_id: query.issue, goal_id: query.goal, mine: query.mine },
        query.sort,
        { offset, limit: query.limit },
      );
      return c.json({ items, total, next_cursor: nextCursor(offset, items.length, total) });
    })
    .post('/', describe.create, jsonBodyOnly, validator('json', createBody, validationHook), async (c) => {
      const body = c.req.valid('json');
      checkLength('title', body.title);
      checkLength('body', body.body);
      const created = await createSuggestion(db, accountOf(c), body, now()).catch(refused);
      return c.json(await detail(db, c, created), 201);
    })
    .get('/:id', describe.read, validator('param', idParam, validationHook), async (c) => c.json(await detail(db, c, c.req.valid('param').id)))
    .patch('/:id', describe.edit, validator('param', idParam, validationHook), jsonBodyOnly, validator('json', editBody, validationHook), async (c) => {
      const { id: suggestionId } = c.req.valid('param');
      const body = c.req.valid('json');
      checkLength('title', body.title);
      checkLength('body', body.body);
      await editSuggestion(db, accountOf(c), suggestionId, body, now()).catch(refused);
      return c.json(await detail(db, c, suggestionId));
    })
    .post('/:id/vote', describe.vote, validator('param', idParam, validationHook), async (c) => {
      const { id: suggestionId } = c.req.valid('param');
      await vote(db, accountOf(c), suggestionId, now()).catch(refused);
      return c.json(await detail(db, c, suggestionId));
    })
    .delete('/:id/vote', describe.unvote, validator('param', idParam, validationHook), async (c) => {
      const { id: suggestionId } = c.req.valid('param');
      await unvote(db, accountOf(c), suggestionId, now()).catch(refused);
      return c.json(await detail(db, c, suggestionId));
    })
    .post('/:id/comments', describe.comment, validator('param', idParam, validationHook), jsonBodyOnly, validator('json', commentBody, validationHook), async (c) => {
      const { id: suggestionId } = c.req.valid('param');
      const { body } = c.req.valid('json');
      checkLength('comment', body);
      const commentId = await addComment(db, accountOf(c), suggestionId, body, now()).catch(refused);
      return c.json({ comment_id: commentId, suggestion: await detail(db, c, suggestionId) }, 201);
    })
    .patch('/:id/comments/:commentId', describe.editComment, validator('param', commentParam, validationHook), jsonBodyOnly, validator('json', commentBody, validationHook), async (c) => {
      const { id: suggestionId, commentId } = c.req.valid('param');
      const { body } = c.req.valid('json');
      checkLength('comment', body);
      await editComment(db, accountOf(c), suggestionId, commentId, body, now()).catch(refused);
      return c.json(await detail(db, c, suggestionId));
    })
    .post('/:id/move', describe.move, validator('param', idParam, validationHook), jsonBodyOnly, validator('json', moveBody, validationHook), async (c) => {
      const { id: suggestionId } = c.req.valid('param');
      const body = c.req.valid('json');
      checkLength('response', body.response);
      checkLength('reason', body.reason);
      await moveSuggestion(db, accountOf(c), suggestionId, body, now()).catch(refused);
      return c.json(await detail(db, c, suggestionId));
    })
    .get('/:id/impact', describe.impact, validator('param', idParam, validationHook), async (c) => {
      const { id: suggestionId } = c.req.valid('param');
      const impact = await suggestionImpact(db, suggestionId, (filters) => figureFilters(accountOf(c), filters), now());
      if (!impact) throw new ProblemError(404, 'Not found', `id: there is no suggestion ${suggestionId}.`, { issues: [{ parameter: 'id', message: `there is no suggestion ${suggestionId}` }] });
      return c.json(impact);
    });
}
