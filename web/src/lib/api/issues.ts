// The recurring problems' questions to the API: the ranked list, one issue's detail, its tickets (the drill-down's
// table and CSV). Same style as ./queries.ts: one function per question, the view's filters first, options last.
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { Grain, IssueDetailResponse, IssueEditsResponse, IssueHistoryResponse, IssueListResponse } from '$api/contracts';
import type { IssueListChoice } from '../issues/list-params';
import { readJson, type FetchJsonOptions } from './client';
import { fetchCsv, type PageRequest, type TicketPage, type TicketSource } from './drilldown';
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

/** `GET /api/issues/:id`: its trend, cost, flags, examples, terms, channels, teams and comments over the view. */
export function issueDetail(id: number, view: ViewFilters, options: FetchJsonOptions = {}): Promise<IssueDetailResponse> {
  const endpoint = api(options).issues[':id'];
  const args = { param: { id: String(id) }, query: rangeParams(view) };
  return readJson<IssueDetailResponse>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/**
 * `GET /api/issues/:id/tickets`: the issue's tickets created in the view (the drill-down's question with the issue
 * set), pages in an order, or all of them as the API's CSV.
 */
export function issueTicketSource(id: number, view: ViewFilters): TicketSource {
  const argsOf = (page: PageRequest) => ({
    param: { id: String(id) },
    query: {
      ...rangeParams(view),
      sort: page.sort,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      ...(page.limit === undefined ? {} : { limit: String(page.limit) }),
    },
  });
  return {
    page: (request, options = {}) => {
      const endpoint = api(options).issues[':id'].tickets;
      const args = argsOf(request);
      return readJson<TicketPage>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
    },
    csv: (sort, options) => fetchCsv(api().issues[':id'].tickets.$path(argsOf({ sort })), options),
    fileName: `servicepulse-issue-${id}-tickets-${view.range.from}_${view.range.to}.csv`,
  };
}

type IssueEndpoint = ReturnType<typeof api>['issues'][':id'];

// Who acts is the signed-in account (issue 13): the server records its name, and the bodies carry no `by`. Main's
// route types still list `by` until the accounts API is merged, which makes it optional; the casts below bridge that
// and can go then.
type PatchJson = InferRequestType<IssueEndpoint['$patch']>['json'];
type MoveJson = InferRequestType<IssueEndpoint['tickets']['move']['$post']>['json'];

/** What `PATCH /api/issues/:id` takes: a new name, or a known-problem note (null takes the mark off). */
export type IssuePatch = Omit<PatchJson, 'by'>;
export type IssueEdits = IssueEditsResponse;

/** `PATCH /api/issues/:id`: rename it, or mark it a known problem; what the leads' edits say about it now. */
export function patchIssue(id: number, body: IssuePatch, options: FetchJsonOptions = {}): Promise<IssueEdits> {
  const endpoint = api(options).issues[':id'];
  const args = { param: { id: String(id) }, json: body as PatchJson };
  return readJson<IssueEdits>(endpoint.$path(args), () => endpoint.$patch(args), options.signal);
}

export type IssueMerge = InferResponseType<IssueEndpoint['merge']['$post'], 200>;

/** `POST /api/issues/:id/merge`: its tickets go to `into`, now and at every later load. */
export function mergeIssue(id: number, into: number, options: FetchJsonOptions = {}): Promise<IssueMerge> {
  const endpoint = api(options).issues[':id'].merge;
  const args = { param: { id: String(id) }, json: { into } as { into: number; by: string } };
  return readJson<IssueMerge>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}

export type TicketMoveBody = Omit<MoveJson, 'by'>;
export type TicketMove = InferResponseType<IssueEndpoint['tickets']['move']['$post'], 200>;

/** `POST /api/issues/:id/tickets/move`: some of its tickets to another issue, or split into a new one. */
export function moveIssueTickets(id: number, body: TicketMoveBody, options: FetchJsonOptions = {}): Promise<TicketMove> {
  const endpoint = api(options).issues[':id'].tickets.move;
  const args = { param: { id: String(id) }, json: body as MoveJson };
  return readJson<TicketMove>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}

/** `GET /api/issues/:id/history`: the leads' edits of the issue, oldest first, with who and when. */
export function issueHistory(id: number, options: FetchJsonOptions = {}): Promise<IssueHistoryResponse> {
  const endpoint = api(options).issues[':id'].history;
  const args = { param: { id: String(id) } };
  return readJson<IssueHistoryResponse>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}
