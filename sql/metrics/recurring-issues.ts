// recurring_issue_share (PRODUCT.md §5): per period, the share of its tickets that belong to its top recurring issues.
// Unlike the other metrics it is no aggregate over one period's rows: whether an issue recurs depends on the
// periods before, so the series scans those too. The exact definition is the registry entry's. An issue is the
// ticket's text issue in ticket_issues (issue 12: the one place that says which issue a ticket is in now); a ticket
// without one (no terms to group by, or not grouped yet) counts in the denominator only.
import type { Database } from '../db.ts';
import { dimensionSql, grainInterval, utcPeriodStart, type Grain } from './dimensions.ts';
import { filterSql } from './filters.ts';
import type { Metric } from './registry.ts';
import type { SeriesQuery, SeriesRow } from './series.ts';

type RecurringShareMetric = Extract<Metric, { aggregation: 'recurring_share' }>;

interface ShareShape {
  metric: RecurringShareMetric;
  grain: Grain;
  /** The dimension's SQL over `f` (dimensions.ts `dimensionSql`) to compute each group apart, or null for one series. */
  group: string | null;
  filters: string[];
}

/**
 * Per period (and group): `in_top`, the tickets created in the range in the period's top recurring issues, and
 * `tickets`, all tickets created in the range. Parameters: $grain, $from, $to and the filters'.
 */
export function recurringShareSql({ metric, grain, group: groupSql, filters }: ShareShape): string {
  const { earlier_periods: earlier, min_earlier_periods: minEarlier, top } = metric.recurrence;
  const interval = grainInterval[grain];
  const group = groupSql ?? 'NULL';
  return `WITH period_tickets AS (
       SELECT ${utcPeriodStart('f.created_at')} AS period_start, ${group}::VARCHAR AS "group",
              ti.issue_id AS issue, f.created_at >= $from::TIMESTAMPTZ AS in_range
         FROM ticket_facts f LEFT JOIN ticket_issues ti USING (ticket_id)
        -- From the periods before the first one, where an issue's earlier tickets are looked for.
        WHERE ${[`f.created_at >= date_trunc($grain, $from::TIMESTAMPTZ) - ${interval} * ${earlier}`, `f.created_at < $to::TIMESTAMPTZ`, ...filters].join(' AND ')}
     ),
     issue_periods AS (
       -- One row per period an issue has tickets in (before the range too), and how many of the periods before it do.
       SELECT period_start, "group", issue, count(*) FILTER (WHERE in_range) AS tickets,
              count(*) OVER (PARTITION BY "group", issue ORDER BY period_start
                             RANGE BETWEEN ${interval} * ${earlier} PRECEDING AND ${interval} PRECEDING) AS earlier_periods
         FROM period_tickets
        WHERE issue IS NOT NULL
        GROUP BY period_start, "group", issue
     ),
     top_issues AS (
       SELECT period_start, "group", tickets
         FROM issue_periods
        WHERE tickets > 0 AND earlier_periods >= ${minEarlier}
       QUALIFY row_number() OVER (PARTITION BY period_start, "group" ORDER BY tickets DESC, issue) <= ${top}
     )
     SELECT p.period_start, p."group", coalesce(sum(i.tickets), 0)::INTEGER AS in_top, p.tickets
       FROM (SELECT period_start, "group", count(*)::INTEGER AS tickets FROM period_tickets WHERE in_range GROUP BY ALL) AS p
       LEFT JOIN top_issues i ON i.period_start = p.period_start AND i."group" IS NOT DISTINCT FROM p."group"
      GROUP BY p.period_start, p."group", p.tickets`;
}

export async function queryRecurringShare(db: Database, query: SeriesQuery & { metric: RecurringShareMetric }) {
  const filters = filterSql(query.filters);
  const params = {
    grain: query.grain,
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    ...(filters.params as Record<string, never>),
  };
  const shape = { metric: query.metric, grain: query.grain, filters: filters.where };
  return db.withConnection(async (sql) => {
    // Ungrouped, the total comes with the rows (window sums over them), sparing a second pass over the tickets.
    const rows = await sql.all<SeriesRow & { total_value: number | null; total_tickets: number } & Record<string, unknown>>(
      `SELECT strftime(period_start, '%Y-%m-%d') AS period, "group", (100.0 * in_top / tickets)::DOUBLE AS value, tickets,
              (100.0 * sum(in_top) OVER () / sum(tickets) OVER ())::DOUBLE AS total_value, (sum(tickets) OVER ())::INTEGER AS total_tickets
         FROM (${recurringShareSql({ ...shape, group: query.by ? dimensionSql(query.by) : null })}) AS shares
        ORDER BY period, "group" NULLS LAST`,
      params,
    );
    // Grouped, the total takes its own pass: it is over all the (filtered) tickets, each period's top issues chosen among
    // them all, as when not grouped.
    const total = query.by
      ? await sql.one<{ value: number | null; tickets: number }>(
          `SELECT (100.0 * sum(in_top) / nullif(sum(tickets), 0))::DOUBLE AS value, coalesce(sum(tickets), 0)::INTEGER AS tickets
             FROM (${recurringShareSql({ ...shape, group: null })}) AS shares`,
          params,
        )
      : { value: rows[0]?.total_value ?? null, tickets: rows[0]?.total_tickets ?? 0 };
    return {
      rows: rows.map(({ period, group, value, tickets }) => ({ period, group, value, tickets })),
      total: total ?? { value: null, tickets: 0 },
    };
  });
}
