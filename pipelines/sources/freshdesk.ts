// Freshdesk's ticket export (Tickets → Export, CSV), column names as Freshdesk writes them. Timestamps are
// the exporting agent's local time without an offset: the load's time zone says which. The CSV writes
// status, priority and source as names; the API's numeric codes are accepted too, for exports made
// with API scripts that kept them.
import type { Mapping } from '../mapping/types.ts';

const freshdeskTime = '%Y-%m-%d %H:%M:%S';

export const freshdeskTickets: Mapping = {
  source: 'freshdesk',
  kind: 'tickets',
  fields: {
    external_id: { column: 'Ticket ID', type: 'text' },
    subject: { column: 'Subject', type: 'text' },
    description: { column: 'Description', type: 'text' },
    created_at: { column: 'Created time', type: 'timestamp', format: freshdeskTime },
    updated_at: { column: 'Last update time', type: 'timestamp', format: freshdeskTime },
    first_response_at: { column: 'Initial response time', type: 'timestamp', format: freshdeskTime },
    solved_at: { column: 'Resolved time', type: 'timestamp', format: freshdeskTime },
    closed_at: { column: 'Closed time', type: 'timestamp', format: freshdeskTime },
    due_at: { column: 'Due by Time', type: 'timestamp', format: freshdeskTime },
    status: {
      column: 'Status',
      type: 'enum',
      values: {
        open: 'open', pending: 'pending', resolved: 'solved', closed: 'closed',
        // The default custom statuses of new accounts: whose turn it is decides between pending and on hold.
        'waiting on customer': 'pending', 'waiting on third party': 'on_hold',
        2: 'open', 3: 'pending', 4: 'solved', 5: 'closed',
      },
    },
    priority: {
      column: 'Priority',
      type: 'enum',
      values: { low: 'low', medium: 'normal', high: 'high', urgent: 'urgent', 1: 'low', 2: 'normal', 3: 'high', 4: 'urgent' },
    },
    channel: {
      column: 'Source',
      type: 'enum',
      values: {
        email: 'email', 'outbound email': 'email', portal: 'web', 'feedback widget': 'web', forum: 'web', phone: 'phone',
        chat: 'chat', bot: 'chat', twitter: 'social', facebook: 'social', whatsapp: 'social', instagram: 'social',
        mobihelp: 'other', ecommerce: 'other',
        1: 'email', 2: 'web', 3: 'phone', 4: 'web', 5: 'social', 6: 'social', 7: 'chat', 8: 'other', 9: 'web', 10: 'email',
      },
    },
    category: { column: 'Type', type: 'text' },
    tags: { column: 'Tags', type: 'list', separator: ',' },
    requester_id: { column: 'Contact ID', type: 'text' },
    requester_name: { column: 'Full name', type: 'text' },
    organization: { column: 'Company Name', type: 'text' },
    assignee: { column: 'Agent', type: 'text' },
    team: { column: 'Group', type: 'text' },
    // "Agent interactions" counts every outbound message: replies and public notes, as Freshdesk's own first response does.
    agent_replies: { column: 'Agent interactions', type: 'integer' },
  },
};
