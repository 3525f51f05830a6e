// /api/goals: service goals on any metric of the registry, with their status per period.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { dimensionNames } from '../../sql/metrics/dimensions.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { hoursModes, stats } from '../../sql/metrics/series.ts';
import { archiveGoal, createGoal, getGoal, updateGoal, type GoalInput } from '../../sql/goals/goals.ts';
import { goalScorecards, reportGoals } from '../../sql/goals/report.ts';
import { snapshotGoalsOrLog } from '../../sql/goals/snapshot.ts';
import { goalListResponseSchema, goalReportSchema, goalSchema } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';
import { checkVariant, isoDate, metricKeyText } from './metric-query.ts';

const goalBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    metric: metricKeyText,
    stat: z.enum(['value', ...stats]).optional(),
    variant: z.string().nullable().default(null),
    hours: z.enum(hoursModes).default('calendar'),
    comparator: z.enum(['<=', '<', '>=', '>']),
    target: z.number().finite(),
    scope: z.partialRecord(z.enum(dimensionNames as [string, ...string[]]), z.array(z.string().min(1)).min(1)).default({}),
    period: z.enum(['week', 'month', 'quarter']),
    owner_id: z.string().min(1).nullable().default(null),
    starts_on: isoDate,
    ends_on: isoDate.nullable().default(null),
  })
  .strict();

const goalId = z.object({ id: z.coerce.number().int().positive() });

/** The body as a goal: a known metric, a statistic that fits it, a preset it has, an end after the start. */
function goalInput(body: z.infer<typeof goalBody>): GoalInput {
  const metric = metrics.get(body.metric);
  if (!metric) {
    throw new ProblemError(400, 'Unknown metric', `metric: there is no metric "${body.metric}". Known metrics: ${[...metrics.keys()].join(', ')}.`, {
      allowed: [...metrics.keys()],
    });
  }
  const isDuration = metric.aggregation === 'duration';
  const stat = body.stat ?? (isDuration ? 'p50' : 'value');
  if (isDuration === (stat === 'value')) {
    throw new ProblemError(400, 'Invalid request', isDuration
      ? `stat: ${metric.key} is a duration; say p50, p90 or mean.`
      : `stat: ${metric.key} has one value per period; leave stat out or say "value".`);
  }
  checkVariant(metric, body.variant ?? undefined);
  if (body.ends_on !== null && body.ends_on < body.starts_on) {
    throw new ProblemError(400, 'Invalid request', `ends_on (${body.ends_on}) is before starts_on (${body.starts_on}).`);
  }
  return { ...body, stat, scope: body.scope as GoalInput['scope'] };
}

function notFound(id: number): never {
  throw new ProblemError(404, 'Not found', `There is no goal ${id}.`);
}

const badGoal = `${invalidRequest} Also an unknown metric or variant, a statistic that does not fit the metric, or an end before the start.`;
const noGoal = 'There is no goal with this id.';

const describeGoals = {
  list: describeRoute({
    tags: ['goals'],
    summary: 'Every goal with its open period and its last closed one',
    responses: { 200: json('The goals, oldest first.', goalListResponseSchema), ...problems({}) },
  }),
  create: describeRoute({
    tags: ['goals'],
    summary: 'Create a goal',
    responses: { 201: json('The goal as stored; `Location` names it.', goalSchema), ...problems({ 400: badGoal }) },
  }),
  report: describeRoute({
    tags: ['goals'],
    summary: 'A goal with every period so far',
    description:
      'Periods are judged from the data when asked; closed ones are stored after each load, so corrected data shows as a new revision. ' +
      'Each period names the version of the goal it is judged under; `versions` lists every definition the goal has had.',
    responses: { 200: json('The goal report.', goalReportSchema), ...problems({ 400: invalidRequest, 404: noGoal }) },
  }),
  update: describeRoute({
    tags: ['goals'],
    summary: 'Replace a goal',
    description:
      'A change of what the goal judges (metric, stat, variant, hours, comparator, target, scope, period, starts_on, ends_on) starts a new version: ' +
      'the periods that ended before it stay judged under the version before. A new name or owner keeps the version.',
    responses: { 200: json('The goal as stored.', goalSchema), ...problems({ 400: badGoal, 404: noGoal }) },
  }),
  archive: describeRoute({
    tags: ['goals'],
    summary: 'Archive a goal',
    responses: { 204: { description: 'Archived; its history stays.' }, ...problems({ 400: invalidRequest, 404: noGoal }) },
  }),
};

export function goalRoutes(db: Database, now: () => Date = () => new Date(), logError?: (error: unknown) => void) {
  // A created or changed goal's closed periods are stored before the answer, so a load right after it finds them.
  const snapshot = (id: number) => snapshotGoalsOrLog(db, { now: now(), ids: [id], log: logError });
  return new Hono()
    .get('/', describeGoals.list, async (c) => c.json({ goals: await goalScorecards(db, now()) }))
    .post('/', describeGoals.create, validator('json', goalBody, validationHook), async (c) => {
      const goal = await createGoal(db, goalInput(c.req.valid('json')), now());
      await snapshot(goal.goal_id);
      return c.json(goal, 201, { Location: `/api/goals/${goal.goal_id}` });
    })
    .get('/:id', describeGoals.report, validator('param', goalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const goal = (await getGoal(db, id)) ?? notFound(id);
      const [report] = await reportGoals(db, [goal], now());
      return c.json(report!);
    })
    .put('/:id', describeGoals.update, validator('param', goalId, validationHook), validator('json', goalBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const goal = (await updateGoal(db, id, goalInput(c.req.valid('json')), now())) ?? notFound(id);
      await snapshot(id);
      return c.json(goal);
    })
    .delete('/:id', describeGoals.archive, validator('param', goalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await archiveGoal(db, id))) notFound(id);
      return c.body(null, 204);
    });
}
