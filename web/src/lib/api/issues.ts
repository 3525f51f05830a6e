// The recurring problems' questions to the API: the ranked list, one issue's detail, its tickets (the drill-down's
// table and CSV). Same style as ./queries.ts: one function per question, the view's filters first, options last.
import type { IssueDetailResponse, IssueListResponse } from '$api/contracts';
import type { IssueListChoice } from '../issues/list-params';
import { fetchJson, readJson, type FetchJsonOptions } from './client';
import { fetchCsv, type TicketPage, type TicketSource } from './drilldown';
import { api } from './rpc';
import { dimensionParams, type ViewFilters } from './view';

/** The view as the issue routes take it: the range and the dimension filters (their figures are calendar time). */
function rangeParams(view: ViewFilters) {
  return { from: view.range.from, to: view.range.to, ...dimensionParams(view) };
}

/** `GET /api/issues`: the issues with tickets in the view, ranked by `choice.sort`, only `choice.flag`'s if set. */
export function issueList(view: ViewFilters, choice: IssueListChoice, page: { limit: number; offset?: number }, options: FetchJsonOptions = {}): Promise<IssueListResponse> {
  const endpoint = api(options).issues;
  const args = {
    query: {
      ...rangeParams(view),
      sort: choice.sort,
      ...(choice.flag ? { flag: choice.flag } : {}),
      limit: String(page.limit),
      ...(page.offset ? { offset: String(page.offset) } : {}),
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
