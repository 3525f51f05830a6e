// Per issue, the figures of its tickets (issue 12 §2): over a range, tickets, distinct customers, reopened and
// escalated tickets, agent replies, median resolution and the not-satisfied share of CSAT answers; per period, its
// tickets; and when it was first seen. An issue is the text issue of `ticket_issues` (sql/schema/008_issues.sql),
// the one place that says which issue a ticket is in now. Filters narrow the tickets first, as everywhere.
import { listValue } from '@duckdb/node-api';
import { nameTermCount } from '../../pipelines/issues/naming.ts';
import type { Params, Query } from '../db.ts';
import { utcPeriodStart, type Grain } from '../metrics/dimensions.ts';
import { filterSql, type Filters } from '../metrics/filters.ts';

export interface IssueRange {
  from: Date;
  to: Date;
  filters: Filters;
  /** Only these issues (a detail page's one), or all. */
  issueIds?: number[];
}

export interface IssueTotals {
  issue_id: number;
  tickets: number;
  customers: number;
  reopened: number;
  escalated: number;
  agent_replies: number;
  median_resolution_minutes: number | null;
  csat_answers: number;
  low_csat_answers: number;
}

/** The conditions on `f` (ticket_facts) joined to `ti` (ticket_issues) shared by every question here. */
function scope(range: Pick<IssueRange, 'filters' | 'issueIds'>, time: string[]): { where: string; params: Record<string, unknown> } {
  const filters = filterSql(range.filters);
  const where = ['ti.issue_id IS NOT NULL', ...time, ...filters.where];
  const params: Record<string, unknown> = { ...(filters.params as Record<string, unknown>) };
  if (range.issueIds) {
    where.push('list_contains($issue_ids::BIGINT[], ti.issue_id)');
    params.issue_ids = listValue(range.issueIds);
  }
  return { where: where.join(' AND '), params };
}

export async function issueTotals(query: Query, range: IssueRange): Promise<IssueTotals[]> {
  const { where, params } = scope(range, ['f.created_at >= $from::TIMESTAMPTZ', 'f.created_at < $to::TIMESTAMPTZ']);
  return query.all<IssueTotals & Record<string, unknown>>(
    `WITH scoped AS (
       SELECT ti.issue_id, f.ticket_id, f.requester_id, f.reopens, f.is_escalated, f.agent_replies, f.is_solved, f.full_resolution_seconds
         FROM ticket_facts f JOIN ticket_issues ti USING (ticket_id)
        WHERE ${where}
     ),
     answers AS (
       -- CSAT answers about the scoped tickets, whenever given; "low" is the CSAT metric's not satisfied.
       SELECT s.issue_id, count(*)::INTEGER AS csat_answers, count(*) FILTER (WHERE NOT fb.is_satisfied)::INTEGER AS low_csat_answers
         FROM scoped s JOIN feedback_facts fb USING (ticket_id)
        WHERE fb.kind = 'csat' AND fb.score IS NOT NULL
        GROUP BY s.issue_id
     )
     SELECT s.issue_id::INTEGER AS issue_id, count(*)::INTEGER AS tickets,
            count(DISTINCT s.requester_id)::INTEGER AS customers,
            count(*) FILTER (WHERE s.reopens > 0)::INTEGER AS reopened,
            count(*) FILTER (WHERE s.is_escalated)::INTEGER AS escalated,
            coalesce(sum(s.agent_replies), 0)::INTEGER AS agent_replies,
            (median(s.full_resolution_seconds) FILTER (WHERE s.is_solved) / 60)::DOUBLE AS median_resolution_minutes,
            coalesce(any_value(a.csat_answers), 0)::INTEGER AS csat_answers,
            coalesce(any_value(a.low_csat_answers), 0)::INTEGER AS low_csat_answers
       FROM scoped s LEFT JOIN answers a USING (issue_id)
      GROUP BY s.issue_id`,
    { from: range.from.toISOString(), to: range.to.toISOString(), ...params } as Params,
  );
}

export interface IssuePeriodCount {
  issue_id: number;
  /** ISO day the period starts on. */
  period: string;
  tickets: number;
}

/** Tickets per issue and period created in [from, to) (from may be before the range: the flags look back). */
export async function issuePeriodCounts(query: Query, range: IssueRange, grain: Grain): Promise<IssuePeriodCount[]> {
  const { where, params } = scope(range, ['f.created_at >= $from::TIMESTAMPTZ', 'f.created_at < $to::TIMESTAMPTZ']);
  return query.all<IssuePeriodCount & Record<string, unknown>>(
    `SELECT ti.issue_id::INTEGER AS issue_id, strftime(${utcPeriodStart('f.created_at')}, '%Y-%m-%d') AS period, count(*)::INTEGER AS tickets
       FROM ticket_facts f JOIN ticket_issues ti USING (ticket_id)
      WHERE ${where}
      GROUP BY ALL`,
    { grain, from: range.from.toISOString(), to: range.to.toISOString(), ...params } as Params,
  );
}

/** Per issue, its first ticket's creation and its tickets, in the filtered tickets created before `to`. */
export async function issueFirstSeen(query: Query, range: Pick<IssueRange, 'to' | 'filters' | 'issueIds'>): Promise<Array<{ issue_id: number; first_seen: string; tickets: number }>> {
  const { where, params } = scope(range, ['f.created_at < $to::TIMESTAMPTZ']);
  return query.all(
    `SELECT ti.issue_id::INTEGER AS issue_id, strftime(min(f.created_at), '%Y-%m-%dT%H:%M:%SZ') AS first_seen,
            count(*)::INTEGER AS tickets
       FROM ticket_facts f JOIN ticket_issues ti USING (ticket_id)
      WHERE ${where}
      GROUP BY ti.issue_id`,
    { to: range.to.toISOString(), ...params } as Params,
  );
}

/** The first ticket's creation in the whole data (unfiltered): no period before it can count as a quiet one. */
export async function dataStart(query: Query): Promise<Date | null> {
  const row = await query.one<{ first: string | null }>(`SELECT strftime(min(created_at), '%Y-%m-%dT%H:%M:%SZ') AS first FROM ticket_facts`);
  return row?.first ? new Date(row.first) : null;
}

export interface IssueNaming {
  issue_id: number;
  display_terms: string[];
}

export async function issueNames(query: Query, ids: number[]): Promise<Map<number, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await query.all<{ issue_id: number; display_terms: string[] }>(
    'SELECT issue_id::INTEGER AS issue_id, display_terms[1:$count] AS display_terms FROM issues WHERE list_contains($ids::BIGINT[], issue_id)',
    { ids: listValue(ids), count: nameTermCount },
  );
  return new Map(rows.map((row) => [row.issue_id, [...row.display_terms]]));
}
