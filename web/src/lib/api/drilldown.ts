// The drill-down's questions to the API: pages of the tickets behind a point, the same tickets as CSV, and one
// ticket's facts. Same style as ./queries.ts (one function per question, `FetchJsonOptions` last).
import type { TicketsResponse } from '$api/contracts';
import { narrowingKeys, type DrilldownQuery } from '../drilldown/drilldown';
import { ApiError, readJson, sessionFetch, type FetchJsonOptions } from './client';
import { api } from './rpc';

/** A page of tickets, with `total`: the tickets on all pages (the point's count, or its measured tickets). */
export type TicketPage = TicketsResponse;

export interface PageRequest {
  sort: string;
  cursor?: string | null;
  limit?: number;
}

/** A bucket's minutes, a heatmap cell's weekday and hour, a score bar's score and scale, when the drill-down has them. */
function narrowingParams(query: DrilldownQuery): Partial<Record<(typeof narrowingKeys)[number], string>> {
  const out: Partial<Record<(typeof narrowingKeys)[number], string>> = {};
  for (const key of narrowingKeys) if (query[key] !== undefined) out[key] = String(query[key]);
  return out;
}

function ticketArgs(query: DrilldownQuery, page: PageRequest) {
  return {
    query: {
      metric: query.metric,
      stat: query.stat,
      variant: query.variant,
      hours: query.hours,
      from: query.from,
      to: query.to,
      sort: page.sort,
      ...narrowingParams(query),
      ...(page.cursor ? { cursor: page.cursor } : {}),
      ...(page.limit === undefined ? {} : { limit: String(page.limit) }),
      ...query.filters,
    },
  };
}

/** `GET /api/tickets` as JSON: one page of the tickets behind the point, in `sort` order. */
export function ticketPage(query: DrilldownQuery, page: PageRequest, options: FetchJsonOptions = {}): Promise<TicketPage> {
  const endpoint = api(options).tickets;
  const args = ticketArgs(query, page);
  return readJson<TicketPage>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/**
 * A CSV export at `path` (an API route that answers `text/csv` when asked): the API's own export of every ticket,
 * not only the loaded pages. A failure is the `ApiError` of its problem document.
 */
export async function fetchCsv(path: string, options: FetchJsonOptions = {}): Promise<string> {
  const doFetch = sessionFetch(options.fetch);
  let response: Response;
  try {
    response = await doFetch(path, { headers: { accept: 'text/csv' }, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw ApiError.from(error);
  }
  if (!response.ok) {
    // The problem document is JSON; read it through the same path as every other answer.
    await readJson(path, async () => response, options.signal);
  }
  return response.text();
}

/** `GET /api/tickets` as CSV (the API's own export of every ticket behind the point, not only the loaded pages). */
export function ticketsCsv(query: DrilldownQuery, sort: string, options: FetchJsonOptions = {}): Promise<string> {
  return fetchCsv(api().tickets.$path(ticketArgs(query, { sort })), options);
}

/** Where a ticket table's rows come from: pages in an order, the same tickets as CSV, and the CSV's file name. */
export interface TicketSource {
  page(request: PageRequest, options?: FetchJsonOptions): Promise<TicketPage>;
  csv(sort: string, options?: FetchJsonOptions): Promise<string>;
  fileName: string;
}

/** The tickets behind a drill-down's point: `GET /api/tickets`. */
export function drilldownSource(query: DrilldownQuery): TicketSource {
  return {
    page: (request, options) => ticketPage(query, request, options),
    csv: (sort, options) => ticketsCsv(query, sort, options),
    fileName: `servicepulse-tickets-${query.metric}-${query.from}_${query.to}.csv`,
  };
}
