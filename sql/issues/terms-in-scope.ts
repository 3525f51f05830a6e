// An issue's top terms counted over the tickets a lead or an agent may see (their team's), rather than over all of
// its tickets as the stored feature counts are: each ticket of the issue inside the scope, read in SQL, has its
// features taken as the grouping took them (its terms, the stored options' feature mode), and each term's tickets
// are counted. Only scoped askers pay for this; a manager reads the stored counts.
import { ticketFeatures, type FeatureMode } from '../../pipelines/issues/features.ts';
import { ticketTerms } from '../../pipelines/issues/text.ts';
import type { Params, Query } from '../db.ts';
import { filterSql, type Filters } from '../metrics/filters.ts';

export async function featureCountsInScope(sql: Query, issueId: number, scope: Filters, features: readonly string[]): Promise<Map<string, number>> {
  const scoped = filterSql({ ...scope, issue: [String(issueId)] });
  const rows = await sql.all<{ subject: string | null; description: string | null }>(
    `SELECT t.subject, t.description FROM ticket_facts f JOIN tickets t USING (ticket_id) WHERE ${scoped.where.join(' AND ')}`,
    scoped.params as Params,
  );
  const stored = await sql.one<{ options: string }>('SELECT options::VARCHAR AS options FROM issue_grouping');
  const mode: FeatureMode = stored ? (JSON.parse(stored.options) as { features: FeatureMode }).features : 'terms';
  const counts = new Map(features.map((feature) => [feature, 0]));
  for (const row of rows) {
    for (const feature of ticketFeatures(ticketTerms(row.subject, row.description).terms, mode)) {
      const count = counts.get(feature);
      if (count !== undefined) counts.set(feature, count + 1);
    }
  }
  return counts;
}
