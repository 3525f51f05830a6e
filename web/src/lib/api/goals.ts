// The goals pages' questions to the API beyond reading goals (queries.ts has `goals` and `goalReport`): creating,
// changing and archiving a goal, and a goal's metric per month over its scope for the monthly report.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { ApiError, fetchJson, readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';
import type { Series } from './series';

type GoalsEndpoint = ReturnType<typeof api>['goals'];

/** What `POST /api/goals` and `PUT /api/goals/:id` take. */
export type GoalBody = InferRequestType<GoalsEndpoint['$post']>['json'];
export type StoredGoal = InferResponseType<GoalsEndpoint['$post'], 201>;

/** `POST /api/goals`: the goal as stored. A 400 carries the problem naming the field. */
export function createGoal(body: GoalBody, options: FetchJsonOptions = {}): Promise<StoredGoal> {
  const endpoint = api(options).goals;
  return readJson<StoredGoal>(endpoint.$path(), () => endpoint.$post({ json: body }), options.signal);
}

/** `PUT /api/goals/:id`: a change of what the goal judges starts a new version. */
export function updateGoal(id: number, body: GoalBody, options: FetchJsonOptions = {}): Promise<StoredGoal> {
  const endpoint = api(options).goals[':id'];
  const args = { param: { id: String(id) }, json: body };
  return readJson<StoredGoal>(endpoint.$path(args), () => endpoint.$put(args), options.signal);
}

/** `DELETE /api/goals/:id`: archived (204); its history stays. */
export async function archiveGoal(id: number, options: FetchJsonOptions = {}): Promise<void> {
  const endpoint = api(options).goals[':id'];
  const args = { param: { id: String(id) } };
  const path = endpoint.$path(args);
  const response = await endpoint.$delete(args);
  if (response.status === 204) return;
  // Any other answer is a failure; readJson turns it into the ApiError carrying the problem.
  await readJson(path, async () => response, options.signal);
  throw new ApiError({ type: 'about:blank', title: 'Goal not archived', status: response.status });
}

/** What a goal is measured on: its metric, statistic, variant, hours and scope. */
export interface GoalMeasure {
  metric: string;
  stat: string;
  variant: string | null;
  hours: 'business' | 'calendar';
  scope: Record<string, string[]>;
}

/** The query string of a goal's metric over [from, to) at `grain`, limited to the goal's scope (every dimension the API knows). */
export function goalSeriesPath(goal: GoalMeasure, grain: 'week' | 'month' | 'quarter', from: string, to: string): string {
  const query = new URLSearchParams({ grain, from, to, hours: goal.hours });
  if (goal.stat !== 'value') query.set('stat', goal.stat);
  if (goal.variant) query.set('variant', goal.variant);
  for (const [dimension, values] of Object.entries(goal.scope).sort(([a], [b]) => a.localeCompare(b))) {
    for (const value of values) query.append(dimension, value);
  }
  return `/api/metrics/${encodeURIComponent(goal.metric)}?${query}`;
}

/** `GET /api/metrics/:key` as the goal measures it, per `grain` over [from, to). */
export function goalSeries(goal: GoalMeasure, grain: 'week' | 'month' | 'quarter', from: string, to: string, options: FetchJsonOptions = {}): Promise<Series> {
  return fetchJson<Series>(goalSeriesPath(goal, grain, from, to), options);
}
