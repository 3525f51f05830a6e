// GET /api/suggestions/:id/impact: the weekly values around an implemented suggestion's date. A linked recurring
// problem is measured by its weekly ticket count (the `created` metric filtered on the issue), a linked goal by its
// own metric and scope; both through the goals' measuring SQL (sql/goals/measure.ts), with the asker's scope applied
// in it by `scoped` (a lead's and an agent's figures are their team's: the route passes api/auth/scope.ts's).
import type { Database } from '../db.ts';
import { getGoal } from '../goals/goals.ts';
import { measureGoals, type Measure } from '../goals/measure.ts';
import { periodStart } from '../goals/periods.ts';
import { metrics } from '../metrics/registry.ts';
import type { Filters } from '../metrics/filters.ts';
import { compareWeeks, maxImpactWeeks, type WeeklyComparison } from './impact-weeks.ts';

export interface ImpactSource {
  kind: 'issue' | 'goal';
  id: number;
  label: string;
  unit: string;
  better: 'higher' | 'lower' | 'none';
}

export type SuggestionImpact = Omit<WeeklyComparison, 'status' | 'short_side'> & {
  suggestion_id: number;
  status: WeeklyComparison['status'] | 'not_measurable';
  message: string;
  source: ImpactSource | null;
  implemented_on: string | null;
};

const WEEK = 7 * 86_400_000;

function unmeasurable(id: number, implementedOn: string | null, message: string): SuggestionImpact {
  return { suggestion_id: id, status: 'not_measurable', message, source: null, implemented_on: implementedOn, weeks: 0, missing_weeks: 0, before: [], after: [], change: null, test: null };
}

export async function suggestionImpact(db: Database, id: number, scoped: (filters: Filters) => Filters, now: Date): Promise<SuggestionImpact | undefined> {
  const row = await db.readOne<{ status: string; implemented_on: string | null; issue_id: number | null; goal_id: number | null }>(
    `SELECT status, strftime(implemented_on, '%Y-%m-%d') AS implemented_on, issue_id::INTEGER AS issue_id, goal_id::INTEGER AS goal_id FROM suggestions WHERE suggestion_id = $id`,
    { id },
  );
  if (!row) return undefined;
  if (row.status !== 'implemented' || row.implemented_on === null) return unmeasurable(id, null, 'Not implemented yet: the impact is measured from the day it goes live.');
  let measure: Measure;
  let scope: Filters;
  let source: ImpactSource;
  if (row.issue_id !== null) {
    const created = metrics.get('created')!;
    measure = { metric: 'created', stat: 'value', variant: null, hours: 'calendar', period: 'week' };
    scope = { issue: [String(row.issue_id)] };
    source = { kind: 'issue', id: row.issue_id, label: `Tickets a week in recurring problem ${row.issue_id}`, unit: created.unit, better: 'lower' };
  } else if (row.goal_id !== null) {
    const goal = await getGoal(db, row.goal_id);
    if (!goal) return unmeasurable(id, row.implemented_on, `Its goal ${row.goal_id} no longer exists.`);
    const metric = metrics.get(goal.metric)!;
    measure = { metric: goal.metric, stat: goal.stat, variant: goal.variant, hours: goal.hours, period: 'week' };
    scope = goal.scope;
    source = { kind: 'goal', id: goal.goal_id, label: `${goal.name}: ${metric.label} a week`, unit: metric.unit, better: metric.better };
  } else {
    return unmeasurable(id, row.implemented_on, 'It is linked to no recurring problem or goal, so there is nothing to measure.');
  }
  const liveWeek = periodStart('week', new Date(`${row.implemented_on}T00:00:00Z`)).getTime();
  const from = new Date(liveWeek - maxImpactWeeks * WEEK);
  const to = new Date(liveWeek + (maxImpactWeeks + 1) * WEEK);
  const [values] = await measureGoals(db, [{ measure, scope: scoped(scope), from, to }], now);
  const extent = await db.readOne<{ first: string | null; last: string | null }>(
    `SELECT strftime(min(created_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS first, strftime(max(created_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS last FROM tickets`,
  );
  const comparison = compareWeeks({
    implementedOn: row.implemented_on,
    now,
    dataFrom: extent?.first ? new Date(extent.first) : null,
    dataTo: extent?.last ? new Date(extent.last) : null,
    values: new Map([...values!].map(([week, value]) => [week, value.value])),
    absentAs: measure.metric === 'created' ? 0 : null,
  });
  const { status, short_side, ...rest } = comparison;
  return { suggestion_id: id, status, message: messageOf(comparison), source, implemented_on: row.implemented_on, ...rest };
}

function messageOf(comparison: WeeklyComparison): string {
  if (comparison.status === 'not_enough_data') {
    const side = comparison.short_side === 'after' ? 'after it went live' : 'before it went live (the data starts too late)';
    return `Not enough data yet: ${comparison.missing_weeks} more whole week${comparison.missing_weeks === 1 ? '' : 's'} ${side} needed (${comparison.weeks} of at least 4 on each side).`;
  }
  const { change, test } = comparison;
  const direction = change!.absolute === 0 ? 'no change in the median' : `median ${change!.before_median} → ${change!.after_median}`;
  return `${comparison.weeks} weeks on each side: ${direction}; ${test!.significant ? 'beyond' : 'within'} normal variation (${test!.name}, ${test!.method === 'exact' ? 'exact' : 'normal approximation'} p = ${test!.p_value.toPrecision(2)}).`;
}
