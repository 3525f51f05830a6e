// `GET /api/metrics/:key`: a metric as rows per period (and group).
import type { Grain, SeriesResponse } from '$api/contracts';
import { fetchJson, type FetchJsonOptions } from './client';

export interface SeriesParams {
  grain?: Grain;
  /** Dimension to group by, e.g. `channel`. */
  by?: string;
  /** Inclusive start, ISO date. */
  from?: string;
  /** Exclusive end, ISO date. */
  to?: string;
}

const PARAM_ORDER = ['grain', 'by', 'from', 'to'] as const;

/** `/api/metrics/created?grain=week&by=channel`: parameters in a fixed order, unset ones left out. */
export function seriesPath(key: string, params: SeriesParams = {}): string {
  const query = new URLSearchParams();
  for (const name of PARAM_ORDER) {
    const value = params[name];
    if (value !== undefined && value !== '') query.set(name, value);
  }
  const qs = query.toString();
  return `/api/metrics/${encodeURIComponent(key)}${qs ? `?${qs}` : ''}`;
}

export function getSeries(key: string, params: SeriesParams = {}, options: FetchJsonOptions = {}): Promise<SeriesResponse> {
  return fetchJson<SeriesResponse>(seriesPath(key, params), options);
}
