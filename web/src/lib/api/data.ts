// The Data page's questions to the API: one import and its rejects, uploading an export, and a team's calendar.
// Same style as ./queries.ts (typed through `hc<AppType>`, failures as `ApiError`s with the problem document).
import type { InferResponseType } from 'hono/client';
import type { ImportResponse } from '$api/contracts';
import { acceptJson, readJson, sessionFetch, type FetchJsonOptions } from './client';
import { api } from './rpc';

type Api = ReturnType<typeof api>;

/** `GET /api/imports/:id`: one import's state, progress and counts (an upload's id, or a load id). */
export function importStatus(id: string, options: FetchJsonOptions = {}): Promise<ImportResponse> {
  const endpoint = api(options).imports[':id'];
  const args = { param: { id } };
  return readJson<ImportResponse>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

export type Rejects = InferResponseType<Api['imports'][':id']['rejects']['$get'], 200>;

/** `GET /api/imports/:id/rejects`: a page of a load's rejected rows, in line order. */
export function rejects(loadId: number, request: { limit?: number; cursor?: string } = {}, options: FetchJsonOptions = {}): Promise<Rejects> {
  const endpoint = api(options).imports[':id'].rejects;
  const args = {
    param: { id: String(loadId) },
    query: { limit: request.limit === undefined ? undefined : String(request.limit), cursor: request.cursor },
  };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/** Every reject of a load, page after page (for the CSV download). */
export async function allRejects(loadId: number, options: FetchJsonOptions = {}): Promise<Rejects['rejects']> {
  const rows: Rejects['rejects'] = [];
  let cursor: string | undefined;
  do {
    const page = await rejects(loadId, { limit: 1000, cursor }, options);
    rows.push(...page.rejects);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return rows;
}

/**
 * `POST /api/imports` with the file as multipart/form-data (same origin, so the server's cross-site write guard
 * lets it through; the session's CSRF token added by `sessionFetch`). Answers the queued import to follow with `importStatus`.
 */
export function uploadExport(file: File, options: FetchJsonOptions = {}): Promise<ImportResponse> {
  const doFetch = sessionFetch(options.fetch);
  const form = new FormData();
  form.append('file', file, file.name);
  const path = '/api/imports';
  return readJson<ImportResponse>(path, () => doFetch(path, { method: 'POST', body: form, headers: acceptJson, signal: options.signal }), options.signal);
}

export type TeamCalendar = InferResponseType<Api['teams'][':id']['calendar']['$get'], 200>;

/** `GET /api/teams/:id/calendar`: weekly open hours and holidays. */
export function teamCalendar(teamId: string, options: FetchJsonOptions = {}): Promise<TeamCalendar> {
  const endpoint = api(options).teams[':id'].calendar;
  const args = { param: { id: encodeURIComponent(teamId) } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

export type CalendarSaved = InferResponseType<Api['teams'][':id']['calendar']['$put'], 200>;

/** `PUT /api/teams/:id/calendar`: replaces the calendar; a 400 problem's `issues` name the fields refused. */
export function saveCalendar(teamId: string, calendar: TeamCalendar, options: FetchJsonOptions = {}): Promise<CalendarSaved> {
  const endpoint = api(options).teams[':id'].calendar;
  const args = { param: { id: encodeURIComponent(teamId) }, json: calendar as never };
  return readJson(endpoint.$path(args), () => endpoint.$put(args), options.signal);
}
