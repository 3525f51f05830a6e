// The suggestions' questions to the API (docs/suggestions.md): the list, one suggestion, submitting, voting, comments,
// moves along the workflow and the impact. Through the `hc` client typed by the server's routes; the answers are
// api/contracts.ts's types. Who acts is the signed-in account: no body names a person.
import type { InferRequestType } from 'hono/client';
import type { SuggestionDetailResponse, SuggestionImpactResponse, SuggestionListResponse } from '$api/contracts';
import { readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';

export type Suggestion = SuggestionListResponse['items'][number];
export type SuggestionDetail = SuggestionDetailResponse;
export type SuggestionImpact = SuggestionImpactResponse;
export type SuggestionStatus = Suggestion['status'];
export type SuggestionSort = 'newest' | 'votes' | 'oldest_unanswered';

type Endpoint = ReturnType<typeof api>['suggestions'];

/** What `POST /api/suggestions` takes. */
export type NewSuggestion = InferRequestType<Endpoint['$post']>['json'];
/** What `POST /api/suggestions/:id/move` takes. */
export type SuggestionMove = InferRequestType<Endpoint[':id']['move']['$post']>['json'];

export interface SuggestionQuery {
  status?: readonly SuggestionStatus[];
  team?: string;
  mine?: boolean;
  sort?: SuggestionSort;
  limit?: number;
  cursor?: string | null;
}

/** `GET /api/suggestions`: a page of the list, filtered and sorted. */
export function suggestionList(query: SuggestionQuery, options: FetchJsonOptions = {}): Promise<SuggestionListResponse> {
  const endpoint = api(options).suggestions;
  const args = {
    query: {
      ...(query.status && query.status.length > 0 ? { status: query.status.join(',') } : {}),
      ...(query.team ? { team: query.team } : {}),
      ...(query.mine ? { mine: 'true' as const } : {}),
      ...(query.sort ? { sort: query.sort } : {}),
      ...(query.limit ? { limit: String(query.limit) } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
  };
  return readJson<SuggestionListResponse>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

const param = (id: number) => ({ param: { id: String(id) } });

/** `GET /api/suggestions/:id`: with its comments, the moves the asker may make, and (managers) its audit trail. */
export function suggestionDetail(id: number, options: FetchJsonOptions = {}): Promise<SuggestionDetail> {
  const endpoint = api(options).suggestions[':id'];
  return readJson<SuggestionDetail>(endpoint.$path(param(id)), () => endpoint.$get(param(id)), options.signal);
}

/** `POST /api/suggestions`: 422 names the field that is too long or links what does not exist. */
export function submitSuggestion(body: NewSuggestion, options: FetchJsonOptions = {}): Promise<SuggestionDetail> {
  const endpoint = api(options).suggestions;
  return readJson<SuggestionDetail>(endpoint.$path(), () => endpoint.$post({ json: body }), options.signal);
}

/** `POST` (vote) or `DELETE` (take the vote back) `/api/suggestions/:id/vote`. */
export function setVote(id: number, voted: boolean, options: FetchJsonOptions = {}): Promise<SuggestionDetail> {
  const endpoint = api(options).suggestions[':id'].vote;
  return readJson<SuggestionDetail>(endpoint.$path(param(id)), () => (voted ? endpoint.$post(param(id)) : endpoint.$delete(param(id))), options.signal);
}

/** `POST /api/suggestions/:id/comments`. */
export async function addComment(id: number, body: string, options: FetchJsonOptions = {}): Promise<SuggestionDetail> {
  const endpoint = api(options).suggestions[':id'].comments;
  const args = { ...param(id), json: { body } };
  const created = await readJson<{ suggestion: SuggestionDetail }>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
  return created.suggestion;
}

/** `PATCH /api/suggestions/:id/comments/:commentId`: a new version; the earlier texts stay. */
export function editComment(id: number, commentId: number, body: string, options: FetchJsonOptions = {}): Promise<SuggestionDetail> {
  const endpoint = api(options).suggestions[':id'].comments[':commentId'];
  const args = { param: { id: String(id), commentId: String(commentId) }, json: { body } };
  return readJson<SuggestionDetail>(endpoint.$path(args), () => endpoint.$patch(args), options.signal);
}

/** `POST /api/suggestions/:id/move`: 409 for a move the workflow refuses, 422 for a missing reason or date. */
export function moveSuggestion(id: number, move: SuggestionMove, options: FetchJsonOptions = {}): Promise<SuggestionDetail> {
  const endpoint = api(options).suggestions[':id'].move;
  const args = { ...param(id), json: move };
  return readJson<SuggestionDetail>(endpoint.$path(args), () => endpoint.$post(args), options.signal);
}

/** `GET /api/suggestions/:id/impact`. */
export function suggestionImpact(id: number, options: FetchJsonOptions = {}): Promise<SuggestionImpact> {
  const endpoint = api(options).suggestions[':id'].impact;
  return readJson<SuggestionImpact>(endpoint.$path(param(id)), () => endpoint.$get(param(id)), options.signal);
}
