// The demo's service goals, so the first start shows a real scorecard. A manager sets a target near what the team
// has been doing: here each target is a quantile of the metric's own closed periods before the demo's end, at one
// of three ambitions — comfortable (met in about four periods of five), even (about half) and stretch (about one
// in five) — rounded as a person would write it. The ambitions take turns, so some goals are met, some at risk,
// some missed. Goals are created through createGoal only, like the goal editor's.
import type { Database } from '../../sql/db.ts';
import { createGoal, type GoalInput } from '../../sql/goals/goals.ts';
import type { Filters } from '../../sql/metrics/filters.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { querySeriesRows, type HoursMode } from '../../sql/metrics/series.ts';

const DAY = 86_400_000;

interface DemoGoal {
  name: string;
  metric: string;
  period: 'week' | 'month';
  scope?: Filters;
  hours?: HoursMode;
}

// Not phone or desk: a call answered is its first response (0 minutes), so a target on it says nothing.
const channels = [['email', 'E-mail'], ['web', 'Web form'], ['chat', 'Chat'], ['social', 'Social']] as const;
const providers = [['in_house', 'In-house teams'], ['outsourced', 'Manila Contact Partners'], ['independent', 'Riga Contractors']] as const;

export const demoGoals: DemoGoal[] = [
  ...channels.map(([channel, label]): DemoGoal => ({
    name: `${label}: median first response (business hours)`, metric: 'first_response_time', period: 'week', scope: { channel: [channel] }, hours: 'business',
  })),
  { name: 'First-contact resolution', metric: 'first_contact_resolution', period: 'month' },
  { name: 'Escalation rate', metric: 'escalation_rate', period: 'week' },
  { name: 'Customer satisfaction (CSAT)', metric: 'csat', period: 'month' },
  { name: 'SLA attainment: first response', metric: 'sla_first_response_attainment', period: 'week' },
  ...providers.map(([provider, label]): DemoGoal => ({
    name: `${label}: SLA attainment, resolution`, metric: 'sla_resolution_attainment', period: 'month', scope: { provider: [provider] },
  })),
];

/** How many closed periods before the end the targets are read from and the goals are judged over. */
const history = { week: 12, month: 6 } as const;

/** Share of past periods a target would have been met in, by ambition, taking turns goal by goal. */
const ambitions = [0.8, 0.5, 0.2] as const;

function periodStart(period: 'week' | 'month', at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (period === 'month') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY);
}

function periodsBefore(period: 'week' | 'month', start: Date, count: number): Date {
  if (period === 'week') return new Date(start.getTime() - count * 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - count, 1));
}

/** The value below which a share `q` of the sorted values lie (linear between neighbours). */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** As a manager writes a target: whole percent, minutes to the nearest 5 above half an hour. */
function roundTarget(value: number, unit: string): number {
  if (unit === 'minutes' && value > 30) return Math.max(5, Math.round(value / 5) * 5);
  return Math.round(value);
}

/**
 * Creates the demo goals, judged from `end`'s period on; those whose metric has no closed period with data are
 * left out. Returns how many were created.
 */
export async function seedDemoGoals(db: Database, end: Date): Promise<number> {
  let created = 0;
  for (const [index, goal] of demoGoals.entries()) {
    const metric = metrics.get(goal.metric)!;
    const current = periodStart(goal.period, end);
    const from = periodsBefore(goal.period, current, history[goal.period]);
    const hours = goal.hours ?? 'calendar';
    const stat = metric.aggregation === 'duration' ? 'p50' : 'value';
    const rows = await querySeriesRows(db, {
      metric, grain: goal.period, by: null, from, to: current, filters: goal.scope ?? {}, stat: 'p50', hours, asOf: end,
    });
    const values = rows.map((row) => row.value).filter((value): value is number => value !== null).sort((a, b) => a - b);
    if (values.length === 0) continue;
    // "Met in a share q of periods": lower-is-better targets sit at the q quantile, higher-is-better at 1 − q.
    const share = ambitions[index % ambitions.length]!;
    const lowerIsBetter = metric.better === 'lower';
    const target = roundTarget(quantile(values, lowerIsBetter ? share : 1 - share), metric.unit);
    const input: GoalInput = {
      name: goal.name, metric: goal.metric, stat, variant: null, hours, comparator: lowerIsBetter ? '<=' : '>=', target,
      scope: goal.scope ?? {}, period: goal.period, owner_id: null, starts_on: from.toISOString().slice(0, 10), ends_on: null,
    };
    await createGoal(db, input);
    created++;
  }
  return created;
}
