// The Teams page's questions to the API: the first-response heatmap and the per-group overview figures.
// Same style as ./queries.ts.
import type { InferResponseType } from 'hono/client';
import type { FilterOption } from '../filters/options';
import type { CompareBy, GroupFigures } from '../teams/comparison';
import { viewOfGroup } from '../teams/comparison';
import { readJson, type FetchJsonOptions } from './client';
import { overview } from './queries';
import { api } from './rpc';
import type { Stat } from './series';
import { viewParams, type ViewFilters } from './view';

type Api = ReturnType<typeof api>;
export type Heatmap = InferResponseType<Api['metrics'][':key']['heatmap']['$get'], 200>;

/** `GET /api/metrics/:key/heatmap`: a duration by creation hour × weekday in each ticket's team time zone, per channel. */
export function heatmap(key: string, view: ViewFilters, stat: Stat = 'p50', options: FetchJsonOptions = {}): Promise<Heatmap> {
  const endpoint = api(options).metrics[':key'].heatmap;
  const args = { param: { key: encodeURIComponent(key) }, query: { ...viewParams(view), stat } };
  return readJson(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}

/** The overview's headline figures for each group (one `GET /api/overview` each, together). */
export async function groupFigures(view: ViewFilters, by: CompareBy, groups: readonly FilterOption[], options: FetchJsonOptions = {}): Promise<GroupFigures[]> {
  const answers = await Promise.all(groups.map((group) => overview(viewOfGroup(view, by, group.value), options)));
  return groups.map((group, i) => ({ group, headline: answers[i]!.headline }));
}
