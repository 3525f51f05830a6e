// `GET /api/metrics/:key`: a metric as rows per period (and group).
import type { InferResponseType } from 'hono/client';
import type { Grain } from '$api/contracts';
import type { FilterDimension } from '../filters/filters';
import { filterDimensions } from '../filters/filters';
import { readJson, type FetchJsonOptions } from './client';
import { api } from './rpc';

export type Stat = 'p50' | 'p90' | 'mean';

export interface SeriesParams extends Partial<Record<FilterDimension, string[]>> {
  grain?: Grain;
  /** Dimension to group by, e.g. `channel`. */
  by?: string;
  /** Inclusive start, ISO date. */
  from?: string;
  /** Exclusive end, ISO date. */
  to?: string;
  /** Durations: the statistic. */
  stat?: Stat;
  hours?: 'business' | 'calendar';
  /** A rate's preset. */
  variant?: string;
}

type SeriesEndpoint = ReturnType<typeof api>['metrics'][':key'];
export type Series = InferResponseType<SeriesEndpoint['$get'], 200>;

/** The request's arguments: parameters in a fixed order, unset and empty ones left out. */
function seriesArgs(key: string, params: SeriesParams) {
  const { grain, by, from, to, stat, hours, variant } = params;
  const dimensions: Partial<Record<FilterDimension, string[]>> = {};
  for (const name of filterDimensions) {
    const values = params[name];
    if (values && values.length > 0) dimensions[name] = values;
  }
  const query = {
    grain,
    by: by || undefined,
    from: from || undefined,
    to: to || undefined,
    stat,
    hours,
    variant: variant || undefined,
    ...dimensions,
  };
  return { param: { key: encodeURIComponent(key) }, query };
}

/** `/api/metrics/created?grain=week&by=channel`, as the client requests it. */
export function seriesPath(key: string, params: SeriesParams = {}): string {
  return api().metrics[':key'].$path(seriesArgs(key, params));
}

export function getSeries(key: string, params: SeriesParams = {}, options: FetchJsonOptions = {}): Promise<Series> {
  const endpoint = api(options).metrics[':key'];
  const args = seriesArgs(key, params);
  return readJson<Series>(endpoint.$path(args), () => endpoint.$get(args), options.signal);
}
