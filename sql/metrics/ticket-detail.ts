// One ticket's facts: its milestones, each duration in calendar and business minutes, its SLA clocks, and for every
// rate whether the ticket is in its base and counted, with the numerator's conditions one by one where the registry
// lists them (why it was or was not first-contact resolved). The rate SQL is the registry's, evaluated on this
// ticket's facts row, so the page says exactly what the metrics count.
import type { Database } from '../db.ts';
import { metrics, type Metric } from './registry.ts';
import { isoInstantSql } from '../iso-instant.ts';

type RateMetric = Extract<Metric, { aggregation: 'rate' }>;
type DurationMetric = Extract<Metric, { aggregation: 'duration' }>;

const rates = [...metrics.values()].filter((m): m is RateMetric => m.aggregation === 'rate');
// A ticket's own durations: not those measured over suggestions.
const durations = [...metrics.values()].filter((m): m is DurationMetric => m.aggregation === 'duration' && m.source === 'ticket_facts');

export interface TicketDetail {
  ticket: Record<string, unknown>;
  milestones: Record<string, unknown>;
  durations: Array<{ metric: string; label: string; calendar_minutes: number | null; business_minutes: number | null }>;
  sla: Array<{ target: 'first_response' | 'resolution'; due_at: string | null; state: 'met' | 'breached' | 'running' | 'no_target' }>;
  rates: Array<{
    metric: string;
    label: string;
    formula: string;
    in_base: boolean;
    counted: boolean | null;
    checks: Array<{ label: string; holds: boolean }>;
    variants: Array<{ name: string; label: string; counted: boolean | null }>;
  }>;
  events: Array<{ occurred_at: string; kind: string; actor: string | null; actor_kind: string; from_value: string | null; to_value: string | null }>;
}

const instant = (column: string) => isoInstantSql(column);

// Every rate's base and numerator (and presets and checks) as columns of one row over `f`: r<i>_base, r<i>_counted, …
const rateColumns = rates.flatMap((rate, i) => [
  `coalesce(${rate.denominator}, false) AS r${i}_base`,
  `coalesce(${rate.numerator}, false) AS r${i}_counted`,
  ...Object.values(rate.variants ?? {}).map((variant, v) => `coalesce(${variant.numerator}, false) AS r${i}_v${v}`),
  ...(rate.checks ?? []).map((check, k) => `coalesce(${check.holds}, false) AS r${i}_c${k}`),
]);
const durationColumns = durations.flatMap((metric, i) => [
  `f.${metric.seconds.calendar} / 60 AS d${i}_calendar`,
  `f.${metric.seconds.business} / 60 AS d${i}_business`,
]);

const factsSql = `
SELECT t.ticket_id::INTEGER AS ticket_id, t.source, t.external_id, t.subject, t.status, t.channel, t.priority, t.category, t.subcategory,
       t.team_id, t.assignee_id, t.requester_id, t.requester_kind, t.organization,
       ${instant('t.created_at')} AS created_at, ${instant('t.first_response_at')} AS first_response_at,
       ${instant('t.first_solved_at')} AS first_solved_at, ${instant('t.solved_at')} AS solved_at, ${instant('t.closed_at')} AS closed_at,
       ${instant('t.due_at')} AS due_at, f.agent_replies, t.customer_replies, f.reopens, f.team_stations, f.assignee_stations,
       f.escalations, f.escalation_level_max::INTEGER AS escalation_level_max, f.is_escalated, f.is_solved,
       ${instant('f.sla_first_response_due_at')} AS sla_first_response_due_at, ${instant('f.sla_resolution_due_at')} AS sla_resolution_due_at,
       ${[...durationColumns, ...rateColumns].join(',\n       ')}
  FROM ticket_facts f JOIN tickets t USING (ticket_id)
 WHERE f.ticket_id = $id`;

const slaRates = { first_response: 'sla_first_response_attainment', resolution: 'sla_resolution_attainment' } as const;

/** The ticket's facts judged at `now` (running SLA clocks), or null when there is no such ticket. */
export async function ticketDetail(db: Database, ticketId: number, now: Date): Promise<TicketDetail | null> {
  return db.withConnection(async (sql) => {
    const row = await sql.one<Record<string, unknown>>(factsSql, { id: ticketId, now: now.toISOString() });
    if (!row) return null;
    const events = await sql.all<TicketDetail['events'][number] & Record<string, unknown>>(
      `SELECT ${instant('occurred_at')} AS occurred_at, kind, actor, actor_kind, from_value, to_value
         FROM ticket_events WHERE ticket_id = $id ORDER BY occurred_at, kind::VARCHAR`,
      { id: ticketId },
    );
    const pick = (names: string[]) => Object.fromEntries(names.map((name) => [name, row[name] ?? null]));
    const rateFacts = rates.map((rate, i) => {
      const inBase = row[`r${i}_base`] as boolean;
      return {
        metric: rate.key,
        label: rate.label,
        formula: rate.formula,
        in_base: inBase,
        counted: inBase ? (row[`r${i}_counted`] as boolean) : null,
        checks: (rate.checks ?? []).map((check, k) => ({ label: check.label, holds: row[`r${i}_c${k}`] as boolean })),
        variants: Object.entries(rate.variants ?? {}).map(([name, variant], v) => ({
          name, label: variant.label, counted: inBase ? (row[`r${i}_v${v}`] as boolean) : null,
        })),
      };
    });
    const sla = (Object.entries(slaRates) as Array<[keyof typeof slaRates, string]>).map(([target, key]) => {
      const dueAt = row[`sla_${target}_due_at`] as string | null;
      const judged = rateFacts.find((rate) => rate.metric === key)!;
      const state = dueAt === null ? 'no_target' : !judged.in_base ? 'running' : judged.counted ? 'met' : 'breached';
      return { target, due_at: dueAt, state } as const;
    });
    return {
      ticket: pick(['ticket_id', 'source', 'external_id', 'subject', 'status', 'channel', 'priority', 'category', 'subcategory', 'team_id',
        'assignee_id', 'requester_id', 'requester_kind', 'organization']),
      milestones: pick(['created_at', 'first_response_at', 'first_solved_at', 'solved_at', 'closed_at', 'due_at', 'agent_replies', 'customer_replies',
        'reopens', 'team_stations', 'assignee_stations', 'escalations', 'escalation_level_max', 'is_escalated', 'is_solved']),
      durations: durations.map((metric, i) => ({
        metric: metric.key, label: metric.label,
        calendar_minutes: (row[`d${i}_calendar`] as number | null) ?? null, business_minutes: (row[`d${i}_business`] as number | null) ?? null,
      })),
      sla,
      rates: rateFacts,
      events,
    };
  });
}
