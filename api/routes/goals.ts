// /api/goals: service goals on any metric of the registry, with their status per period.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { dimensionNames } from '../../sql/metrics/dimensions.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { hoursModes, stats } from '../../sql/metrics/series.ts';
import { archiveGoal, createGoal, getGoal, goalScorecards, reportGoal, updateGoal, type GoalInput } from '../../sql/goals/goals.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';
import { checkVariant, isoDate } from './metric-query.ts';

const goalBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    metric: z.string(),
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

export function goalRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', async (c) => c.json({ goals: await goalScorecards(db, now()) }))
    .post('/', zValidator('json', goalBody, validationHook), async (c) => {
      const goal = await createGoal(db, goalInput(c.req.valid('json')));
      return c.json(goal, 201, { Location: `/api/goals/${goal.goal_id}` });
    })
    .get('/:id', zValidator('param', goalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const goal = (await getGoal(db, id)) ?? notFound(id);
      return c.json(await reportGoal(db, goal, now()));
    })
    .put('/:id', zValidator('param', goalId, validationHook), zValidator('json', goalBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      return c.json((await updateGoal(db, id, goalInput(c.req.valid('json')))) ?? notFound(id));
    })
    .delete('/:id', zValidator('param', goalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await archiveGoal(db, id))) notFound(id);
      return c.body(null, 204);
    });
}
