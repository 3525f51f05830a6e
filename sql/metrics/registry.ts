// Metrics are data: one declaration per metric, read by the API, goals, docs and dashboard alike.
// `expression` is an aggregate over ticket_facts (alias f); `period_column` says which instant
// attributes a ticket to a period (PRODUCT.md §4: the event that completes the measure).
import { z } from 'zod';

export const metricSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  unit: z.enum(['tickets', 'minutes', 'percent', 'score']),
  better: z.enum(['higher', 'lower', 'none']),
  aggregation: z.enum(['count', 'ratio', 'duration', 'score']),
  period_column: z.enum(['created_at', 'first_response_at', 'solved_at']),
  expression: z.string().min(1),
  description: z.string().min(1),
});

export type Metric = z.infer<typeof metricSchema>;

const declarations: Metric[] = [
  {
    key: 'created',
    label: 'Tickets created',
    unit: 'tickets',
    better: 'none',
    aggregation: 'count',
    period_column: 'created_at',
    expression: 'count(*)',
    description: 'Tickets created in the period, attributed by their creation time.',
  },
  {
    key: 'solved',
    label: 'Tickets solved',
    unit: 'tickets',
    better: 'none',
    aggregation: 'count',
    period_column: 'solved_at',
    expression: 'count(*) FILTER (WHERE f.is_solved)',
    description: 'Tickets whose last change to solved falls in the period. Solved is not closed: closing is an administrative step.',
  },
];

export const metrics: ReadonlyMap<string, Metric> = new Map(
  declarations.map((declaration) => {
    const metric = metricSchema.parse(declaration);
    return [metric.key, metric];
  }),
);
