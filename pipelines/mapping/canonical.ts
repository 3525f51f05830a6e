// The canonical fields each kind of load produces, their SQL types, and which a mapping must provide.
// A field a mapping leaves out is NULL of its type, so merges can rely on every column being there.
import type { LoadKind } from './types.ts';

const channels = ['desk', 'phone', 'email', 'chat', 'social', 'web', 'other'] as const;

/** Support levels (lines, tiers), as the teams table's CHECK allows them. */
export const supportLevels = ['1', '2', '3'] as const;

/** `event_kind` and `event_actor_kind` are the ENUM types of ticket_events' columns (sql/schema/016_event_kind_types.sql). */
type FieldTypes = Record<string, 'VARCHAR' | 'TIMESTAMPTZ' | 'INTEGER' | 'DOUBLE' | 'VARCHAR[]' | 'event_kind' | 'event_actor_kind'>;

export const canonicalFields: Record<LoadKind, { required: string[]; types: FieldTypes }> = {
  tickets: {
    required: ['external_id', 'created_at', 'status', 'channel'],
    types: {
      external_id: 'VARCHAR', subject: 'VARCHAR', description: 'VARCHAR', created_at: 'TIMESTAMPTZ', updated_at: 'TIMESTAMPTZ',
      first_response_at: 'TIMESTAMPTZ', solved_at: 'TIMESTAMPTZ', closed_at: 'TIMESTAMPTZ', status: 'VARCHAR', channel: 'VARCHAR', priority: 'VARCHAR',
      category: 'VARCHAR', subcategory: 'VARCHAR', tags: 'VARCHAR[]', requester_id: 'VARCHAR', requester_name: 'VARCHAR',
      requester_kind: 'VARCHAR', organization: 'VARCHAR', assignee: 'VARCHAR', team: 'VARCHAR', submitter: 'VARCHAR',
      due_at: 'TIMESTAMPTZ', agent_replies: 'INTEGER', reopens: 'INTEGER', team_stations: 'INTEGER', assignee_stations: 'INTEGER',
      // Transfers the source counted itself, stations − 1 (ServiceNow's reassignment_count counts team changes).
      team_changes: 'INTEGER', assignee_changes: 'INTEGER',
    },
  },
  events: {
    required: ['ticket_external_id', 'occurred_at', 'kind'],
    types: {
      ticket_external_id: 'VARCHAR', occurred_at: 'TIMESTAMPTZ', kind: 'event_kind', actor: 'VARCHAR', actor_kind: 'event_actor_kind',
      from_value: 'VARCHAR', to_value: 'VARCHAR',
      // Ticket attributes carried on every event row of event-log-only exports (the latest value wins).
      ticket_subject: 'VARCHAR', ticket_channel: 'VARCHAR', ticket_priority: 'VARCHAR', ticket_category: 'VARCHAR',
      ticket_subcategory: 'VARCHAR', ticket_team: 'VARCHAR', ticket_requester_id: 'VARCHAR',
      // The support level (line, tier) the ticket is at from this row on: 1, 2 or 3, as teams' support_level.
      support_level: 'INTEGER',
    },
  },
  // Chat and social exports: a row per message; customer-started threads become tickets, messages their events.
  messages: {
    required: ['external_id', 'sent_at', 'author_id', 'author_side'],
    types: {
      external_id: 'VARCHAR', sent_at: 'TIMESTAMPTZ', author_id: 'VARCHAR', author_side: 'VARCHAR',
      reply_to_external_id: 'VARCHAR', text: 'VARCHAR', channel: 'VARCHAR',
    },
  },
  feedback: {
    required: ['external_id', 'submitted_at', 'kind', 'scale_max'],
    types: {
      external_id: 'VARCHAR', ticket_external_id: 'VARCHAR', submitted_at: 'TIMESTAMPTZ', kind: 'VARCHAR', score: 'DOUBLE',
      scale_max: 'INTEGER', comment: 'VARCHAR', channel: 'VARCHAR',
    },
  },
};

/** Fields whose values must be one of a fixed list (the schema's CHECK constraints). */
export const vocabularies: Record<LoadKind, Record<string, readonly string[]>> = {
  tickets: {
    status: ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'],
    channel: channels,
    priority: ['low', 'normal', 'high', 'urgent'],
    requester_kind: ['external', 'internal'],
  },
  events: {
    kind: ['created', 'agent_reply', 'customer_reply', 'internal_note', 'status_change', 'assign', 'team_change',
      'priority_change', 'escalate', 'deescalate', 'solved', 'reopened', 'closed', 'wait_start', 'wait_end'],
    actor_kind: ['agent', 'customer', 'bot', 'system'],
    ticket_channel: channels,
    ticket_priority: ['low', 'normal', 'high', 'urgent'],
    support_level: supportLevels,
  },
  messages: {
    author_side: ['customer', 'agent', 'bot'],
    channel: channels,
  },
  feedback: { kind: ['csat', 'nps', 'ces'] },
};
