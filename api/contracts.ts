// Response shapes of the HTTP API. The web imports these as types only (`import type`), never the api's code.

export type Grain = 'day' | 'week' | 'month' | 'quarter';

export interface MetricInfo {
  key: string;
  label: string;
  unit: 'tickets' | 'minutes' | 'percent' | 'score';
  better: 'higher' | 'lower' | 'none';
  aggregation: 'count' | 'duration' | 'rate' | 'score';
  description: string;
  /** The exact definition (PRODUCT.md §4). */
  definition: string;
  /** The formula shown beside a rate or score. */
  formula?: string;
  /** A rate's selectable presets (`variant=`), e.g. first-contact resolution's. */
  variants?: Array<{ name: string; label: string; formula: string }>;
}

/** `GET /api/metrics/:key?grain&by&from&to` */
export interface SeriesResponse {
  metric: MetricInfo;
  grain: Grain;
  /** The dimension the rows are grouped by, or null for one series. */
  by: string | null;
  /** Durations only: the statistic and the hours they are counted in. */
  stat?: 'p50' | 'p90' | 'mean';
  hours?: 'business' | 'calendar';
  /** The rate preset used, or null for the metric's default definition. */
  variant: string | null;
  /** The values each filtered dimension was limited to. */
  filters: Record<string, string[]>;
  /** Inclusive start and exclusive end of the range, ISO dates (UTC). */
  from: string;
  to: string;
  /** Ordered by period, then group. `period` is the ISO date (UTC) the period starts on. */
  rows: Array<{ period: string; group: string | null; value: number | null; tickets: number }>;
  total: { value: number | null; tickets: number };
}

/** `GET /api/health` */
export interface HealthResponse {
  status: 'ok';
  duckdb_version: string;
  schema_version: number;
  data_version: number;
  row_counts: Record<string, number>;
}

/** Every error: an RFC 9457 problem document, served as application/problem+json. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}
