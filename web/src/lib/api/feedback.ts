// The Feedback page's questions to the API: survey comments, and a survey's answers per score. Same style as ./queries.ts.
import type { InferResponseType } from 'hono/client';
import { commentsQuery, type CommentSearch } from '../feedback/comments';
import { readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';
import { dimensionParams, type ViewFilters } from './view';

type Api = ReturnType<typeof api>;
export type Comments = InferResponseType<Api['feedback']['comments']['$get'], 200>;

/** `GET /api/feedback/comments`: a page of comments matching the search over the view, newest first. */
export function feedbackComments(view: ViewFilters, search: CommentSearch, page: { limit: number; offset: number }, options: FetchJsonOptions = {}): Promise<Comments> {
  const endpoint = api(options).feedback.comments;
  const args = { query: commentsQuery(view, search, page) };
  return readJson(endpoint.$path(args), () => endpoint.$get(args as never), options.signal);
}

export type ScoreDistribution = InferResponseType<Api['feedback'][':key']['distribution']['$get'], 200>;

/** `GET /api/feedback/:key/distribution`: a survey metric's answers per score over the view's range and filters. */
export function scoreDistribution(key: string, view: ViewFilters, options: FetchJsonOptions = {}): Promise<ScoreDistribution> {
  const endpoint = api(options).feedback[':key'].distribution;
  const args = { param: { key: encodeURIComponent(key) }, query: { from: view.range.from, to: view.range.to, ...dimensionParams(view) } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}
