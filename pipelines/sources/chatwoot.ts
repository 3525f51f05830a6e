// Chatwoot conversations as its API lists them (GET /api/v1/accounts/{id}/conversations, the `payload`
// items saved as a JSON array or one per line), nested `meta` staged with dotted names (see read.ts).
// Times are Unix epoch seconds; Chatwoot writes 0 for a time that has not happened (no reply yet).
import { epochFormat } from '../mapping/to-sql.ts';
import type { Mapping } from '../mapping/types.ts';

export const chatwootConversations: Mapping = {
  source: 'chatwoot',
  kind: 'tickets',
  nulls: ['0'],
  fields: {
    external_id: { column: 'id', type: 'text' },
    created_at: { column: 'created_at', type: 'timestamp', format: epochFormat },
    updated_at: { column: 'last_activity_at', type: 'timestamp', format: epochFormat },
    first_response_at: { column: 'first_reply_created_at', type: 'timestamp', format: epochFormat },
    status: {
      column: 'status',
      type: 'enum',
      // Pending: a bot still holds the conversation. Snoozed: parked until a time or the contact's reply.
      values: { open: 'open', pending: 'new', snoozed: 'pending', resolved: 'solved' },
    },
    priority: { column: 'priority', type: 'enum', values: { low: 'low', medium: 'normal', high: 'high', urgent: 'urgent' } },
    channel: {
      column: 'meta.channel',
      type: 'enum',
      values: {
        'Channel::WebWidget': 'chat', 'Channel::Email': 'email', 'Channel::Api': 'other', 'Channel::FacebookPage': 'social',
        'Channel::TwitterProfile': 'social', 'Channel::Whatsapp': 'social', 'Channel::Instagram': 'social',
        'Channel::Telegram': 'social', 'Channel::Line': 'social', 'Channel::TwilioSms': 'other', 'Channel::Sms': 'other',
        'Channel::Voice': 'phone',
      },
    },
    tags: { column: 'labels', type: 'list', separator: '\n' },
    requester_id: { column: 'meta.sender.id', type: 'text' },
    requester_name: { column: 'meta.sender.name', type: 'text' },
    assignee: { column: 'meta.assignee.name', type: 'text' },
    team: { column: 'meta.team.name', type: 'text' },
  },
};
