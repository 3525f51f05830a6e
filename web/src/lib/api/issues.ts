// The recurring problems' questions to the API: the ranked list, one issue's detail, its tickets (the drill-down's
// table and CSV). Same style as ./queries.ts: one function per question, the view's filters first, options last.
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { Grain, IssueDetailResponse, IssueEditsResponse, IssueHistoryResponse, IssueListResponse } from '$api/contracts';
import type { IssueListChoice } from '../issues/list-params';
import { fetchJson, readJson, type FetchJsonOptions } from './client';
import { fetchCsv, type TicketPage, type TicketSource } from './drilldown';
import { api } from './rpc';
import { dimensionParams, type ViewFilters } from './view';

/** The view as the issue routes take it: the range and the dimension filters (their figures are calendar time). */
function rangeParams(view: ViewFilters) {
  return { from: view.range.from, to: view.range.to, ...dimensionParams(view) };
}

/** A page of the list, and the period its sparklines and flags count in (the API's default, week, when not given). */
export interface IssueListRequest {
  limit: number;
  offset?: number;
  grain?: Grain;
}

/** `GET /api/issues`: the issues with tickets in the view, ranked by `choice.sort`, only `choice.flag`'s if set. */
export function issueList(view: ViewFilters, choice: IssueListChoice, page: IssueListRequest, options: FetchJsonOptions = {}): Promise<IssueListResponse> {
  const endpoint = api(options).issues;
  const args = {
    query: {
      ...rangeParams(view),
      sort: choice.sort,
      ...(choice.flag ? { flag: choice.flag } : {}),
      limit: String(page.limit),
      ...(page.offset ? { offset: String(page.offset) } : {}),
      ...(page.grain ? { grain: page.grain } : {}),
    },
  };
  return readJson<IssueListResponse>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/** The view as a query string for the routes under `/api/issues/:id`, then `extra`. */
function issueQuery(view: ViewFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ from: view.range.from, to: view.range.to });
  for (const [dimension, values] of Object.entries(dimensionParams(view))) for (const value of values ?? []) query.append(dimension, value);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
}

const issuePath = (id: number, rest = '') => `/api/issues/${encodeURIComponent(String(id))}${rest}`;

/** `GET /api/issues/:id`: its trend, cost, flags, examples, terms, channels, teams and comments over the view. */
export function issueDetail(id: number, view: ViewFilters, options: FetchJsonOptions = {}): Promise<IssueDetailResponse> {
  return fetchJson<IssueDetailResponse>(`${issuePath(id)}?${issueQuery(view)}`, options);
}

/** `GET /api/issues/:id/tickets`: the issue's tickets created in the view, pages in an order, or all as CSV. */
export function issueTicketSource(id: number, view: ViewFilters): TicketSource {
  return {
    page: (request, options) =>
      fetchJson<TicketPage>(
        `${issuePath(id, '/tickets')}?${issueQuery(view, {
          sort: request.sort,
          ...(request.cursor ? { cursor: request.cursor } : {}),
          ...(request.limit === undefined ? {} : { limit: String(request.limit) }),
        })}`,
        options,
      ),
    csv: (sort, options) => fetchCsv(`${issuePath(id, '/tickets')}?${issueQuery(view, { sort })}`, options),
    fileName: `servicepulse-issue-${id}-tickets-${view.range.from}_${view.range.to}.csv`,
  };
}

type IssueEndpoint = ReturnType<typeof api>['issues'][':id'];

/** What `PATCH /api/issues/:id` takes: a new name, a known-problem note (null takes the mark off), and who. */
export type IssuePatch = InferRequestType<IssueEndpoint['$patch']>['json'];
export type IssueEdits = IssueEditsResponse;

/** `PATCH /api/issues/:id`: rename it, or mark it a known problem; what the leads' edits say about it now. */
export function patchIssue(id: number, body: IssuePatch, options: FetchJsonOptions = {}): Promise<IssueEdits> {
  const endpoint = api(options).issues[':id'];
  const args = { param: { id: String(id) }, json: body };
  return readJson<IssueEdits>(endpoint.$path(args), () => endpoint.$patch(args), options.signal);
}

export type IssueMerge = InferResponseType<IssueEndpoint['merge']['$post'], 200>;

/** `POST /api/issues/:id/merge`: its tickets go to `into`, now and at every later load. */
export function mergeIssue(id: number, into: number, by: string, options: FetchJsonOptions = {}): Promise<IssueMerge> {
  const endpoint = api(options).issues[':id'].merge;
  const args = { param: { id: String(id) }, json: { into, by } };
  return readJson<IssueMerge>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}

export type TicketMoveBody = InferRequestType<IssueEndpoint['tickets']['move']['$post']>['json'];
export type TicketMove = InferResponseType<IssueEndpoint['tickets']['move']['$post'], 200>;

/** `POST /api/issues/:id/tickets/move`: some of its tickets to another issue, or split into a new one. */
export function moveIssueTickets(id: number, body: TicketMoveBody, options: FetchJsonOptions = {}): Promise<TicketMove> {
  const endpoint = api(options).issues[':id'].tickets.move;
  const args = { param: { id: String(id) }, json: body };
  return readJson<TicketMove>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}

/** `GET /api/issues/:id/history`: the leads' edits of the issue, oldest first, with who and when. */
export function issueHistory(id: number, options: FetchJsonOptions = {}): Promise<IssueHistoryResponse> {
  const endpoint = api(options).issues[':id'].history;
  const args = { param: { id: String(id) } };
  return readJson<IssueHistoryResponse>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}
