// Help Scout conversations as the Mailbox API 2.0 lists them (GET /v2/conversations, the
// `_embedded.conversations` items saved as a JSON array or one per line), nested objects staged with
// dotted names (see read.ts). Times are ISO 8601 instants in UTC.
import type { Mapping } from '../mapping/types.ts';

export const helpscoutConversations: Mapping = {
  source: 'helpscout',
  kind: 'tickets',
  fields: {
    external_id: { column: 'id', type: 'text' },
    subject: { column: 'subject', type: 'text' },
    created_at: { column: 'createdAt', type: 'timestamp' },
    updated_at: { column: 'userUpdatedAt', type: 'timestamp' },
    // A closed conversation reopens when the customer replies, like a solved ticket.
    solved_at: { column: 'closedAt', type: 'timestamp' },
    // Spam is not support work: it is rejected, not loaded.
    status: { column: 'status', type: 'enum', values: { active: 'open', pending: 'pending', closed: 'solved' } },
    channel: { column: 'type', type: 'enum', values: { email: 'email', chat: 'chat', phone: 'phone' } },
    tags: { column: 'tags.tag', type: 'list', separator: '\n' },
    requester_id: { column: 'primaryCustomer.id', type: 'text' },
    requester_name: { column: 'primaryCustomer.email', type: 'text' },
    assignee: { column: 'assignee.email', type: 'text' },
    // Help Scout routes by mailbox rather than by team.
    team: { column: 'mailboxId', type: 'text' },
  },
};
