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
import { accountOf } from '../auth/authorise.ts';
import { goalViewer, refuseGoal } from '../auth/scope.ts';
import { snapshotGoalsOrLog } from '../../sql/goals/snapshot.ts';
import { goalListResponseSchema, goalReportSchema, goalSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, jsonBodyOnly, maxTextLength, maxValuesPerFilter, validationHook } from '../validation.ts';
import { checkVariant, isoDate, maxTargetMinutes, metricKeyText } from './metric-query.ts';

/** The largest target of any unit (targetBounds narrows it per unit); a larger number DuckDB would not bind. */
const maxTarget = 1e9;

export const goalBody = z
  .object({
    name: z.string().trim().min(1).max(maxTextLength),
    metric: metricKeyText,
    stat: z.enum(['value', ...stats]).optional(),
    variant: boundedText().nullable().default(null),
    hours: z.enum(hoursModes).default('calendar'),
    comparator: z.enum(['<=', '<', '>=', '>']),
    // The metric's unit bounds it further (targetBounds); this keeps any number DuckDB could not bind out.
    target: z.number().min(-maxTarget).max(maxTarget),
    scope: z
      .partialRecord(z.enum(dimensionNames as [string, ...string[]]), z.array(boundedText()).min(1).max(maxValuesPerFilter))
      .default({}),
    period: z.enum(['week', 'month', 'quarter']),
    owner_id: boundedText().nullable().default(null),
    starts_on: isoDate,
    ends_on: isoDate.nullable().default(null),
  })
  .strict();

const goalId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The targets a metric's unit can reach: durations in minutes up to a year, rates in percent, NPS from -100 to 100. */
const targetBounds: Record<string, { min: number; max: number; what: string }> = {
  minutes: { min: 0, max: maxTargetMinutes, what: 'minutes' },
  percent: { min: 0, max: 100, what: 'a percentage' },
  score: { min: -100, max: 100, what: 'a score from -100 to 100' },
  tickets: { min: 0, max: maxTarget, what: 'a number of tickets' },
};

/**
 * Periods are judged from `starts_on` to today, so its distance from today bounds a goal's work: at most ten
 * years back (520 weeks), and at most ten years ahead.
 */
const maxStartYears = 10;

function checkStart(startsOn: string, today: Date): void {
  const shifted = (years: number) => {
    const day = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));
    return day.toISOString().slice(0, 10);
  };
  const [earliest, latest] = [shifted(-maxStartYears), shifted(maxStartYears)];
  if (startsOn < earliest || startsOn > latest) {
    throw new ProblemError(400, 'Invalid request', `starts_on: a goal starts from ${earliest} to ${latest} (at most ${maxStartYears} years from today).`, {
      issues: [{ parameter: 'starts_on', message: `expected a date from ${earliest} to ${latest}` }],
    });
  }
}

/** The body as a goal: a known metric, a statistic that fits it, a preset it has, an end after the start. */
export function goalInput(body: z.infer<typeof goalBody>, today: Date): GoalInput {
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
  const bounds = targetBounds[metric.unit]!;
  if (body.target < bounds.min || body.target > bounds.max) {
    throw new ProblemError(400, 'Invalid request', `target: ${metric.key} is ${bounds.what}; a target is from ${bounds.min} to ${bounds.max}.`, {
      issues: [{ parameter: 'target', message: `expected a number from ${bounds.min} to ${bounds.max}` }],
    });
  }
  checkStart(body.starts_on, today);
  if (body.ends_on !== null && body.ends_on < body.starts_on) {
    throw new ProblemError(400, 'Invalid request', `ends_on (${body.ends_on}) is before starts_on (${body.starts_on}).`);
  }
  return { ...body, stat, scope: body.scope as GoalInput['scope'] };
}

function notFound(id: number): never {
  throw new ProblemError(404, 'Not found', `There is no goal ${id}.`);
}

const badGoal =
  `${invalidRequest} Also an unknown metric or variant, a statistic that does not fit the metric, a target outside the ` +
  `metric's unit (minutes 0–${maxTargetMinutes}, percent 0–100, NPS -100–100), a start more than ${maxStartYears} years from today, or an end before the start.`;
const notJson = 'The body is not application/json.';
const noGoal = 'There is no goal with this id.';

const describeGoals = {
  list: describeRoute({
    tags: ['goals'],
    summary: 'Every goal with its open period and its last closed one',
    description:
      'A lead or an agent sees the goals on their team or on everyone, judged on their team’s tickets (`judged_scope` says so); goals on another team are not listed.',
    responses: { 200: json('The goals, oldest first.', goalListResponseSchema), ...problems({}) },
  }),
  create: describeRoute({
    tags: ['goals'],
    summary: 'Create a goal',
    responses: { 201: json('The goal as stored; `Location` names it.', goalSchema), ...problems({ 400: badGoal, 413: tooLarge, 415: notJson }) },
  }),
  report: describeRoute({
    tags: ['goals'],
    summary: 'A goal with every period so far',
    description:
      'Periods are judged from the data when asked; closed ones are stored after each load, so corrected data shows as a new revision. ' +
      'Each period names the version of the goal it is judged under; `versions` lists every definition the goal has had.',
    responses: { 200: json('The goal report.', goalReportSchema), ...problems({ 400: invalidRequest, 403: 'A lead or an agent asked for a goal on another team.', 404: noGoal }) },
  }),
  update: describeRoute({
    tags: ['goals'],
    summary: 'Replace a goal',
    description:
      'A change of what the goal judges (metric, stat, variant, hours, comparator, target, scope, period, starts_on, ends_on) starts a new version: ' +
      'the periods that ended before it stay judged under the version before. A new name or owner keeps the version.',
    responses: { 200: json('The goal as stored.', goalSchema), ...problems({ 400: badGoal, 404: noGoal, 413: tooLarge, 415: notJson }) },
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
    .get('/', describeGoals.list, async (c) => c.json({ goals: await goalScorecards(db, now(), goalViewer(accountOf(c))) }))
    .post('/', describeGoals.create, jsonBodyOnly, validator('json', goalBody, validationHook), async (c) => {
      const goal = await createGoal(db, goalInput(c.req.valid('json'), now()), now());
      await snapshot(goal.goal_id);
      return c.json(goal, 201, { Location: `/api/goals/${goal.goal_id}` });
    })
    .get('/:id', describeGoals.report, validator('param', goalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const goal = (await getGoal(db, id)) ?? notFound(id);
      const viewer = goalViewer(accountOf(c));
      if (viewer && viewer(goal.scope) === null) refuseGoal(accountOf(c), id);
      const [report] = await reportGoals(db, [goal], now(), viewer);
      return c.json(report!);
    })
    .put('/:id', describeGoals.update, validator('param', goalId, validationHook), jsonBodyOnly, validator('json', goalBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const goal = (await updateGoal(db, id, goalInput(c.req.valid('json'), now()), now())) ?? notFound(id);
      await snapshot(id);
      return c.json(goal);
    })
    .delete('/:id', describeGoals.archive, validator('param', goalId, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      if (!(await archiveGoal(db, id))) notFound(id);
      return c.body(null, 204);
    });
}
