// GET /api/feedback/comments: survey comments, searchable and filterable, each linked to its ticket.
// GET /api/feedback/:key/distribution: a survey metric's answers per score (the registry says its scales and bands).
import { Hono, type Context } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { feedbackKinds, queryComments } from '../../sql/feedback-comments.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { hasScoreDistribution, queryScoreDistribution } from '../../sql/metrics/score-distribution.ts';
import { commentsResponseSchema, scoreDistributionResponseSchema, type CommentsResponse, type ScoreDistributionResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, validationHook } from '../validation.ts';
import { defaultRange, filterQueryShape, filtersOf, isoDate, metricInfo, parseRange } from './metric-query.ts';
import { accountOf } from '../auth/authorise.ts';
import { commentFilters, figureFilters } from '../auth/scope.ts';

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

/** The survey metrics whose registry entry declares their scales (CSAT, NPS, CES). */
const distributedKeys = [...metrics.values()].filter(hasScoreDistribution).map((m) => m.key) as [string, ...string[]];

const distributionQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), ...filterQueryShape }).strict();
const distributionParam = z.object({ key: z.enum(distributedKeys) });

/** Any other key is a missing resource: 404 naming the metrics that have a score distribution. */
function unknownDistribution(result: { success: boolean }, c: Context) {
  if (result.success) return;
  throw new ProblemError(404, 'No score distribution', `key: "${c.req.param('key')}" has no score distribution; these do: ${distributedKeys.join(', ')}.`, {
    allowed: distributedKeys,
  });
}

const describeDistribution = describeRoute({
  tags: ['feedback'],
  summary: "A survey metric's answers per score (CSAT 1–5 and good/bad, NPS 0–10, CES 1–7), each score in its band (NPS detractors, passives, promoters)",
  description:
    "The metric's own answers (as its series counts them: submitted in the range, under the filters). Every score of a scale " +
    'with answers is listed, 0 where nobody chose it. `from`/`to` default to the last 52 weeks and this one.',
  responses: {
    200: json('Answers per scale and score.', scoreDistributionResponseSchema),
    ...problems({ 400: invalidRequest, 404: 'A metric without a score distribution (the problem lists those with one in `allowed`).' }),
  },
});

export function feedbackRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/:key/distribution', describeDistribution, validator('query', distributionQuery, validationHook), validator('param', distributionParam, unknownDistribution), async (c) => {
      const metric = metrics.get(c.req.valid('param').key)!;
      if (!hasScoreDistribution(metric)) throw new Error(`${metric.key} was validated as having a score distribution`);
      const query = c.req.valid('query');
      const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
      const filters = figureFilters(accountOf(c), filtersOf(query));
      const distribution = await queryScoreDistribution(db, { metric, filters, from, to });
      const body: ScoreDistributionResponse = {
        metric: metricInfo(metric.key),
        filters,
        from: from.toISOString().slice(0, 10),
        to: to.toISOString().slice(0, 10),
        answers: distribution.answers,
        bands: metric.scores.bands.map(({ key, label, tone }) => ({ key, label, tone })),
        scales: distribution.scales,
      };
      return c.json(body);
    })
    .get('/comments', describeComments, validator('query', commentsQuery, validationHook), async (c) => {
    const query = c.req.valid('query');
    const { from, to } = parseRange(query.from, query.to, defaultRange(now()));
    const { total, comments } = await queryComments(db, {
      text: query.q,
      kinds: query.kind === undefined ? undefined : [query.kind].flat(),
      scoreMin: query.score_min,
      scoreMax: query.score_max,
      filters: commentFilters(accountOf(c), filtersOf(query)),
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
