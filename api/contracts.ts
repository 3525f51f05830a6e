// Response shapes of the HTTP API. The web imports these as types only (`import type`), never the api's code.

export type Grain = 'day' | 'week' | 'month' | 'quarter';

export interface MetricInfo {
  key: string;
  label: string;
  unit: 'tickets' | 'minutes' | 'percent' | 'score';
  better: 'higher' | 'lower' | 'none';
  aggregation: 'count' | 'duration' | 'rate' | 'score' | 'backlog';
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

/** `GET /api/metrics/:key/distribution`: a duration's tickets per bucket, [from_minutes, to_minutes). */
export interface DistributionResponse {
  metric: MetricInfo;
  hours: 'business' | 'calendar';
  filters: Record<string, string[]>;
  from: string;
  to: string;
  buckets: Array<{ label: string; from_minutes: number; to_minutes: number | null; tickets: number }>;
  /** Tickets measured (the sum of the buckets unless a duration was negative). */
  tickets: number;
}

/** `GET /api/tickets`: a page of the tickets behind a metric point (also served as CSV and Arrow IPC). */
export interface TicketsResponse {
  tickets: Array<{
    ticket_id: number;
    source: string;
    external_id: string;
    subject: string | null;
    status: string;
    channel: string;
    priority: string | null;
    category: string | null;
    team_id: string | null;
    assignee_id: string | null;
    requester_id: string | null;
    organization: string | null;
    /** ISO 8601 instants, UTC. */
    created_at: string | null;
    first_response_at: string | null;
    solved_at: string | null;
    /** Minutes for a duration metric; whether the ticket counts in a rate's numerator; null otherwise. */
    value: number | boolean | null;
  }>;
  /** Pass as `cursor` for the next page; null on the last. */
  next_cursor: string | null;
}

/** `GET /api/overview?from&to&hours&<filters>`: the landing page in one answer. */
export interface OverviewResponse {
  from: string;
  to: string;
  /** The period before, as long as the range, that each headline figure is compared with. */
  previous_from: string;
  hours: 'business' | 'calendar';
  filters: Record<string, string[]>;
  headline: Array<{
    key: string;
    metric: MetricInfo;
    /** Durations are medians here. */
    stat: 'p50' | null;
    value: number | null;
    tickets: number;
    previous_value: number | null;
    previous_tickets: number;
  }>;
  goals: Array<{
    goal_id: number;
    name: string;
    metric: string;
    comparator: '<=' | '<' | '>=' | '>';
    target: number;
    unit: string;
    period: 'week' | 'month' | 'quarter';
    current: {
      period_start: string;
      period_end: string;
      value_so_far: number | null;
      tickets: number;
      elapsed: number;
      projection: { value: number | null; method: string };
      status: 'met' | 'at_risk' | 'missed' | 'no_data';
    } | null;
    last_closed: { period_start: string; value: number | null; status: 'met' | 'at_risk' | 'missed' | 'no_data'; revision: number } | null;
  }>;
  /** Tickets created per week and channel in the range. */
  volume: SeriesResponse['rows'];
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

export type ImportState = 'queued' | 'loading' | 'committed' | 'failed' | 'dry_run';

/** The steps of a load, in order (pipelines/load.ts `LoadStep`). */
export type ImportStep = 'read' | 'validated' | 'merged' | 'facts';

export interface ImportRows {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/**
 * `GET /api/imports/:id`, and each item of `GET /api/imports`. An upload of this server's run has a
 * generated id and is followed step by step; a past load (from the `loads` table) has its load id as id.
 */
export interface ImportResponse {
  id: string;
  /** Set once the load has run (a dry run's id was never stored). */
  load_id: number | null;
  state: ImportState;
  /** The last step the load completed. */
  step: ImportStep | null;
  /** How far a running load is (pipelines/progress.ts), null before it starts. */
  progress: { phase: string; fraction: number; seconds: number; bytes_read: number; rows: number | null } | null;
  /** The file's name as uploaded or named. */
  file: string;
  bytes: number | null;
  /** The export's format (the mapping's source), when this server chose it. */
  format: string | null;
  /** The helpdesk the records belong to. */
  source: string;
  kind: string;
  started_at: string | null;
  finished_at: string | null;
  rows: ImportRows | null;
  top_rejects: Array<{ reason: string; count: number }>;
  /** The load's full summary (pipelines/load.ts `LoadSummary`), for uploads of this server's run. */
  summary: Record<string, unknown> | null;
  error: string | null;
  links: { self: string; rejects: string | null };
}

/** `GET /api/imports?limit&cursor`: loads under way first, then past loads, newest first. */
export interface ImportListResponse {
  imports: ImportResponse[];
  next_cursor: string | null;
}

/** `GET /api/imports/:id/rejects?limit&cursor`, in line order. */
export interface RejectsResponse {
  load_id: number;
  total: number;
  rejects: Array<{ line: number | null; column: string | null; value: string | null; reason: string }>;
  next_cursor: string | null;
}
