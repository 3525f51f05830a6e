// The Feedback page's question to the API: survey comments. Same style as ./queries.ts.
import type { InferResponseType } from 'hono/client';
import { commentsQuery, type CommentSearch } from '../feedback/comments';
import { readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';
import type { ViewFilters } from './view';

type Api = ReturnType<typeof api>;
export type Comments = InferResponseType<Api['feedback']['comments']['$get'], 200>;

/** `GET /api/feedback/comments`: a page of comments matching the search over the view, newest first. */
export function feedbackComments(view: ViewFilters, search: CommentSearch, page: { limit: number; offset: number }, options: FetchJsonOptions = {}): Promise<Comments> {
  const endpoint = api(options).feedback.comments;
  const args = { query: commentsQuery(view, search, page) };
  return readJson(endpoint.$path(args), () => endpoint.$get(args as never), options.signal);
}
