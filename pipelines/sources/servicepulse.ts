// ServicePulse's own event-log and feedback CSV formats: canonical names and values, ISO 8601 instants.
import type { Mapping } from '../mapping/types.ts';

const identity = (values: string[]) => Object.fromEntries(values.map((value) => [value, value]));

export const eventKinds = [
  'created', 'agent_reply', 'customer_reply', 'internal_note', 'status_change', 'assign', 'team_change',
  'priority_change', 'escalate', 'deescalate', 'solved', 'reopened', 'closed', 'wait_start', 'wait_end',
];

export const servicepulseEvents: Mapping = {
  source: 'servicepulse',
  kind: 'events',
  fields: {
    ticket_external_id: { column: 'ticket_id', type: 'text' },
    occurred_at: { column: 'occurred_at', type: 'timestamp' },
    kind: { column: 'kind', type: 'enum', values: identity(eventKinds) },
    actor: { column: 'actor_id', type: 'text' },
    actor_kind: { column: 'actor_kind', type: 'enum', values: identity(['agent', 'customer', 'bot', 'system']) },
    from_value: { column: 'from_value', type: 'text' },
    to_value: { column: 'to_value', type: 'text' },
  },
};

export const servicepulseFeedback: Mapping = {
  source: 'servicepulse',
  kind: 'feedback',
  fields: {
    external_id: { column: 'feedback_id', type: 'text' },
    ticket_external_id: { column: 'ticket_id', type: 'text' },
    submitted_at: { column: 'submitted_at', type: 'timestamp' },
    kind: { column: 'kind', type: 'enum', values: identity(['csat', 'nps', 'ces']) },
    score: { column: 'score', type: 'number' },
    scale_max: { column: 'scale_max', type: 'integer' },
    comment: { column: 'comment', type: 'text' },
    channel: { column: 'channel', type: 'text' },
  },
};
