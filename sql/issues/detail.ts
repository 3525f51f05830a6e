// One issue's page (GET /api/issues/:id): its summary as the list gives it, its trend per period, representative
// tickets, top terms, channels, teams and survey comments, all over the same view (range and filters).
import type { IssueDetailResponse } from '../../api/contracts.ts';
import { queryComments } from '../feedback-comments.ts';
import type { Database, Params, Query } from '../db.ts';
import { utcPeriodStart } from '../metrics/dimensions.ts';
import { filterSql, usesFilters, type Filters } from '../metrics/filters.ts';
import { featureCountsInScope } from './terms-in-scope.ts';
import { representativeExamples } from './examples.ts';
import { issueFigures, type IssueQuery } from './list.ts';
import { isoDay, periodsBetween } from './periods.ts';

export async function issueExists(db: Database, issueId: number): Promise<boolean> {
  return (await db.readOne('SELECT 1 AS found FROM issues WHERE issue_id = $id', { id: issueId })) !== undefined;
}

type Detail = Omit<IssueDetailResponse, 'filters' | 'suggestions'>;

export interface DetailView {
  /**
   * The filters of what is shown ticket by ticket (representative tickets, survey comments), narrower than the
   * figures' for an agent, who sees their team's figures but only their own tickets; null: none shown.
   */
  perTicket?: Filters | null;
  /** The asker's scope (a lead's or an agent's team): the top terms are counted over its tickets only. */
  scope?: Filters;
}

export async function issueDetail(db: Database, issueId: number, query: IssueQuery, view: DetailView = {}): Promise<Detail> {
  const { perTicket = query.filters, scope = {} } = view;
  const { from, to, filters, settings } = query;
  const figures = await issueFigures(db, query, [issueId]);
  const scoped = filterSql({ ...filters, issue: [String(issueId)] });
  const where = ['f.created_at >= $from::TIMESTAMPTZ', 'f.created_at < $to::TIMESTAMPTZ', ...scoped.where].join(' AND ');
  const params = { from: from.toISOString(), to: to.toISOString(), ...(scoped.params as Record<string, unknown>) };
  const parts = await db.withConnection(async (sql: Query) => ({
    trend: await sql.all<IssueDetailResponse['trend'][number] & Record<string, unknown>>(
      `SELECT strftime(${utcPeriodStart('f.created_at')}, '%Y-%m-%d') AS period, count(*)::INTEGER AS tickets,
              count(DISTINCT f.requester_id)::INTEGER AS customers, count(*) FILTER (WHERE f.reopens > 0)::INTEGER AS reopened,
              count(*) FILTER (WHERE f.is_escalated)::INTEGER AS escalated
         FROM ticket_facts f WHERE ${where} GROUP BY ALL`,
      { ...params, grain: settings.grain } as Params,
    ),
    channels: await sql.all<{ value: string; tickets: number }>(
      `SELECT f.channel AS value, count(*)::INTEGER AS tickets FROM ticket_facts f WHERE ${where} GROUP BY ALL ORDER BY tickets DESC, value`,
      params as Params,
    ),
    teams: await sql.all<{ value: string | null; name: string | null; tickets: number }>(
      `SELECT f.team_id AS value, any_value(tm.name) AS name, count(*)::INTEGER AS tickets
         FROM ticket_facts f LEFT JOIN teams tm ON tm.team_id = f.team_id WHERE ${where}
        GROUP BY f.team_id ORDER BY tickets DESC, value NULLS LAST`,
      params as Params,
    ),
    topTerms: await sql.all<{ term: string; feature: string; tickets: number }>(
      // Its most characteristic terms (tf·idf, pipelines/issues/naming.ts: the first ones name it), as its tickets
      // wrote them (display_terms, parallel to name_terms), with how many of its tickets have each.
      `SELECT display_terms[p] AS term, name_terms[p] AS feature, coalesce(list_filter(feature_counts, c -> c.feature = name_terms[p])[1].tickets, 0)::INTEGER AS tickets
         FROM (SELECT display_terms, name_terms, feature_counts, unnest(generate_series(1, len(name_terms))) AS p FROM issues WHERE issue_id = $id)
        ORDER BY p`,
      { id: issueId },
    ),
    examples: perTicket ? await representativeExamples(sql, issueId, { from, to, filters: perTicket }) : [],
  }));
  const inScope = usesFilters(scope) ? await db.withConnection((sql) => featureCountsInScope(sql, issueId, scope, parts.topTerms.map((t) => t.feature))) : null;
  const topTerms = parts.topTerms.map(({ term, feature, tickets }) => ({ term, tickets: inScope ? inScope.get(feature)! : tickets }));
  const trendOf = new Map(parts.trend.map((row) => [row.period, row]));
  const comments = perTicket ? await queryComments(db, { filters: { ...perTicket, issue: [String(issueId)] }, from, to, limit: 20, offset: 0 }) : { comments: [] };
  return {
    from: isoDay(from),
    to: isoDay(to),
    period: isoDay(figures.period),
    settings,
    issue: figures.summaries.find((s) => s.issue_id === issueId)!,
    trend: periodsBetween(settings.grain, from, new Date(to.getTime() - 1)).map(isoDay).map(
      (period) => trendOf.get(period) ?? { period, tickets: 0, customers: 0, reopened: 0, escalated: 0 },
    ),
    examples: parts.examples,
    top_terms: topTerms,
    channels: parts.channels,
    teams: parts.teams,
    comments: comments.comments,
  };
}

