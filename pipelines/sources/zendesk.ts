// Zendesk's CSV ticket export (Admin Center → Reports → Export), column names as Zendesk writes them.
// Timestamps are the account's local time without an offset: the load's time zone says which.
import type { Mapping } from '../mapping/types.ts';

const zendeskTime = '%Y-%m-%d %H:%M:%S';

export const zendeskTickets: Mapping = {
  source: 'zendesk',
  kind: 'tickets',
  fields: {
    external_id: { column: 'ID', type: 'text' },
    subject: { column: 'Subject', type: 'text' },
    description: { column: 'Description', type: 'text' },
    created_at: { column: 'Created at', type: 'timestamp', format: zendeskTime },
    updated_at: { column: 'Updated at', type: 'timestamp', format: zendeskTime },
    solved_at: { column: 'Solved at', type: 'timestamp', format: zendeskTime },
    due_at: { column: 'Due date', type: 'timestamp', format: zendeskTime },
    status: {
      column: 'Status',
      type: 'enum',
      values: { new: 'new', open: 'open', pending: 'pending', 'on-hold': 'on_hold', hold: 'on_hold', solved: 'solved', closed: 'closed' },
    },
    priority: { column: 'Priority', type: 'enum', values: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } },
    channel: {
      column: 'Via',
      type: 'enum',
      values: {
        mail: 'email', email: 'email', 'web form': 'web', 'web widget': 'web', 'web service': 'web', 'help center': 'web',
        'phone call (incoming)': 'phone', 'phone call (outgoing)': 'phone', voicemail: 'phone', phone: 'phone',
        chat: 'chat', 'native messaging': 'chat', messaging: 'chat',
        twitter: 'social', facebook: 'social', 'facebook messenger': 'social', instagram: 'social', whatsapp: 'social',
        'in person': 'desk', 'walk-in': 'desk',
        api: 'other', 'closed ticket': 'other', 'ticket sharing': 'other', sms: 'other',
      },
    },
    category: { column: 'Category', type: 'text' },
    subcategory: { column: 'Subcategory', type: 'text' },
    tags: { column: 'Tags', type: 'list', separator: ' ' },
    requester_id: { column: 'Requester ID', type: 'text' },
    requester_name: { column: 'Requester', type: 'text' },
    requester_kind: { column: 'Customer type', type: 'enum', values: { external: 'external', internal: 'internal' } },
    organization: { column: 'Organization', type: 'text' },
    assignee: { column: 'Assignee', type: 'text' },
    team: { column: 'Group', type: 'text' },
    submitter: { column: 'Submitter', type: 'text' },
    agent_replies: { column: 'Replies', type: 'integer' },
    reopens: { column: 'Reopens', type: 'integer' },
    team_stations: { column: 'Group stations', type: 'integer' },
    assignee_stations: { column: 'Assignee stations', type: 'integer' },
  },
};
