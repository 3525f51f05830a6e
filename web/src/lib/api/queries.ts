// The dashboard's questions to the API, one function each. Every function that reads data for a view takes the
// view's filters (`ViewFilters`: the range, the dimension values and the hours) and `FetchJsonOptions` (an abort
// signal, a fetch for tests). Answers are typed from the server's routes through the `hc<AppType>` client, so a
// wrong parameter or a misread field fails `npm run typecheck`. Failures are `ApiError`s carrying the API's
// problem document (./client.ts).
import type { InferResponseType } from 'hono/client';
import type { z } from 'zod';
import type { Grain, teamListResponseSchema, TicketsResponse } from '$api/contracts';
import type { DataExtent } from '../filters/presets';
import { readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';
import { getSeries, type Series, type Stat } from './series';
import { dimensionParams, viewParams, type ViewFilters } from './view';

type Api = ReturnType<typeof api>;

/** How a metric is asked for: its grain and grouping, and for durations and rates their options. */
export interface SeriesRequest {
  grain: Grain;
  by?: string;
  stat?: Stat;
  variant?: string;
}

/** `GET /api/metrics/:key`: the metric per period (and group) over the view. */
export function metricSeries(key: string, view: ViewFilters, request: SeriesRequest, options: FetchJsonOptions = {}): Promise<Series> {
  return getSeries(key, { ...request, ...viewParams(view) }, options);
}

export type Distribution = InferResponseType<Api['metrics'][':key']['distribution']['$get'], 200>;

/** `GET /api/metrics/:key/distribution`: a duration's tickets per bucket over the view. */
export function metricDistribution(key: string, view: ViewFilters, options: FetchJsonOptions = {}): Promise<Distribution> {
  const endpoint = api(options).metrics[':key'].distribution;
  const args = { param: { key: encodeURIComponent(key) }, query: viewParams(view) };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

export type MetricRegistry = InferResponseType<Api['metrics']['$get'], 200>;

/** `GET /api/metrics`: every metric with its label, unit, definition and formula. */
export function metricRegistry(options: FetchJsonOptions = {}): Promise<MetricRegistry> {
  const endpoint = api(options).metrics;
  return readJson(endpoint.$path(), () => endpoint.$get(), options.signal);
}

export type Overview = InferResponseType<Api['overview']['$get'], 200>;

/** `GET /api/overview`: headline figures beside the period before, goal scorecards and weekly volume. */
export function overview(view: ViewFilters, options: FetchJsonOptions = {}): Promise<Overview> {
  const endpoint = api(options).overview;
  const args = { query: viewParams(view) };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

export type Goals = InferResponseType<Api['goals']['$get'], 200>;

/** `GET /api/goals`: every goal with its open period and its last closed one. */
export function goals(options: FetchJsonOptions = {}): Promise<Goals> {
  const endpoint = api(options).goals;
  return readJson(endpoint.$path(), () => endpoint.$get(), options.signal);
}

export type GoalReport = InferResponseType<Api['goals'][':id']['$get'], 200>;

/** `GET /api/goals/:id`: every period of one goal. */
export function goalReport(id: number, options: FetchJsonOptions = {}): Promise<GoalReport> {
  const endpoint = api(options).goals[':id'];
  const args = { param: { id: String(id) } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/** A JSON page (the route also answers CSV and Arrow, which `hc` types as text). */
export type TicketPage = TicketsResponse;

/** What a drill-down asks for besides the view: the metric point's options, order and page. */
export interface TicketsRequest {
  metric?: string;
  stat?: Stat;
  variant?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

/** `GET /api/tickets`: a page of the tickets behind a metric over the view (a drill-down narrows the view to one period). */
export function tickets(view: ViewFilters, request: TicketsRequest = {}, options: FetchJsonOptions = {}): Promise<TicketPage> {
  const endpoint = api(options).tickets;
  const { limit, ...rest } = request;
  const args = { query: { ...viewParams(view), ...rest, ...(limit === undefined ? {} : { limit: String(limit) }) } };
  return readJson<TicketPage>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/** The route's handler answers through a helper `hc` cannot see into, so the type comes from its schema. */
export type Teams = z.infer<typeof teamListResponseSchema>;

/** `GET /api/teams`: teams with their provider and time zone (the filter bar's team list). */
export function teams(options: FetchJsonOptions = {}): Promise<Teams> {
  const endpoint = api(options).teams;
  return readJson<Teams>(endpoint.$path(), () => endpoint.$get(), options.signal);
}

export type Backlog = InferResponseType<Api['backlog']['$get'], 200>;

/** `GET /api/backlog`: the tickets open at the end of the view's range, by age, and each assignee's oldest. */
export function backlog(view: ViewFilters, options: FetchJsonOptions = {}): Promise<Backlog> {
  const endpoint = api(options).backlog;
  const args = { query: { at: `${view.range.to}T00:00:00Z`, ...dimensionParams(view) } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

export type Imports = InferResponseType<Api['imports']['$get'], 200>;

/** `GET /api/imports`: loads under way, then past loads, newest first. */
export function imports(request: { limit?: number; cursor?: string } = {}, options: FetchJsonOptions = {}): Promise<Imports> {
  const endpoint = api(options).imports;
  const args = { query: { limit: request.limit === undefined ? undefined : String(request.limit), cursor: request.cursor } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

export type Health = InferResponseType<Api['health']['$get'], 200>;

/** `GET /api/health`: versions and row counts. */
export function health(options: FetchJsonOptions = {}): Promise<Health> {
  const endpoint = api(options).health;
  return readJson(endpoint.$path(), () => endpoint.$get(), options.signal);
}

type DataExtentAnswer = InferResponseType<Api['data']['extent']['$get'], 200>;

/** `GET /api/data/extent`: the first and last day of data, which every range preset ends at. */
export async function dataExtent(options: FetchJsonOptions = {}): Promise<DataExtent> {
  const endpoint = api(options).data.extent;
  const { first_day, last_day } = await readJson<DataExtentAnswer>(endpoint.$path(), () => endpoint.$get(), options.signal);
  return { first_day, last_day };
}
