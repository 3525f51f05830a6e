// GET /api/feedback/comments: survey comments, searchable and filterable, each linked to its ticket.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { feedbackKinds, queryComments } from '../../sql/feedback-comments.ts';
import { commentsResponseSchema, type CommentsResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { boundedText, validationHook } from '../validation.ts';
import { defaultRange, filterQueryShape, filtersOf, isoDate, parseRange } from './metric-query.ts';

const maxPage = 200;
const maxOffset = 1_000_000;
const kind = z.enum(feedbackKinds);

const commentsQuery = z
  .object({
    q: boundedText().optional().meta({ description: 'Text the comment contains (case-insensitive; % and _ are plain characters).' }),
    kind: z.union([kind, z.array(kind).max(feedbackKinds.length)]).optional(),
    score_min: z.coerce.number().min(0).max(10).optional(),
    score_max: z.coerce.number().min(0).max(10).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.coerce.number().int().min(1).max(maxPage).default(50),
    offset: z.coerce.number().int().min(0).max(maxOffset).default(0),
    ...filterQueryShape,
  })
  .strict();

const describeComments = describeRoute({
  tags: ['feedback'],
  summary: 'Survey comments, newest first: searched, filtered by kind, score, period and the ticket’s team, channel…',
  description: `Answers without a comment are left out. \`from\`/\`to\` bound the answer's submission (default: the last 52 weeks and this one). Pages of at most ${maxPage}.`,
  responses: { 200: json('A page of comments and how many match.', commentsResponseSchema), ...problems({ 400: invalidRequest }) },
});

export function feedbackRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono().get('/comments', describeComments, validator('query', commentsQuery, validationHook), async (c) => {
    const query = c.req.valid('query');
    const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
    const { total, comments } = await queryComments(db, {
      text: query.q,
      kinds: query.kind === undefined ? undefined : [query.kind].flat(),
      scoreMin: query.score_min,
      scoreMax: query.score_max,
      filters: filtersOf(query),
      from,
      to,
      limit: query.limit,
      offset: query.offset,
    });
    const nextOffset = query.offset + comments.length < total ? query.offset + comments.length : null;
    const body: CommentsResponse = { total, comments, next_offset: nextOffset };
    return c.json(body);
  });
}
