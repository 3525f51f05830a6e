// The tickets behind any point of a metric: the same rows, period attribution and filters as the series,
// optionally only those whose outcome met or missed (a rate's numerator, or a duration against a target).
// A survey metric's rows are answers: its tickets are those its answers are about (each once), optionally only
// the answers with one score on one scale (a bar of its distribution).
import { listValue } from '@duckdb/node-api';
import { paramsUsedBy, type Database } from '../db.ts';
import { factScopeSql } from './filters.ts';
import { localCreatedSql, teamZoneJoin } from './heatmap.ts';
import type { Metric } from './registry.ts';
import { clockParams, metricAggregate, type Filters, type MetricOptions } from './series.ts';

export const ticketSorts = ['created_at', 'solved_at', 'first_response_at', 'value'] as const;
export type TicketSort = (typeof ticketSorts)[number];

export interface DrilldownQuery {
  /** Without a metric, the tickets created in the range. */
  metric?: Metric;
  options: MetricOptions;
  filters?: Filters;
  from: Date;
  to: Date;
  outcome?: 'met' | 'missed';
  /** Durations: the minutes a ticket must not exceed to have met. */
  target?: number;
  /** Durations: only values in [from, to) minutes (a distribution's bucket; `to` absent: no upper bound). */
  minutes?: { from?: number; to?: number };
  /** Only tickets created on this ISO weekday (1 = Monday) and/or hour (0–23), in the team's time zone (a heatmap cell). */
  createdLocal?: { weekday?: number; hour?: number };
  /** Survey metrics: only answers with this score on this scale. */
  score?: { score: number; scaleMax: number };
  /** Only the tickets of these requesters (a customer's tickets, from the Customers page). */
  requesters?: string[];
  sort: TicketSort;
  descending: boolean;
  limit: number;
  cursor?: { after: string | number; ticketId: number };
}

export interface TicketRow {
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
  created_at: string | null;
  first_response_at: string | null;
  solved_at: string | null;
  /** The metric's value for this ticket: minutes for a duration, whether it counts in a rate's numerator, a survey's score (its latest answer in the range). */
  value: number | boolean | null;
}

/** Why a drill-down cannot be answered as asked; the API turns it into a 400 problem. */
export class DrilldownError extends Error {}

// Sort keys never NULL, so a cursor can compare them: a missing instant sorts after every real one.
const sortSql: Record<TicketSort, string> = {
  created_at: "coalesce(t.created_at, TIMESTAMPTZ '9999-12-31 00:00:00+00')",
  solved_at: "coalesce(t.solved_at, TIMESTAMPTZ '9999-12-31 00:00:00+00')",
  first_response_at: "coalesce(t.first_response_at, TIMESTAMPTZ '9999-12-31 00:00:00+00')",
  value: 'coalesce(CAST(value AS DOUBLE), 1e308)',
};

interface MetricParts {
  rows: string;
  value: string;
  met: string | undefined;
  time: string | null;
  /** Survey answers, one row per ticket of them (`value` is then an aggregate). */
  answers?: true;
}

function metricParts(query: DrilldownQuery): MetricParts {
  const metric = query.metric;
  if (query.score && metric?.aggregation !== 'score') {
    throw new DrilldownError(`score: applies to survey metrics (csat, nps, ces …)${metric ? `; ${metric.key} is not one` : ', with metric='}`);
  }
  if (!metric) return { rows: 'true', value: 'NULL', met: undefined, time: 'f.created_at' };
  if (metric.aggregation === 'score') {
    const rows = query.score ? `(${metric.where}) AND f.score = $score AND f.scale_max = $scale_max` : metric.where;
    return { rows: `${rows} AND f.ticket_id IS NOT NULL`, value: 'arg_max(f.score, f.submitted_at)', met: undefined, time: `f.${metric.period_column}`, answers: true };
  }
  // Its base, the tickets created in the range: whether one is in its period's top issues depends on the grain.
  if (metric.aggregation === 'recurring_share') return { rows: 'true', value: 'NULL', met: undefined, time: 'f.created_at' };
  if (metric.aggregation === 'duration' && metric.source !== 'ticket_facts') {
    throw new DrilldownError(`metric: ${metric.key} is measured over suggestions, not tickets (GET /api/suggestions lists them)`);
  }
  const { rows } = metricAggregate(metric, query.options);
  const time = `f.${metric.period_column}`;
  switch (metric.aggregation) {
    case 'count':
      return { rows, value: 'NULL', met: undefined, time };
    case 'duration': {
      const minutes = `(f.${metric.seconds[query.options.hours]} / 60)`;
      return { rows, value: minutes, met: query.target === undefined ? undefined : `${minutes} <= $target`, time };
    }
    case 'rate': {
      const numerator = (query.options.variant ? metric.variants?.[query.options.variant]?.numerator : undefined) ?? metric.numerator;
      const counted = `coalesce(${numerator}, false)`;
      // A lower-is-better rate (reopens, escalations) is met by the tickets it does not count.
      return { rows, value: counted, met: metric.better === 'lower' ? `NOT ${counted}` : counted, time };
    }
    case 'backlog':
      // The tickets open at the end of the range, whenever they were created.
      return { rows, value: 'NULL', met: undefined, time: null };
  }
}

export interface DrilldownPage {
  tickets: TicketRow[];
  next: DrilldownQuery['cursor'] | null;
  /** Every ticket behind the point, all pages (with `countAll`). */
  total?: number;
}

export async function queryTickets(db: Database, query: DrilldownQuery & { countAll?: boolean }): Promise<DrilldownPage> {
  const parts = metricParts(query);
  const scope = factScopeSql({ time: parts.time, rows: parts.rows, filters: query.filters });
  const where = scope.where;
  const params: Record<string, unknown> = { from: query.from.toISOString(), to: query.to.toISOString(), ...scope.params, limit: query.limit + 1 };
  if (query.outcome) {
    if (!parts.met) {
      throw new DrilldownError(
        query.metric?.aggregation === 'duration'
          ? 'outcome: a duration has an outcome only against a target; add target=<minutes>'
          : `outcome: ${query.metric ? `${query.metric.key} is ${query.metric.aggregation === 'recurring_share' ? 'a share of issues, not judged per ticket' : query.metric.aggregation === 'score' ? 'a survey score; drill into one score with score and scale_max' : 'a count'}` : 'there is no metric'}; outcomes apply to rates and to durations with a target`,
      );
    }
    where.push(query.outcome === 'met' ? `(${parts.met})` : `NOT coalesce(${parts.met}, false)`);
  }
  if (parts.met?.includes('$target')) params.target = query.target;
  if (query.minutes && (query.minutes.from !== undefined || query.minutes.to !== undefined)) {
    if (query.metric?.aggregation !== 'duration') {
      throw new DrilldownError(`from_minutes, to_minutes: ${query.metric ? `${query.metric.key} is not a duration` : 'there is no metric'}; a range of minutes applies to durations`);
    }
    // On the seconds, as the distribution's buckets count them ([lower, upper)), so a bucket lists exactly its tickets.
    const seconds = `f.${query.metric.seconds[query.options.hours]}`;
    if (query.minutes.from !== undefined) {
      where.push(`${seconds} >= $from_minutes * 60`);
      params.from_minutes = query.minutes.from;
    }
    if (query.minutes.to !== undefined) {
      where.push(`${seconds} < $to_minutes * 60`);
      params.to_minutes = query.minutes.to;
    }
  }
  const local = query.createdLocal;
  if (local?.weekday !== undefined) {
    where.push(`isodow(${localCreatedSql}) = $weekday`);
    params.weekday = local.weekday;
  }
  if (local?.hour !== undefined) {
    where.push(`hour(${localCreatedSql}) = $hour`);
    params.hour = local.hour;
  }
  const zoned = local?.weekday !== undefined || local?.hour !== undefined;
  if (zoned && parts.answers) {
    throw new DrilldownError(`weekday, hour: ${query.metric?.key} counts survey answers; a weekday or hour of creation applies to tickets`);
  }
  if (query.requesters && query.requesters.length > 0) {
    if (parts.answers) throw new DrilldownError(`requester: ${query.metric?.key} counts survey answers; a requester applies to tickets`);
    where.push('list_contains($requesters, f.requester_id)');
    params.requesters = listValue(query.requesters);
  }
  if (query.score) Object.assign(params, { score: query.score.score, scale_max: query.score.scaleMax });
  Object.assign(params, clockParams(query.metric, query.options));
  const sort = sortSql[query.sort];
  const direction = query.descending ? 'DESC' : 'ASC';
  const outer: string[] = [];
  if (query.cursor) {
    outer.push(`(${sort} ${query.descending ? '<' : '>'} $after OR (${sort} = $after AND t.ticket_id ${query.descending ? '<' : '>'} $after_id))`);
    params.after = query.cursor.after;
    params.after_id = query.cursor.ticketId;
  }
  const measured = parts.answers
    ? `WITH measured AS (
       SELECT f.ticket_id, ${parts.value} AS value FROM feedback_facts f WHERE ${where.join(' AND ')} GROUP BY f.ticket_id
     )`
    : `WITH measured AS (
       SELECT f.ticket_id, ${parts.value} AS value FROM ticket_facts f ${zoned ? teamZoneJoin : ''} WHERE ${where.join(' AND ')}
     )`;
  const sql = `${measured}
     SELECT t.ticket_id::INTEGER AS ticket_id, t.source, t.external_id, t.subject, t.status, t.channel, t.priority, t.category,
            t.team_id, t.assignee_id, t.requester_id, t.organization,
            strftime(t.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
            strftime(t.first_response_at, '%Y-%m-%dT%H:%M:%SZ') AS first_response_at,
            strftime(t.solved_at, '%Y-%m-%dT%H:%M:%SZ') AS solved_at,
            value, ${sort}::VARCHAR AS sort_key
       FROM measured JOIN tickets t USING (ticket_id)
      ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
      ORDER BY ${sort} ${direction}, t.ticket_id ${direction}
      LIMIT $limit`;
  // A backlog has no range start: only the parameters the statement names are bound.
  const rows = await db.read<TicketRow & { sort_key: string | number } & Record<string, unknown>>(sql, paramsUsedBy(sql, params) as Record<string, never>);
  let total: number | undefined;
  if (query.countAll) {
    const countSql = `${measured} SELECT count(*)::INTEGER AS total FROM measured`;
    total = (await db.readOne<{ total: number }>(countSql, paramsUsedBy(countSql, params) as Record<string, never>))!.total;
  }
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    tickets: page.map(({ sort_key: _sortKey, ...ticket }) => ticket),
    next: more && last ? { after: last.sort_key, ticketId: last.ticket_id } : null,
    ...(total === undefined ? {} : { total }),
  };
}
