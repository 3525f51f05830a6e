// Zendesk's ticket exports (Admin Center → Account → Tools → Reports → Export): the CSV export, column
// names as Zendesk writes them, and the JSON export, a ticket object per line with its nested `via` and
// `metric_set` (staged with dotted names, see read.ts). CSV timestamps are the account's local time
// without an offset (the load's time zone says which); JSON ones are ISO 8601 instants in UTC.
import type { Mapping } from '../mapping/types.ts';

const zendeskTime = '%Y-%m-%d %H:%M:%S';

// CSV status names and JSON status values ("hold") alike; matching ignores letter case.
const statuses = { new: 'new', open: 'open', pending: 'pending', 'on-hold': 'on_hold', hold: 'on_hold', solved: 'solved', closed: 'closed' };
const priorities = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' };

/** The CSV's "Via" names and the JSON's `via.channel` values. */
const channels = {
  mail: 'email', email: 'email', 'web form': 'web', web: 'web', 'web widget': 'web', web_widget: 'web', 'web service': 'web',
  'help center': 'web', help_center: 'web', forum: 'web',
  'phone call (incoming)': 'phone', 'phone call (outgoing)': 'phone', voicemail: 'phone', phone: 'phone', voice: 'phone',
  chat: 'chat', 'native messaging': 'chat', native_messaging: 'chat', messaging: 'chat', mobile_sdk: 'chat',
  twitter: 'social', facebook: 'social', 'facebook messenger': 'social', messenger: 'social', instagram: 'social',
  instagram_dm: 'social', whatsapp: 'social', line: 'social', wechat: 'social', telegram: 'social',
  'in person': 'desk', 'walk-in': 'desk',
  api: 'other', 'closed ticket': 'other', closed_ticket: 'other', 'ticket sharing': 'other', ticket_sharing: 'other', sms: 'other',
  any_channel: 'other', mobile: 'other', rule: 'other', system: 'other', side_conversation: 'other', sample_ticket: 'other',
};

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
    status: { column: 'Status', type: 'enum', values: statuses },
    priority: { column: 'Priority', type: 'enum', values: priorities },
    channel: { column: 'Via', type: 'enum', values: channels },
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
    // Zendesk's first reply follows the same rule as ours (an agent-created ticket counts its second public reply).
    first_response_at: { column: 'First reply time in minutes', type: 'minutes_after', after: 'created_at' },
    agent_replies: { column: 'Replies', type: 'integer' },
    reopens: { column: 'Reopens', type: 'integer' },
    team_stations: { column: 'Group stations', type: 'integer' },
    assignee_stations: { column: 'Assignee stations', type: 'integer' },
  },
};

/** The JSON export names people, groups and organisations by id only. */
export const zendeskJsonTickets: Mapping = {
  source: 'zendesk',
  kind: 'tickets',
  fields: {
    external_id: { column: 'id', type: 'text' },
    subject: { column: 'subject', type: 'text' },
    description: { column: 'description', type: 'text' },
    created_at: { column: 'created_at', type: 'timestamp' },
    updated_at: { column: 'updated_at', type: 'timestamp' },
    due_at: { column: 'due_at', type: 'timestamp' },
    status: { column: 'status', type: 'enum', values: statuses },
    priority: { column: 'priority', type: 'enum', values: priorities },
    channel: { column: 'via.channel', type: 'enum', values: channels },
    tags: { column: 'tags', type: 'list', separator: '\n' },
    requester_id: { column: 'requester_id', type: 'text' },
    organization: { column: 'organization_id', type: 'text' },
    assignee: { column: 'assignee_id', type: 'text' },
    team: { column: 'group_id', type: 'text' },
    submitter: { column: 'submitter_id', type: 'text' },
    // The ticket_metrics fields, nested in each ticket as `metric_set`.
    solved_at: { column: 'metric_set.solved_at', type: 'timestamp' },
    first_response_at: { column: 'metric_set.reply_time_in_minutes.calendar', type: 'minutes_after', after: 'created_at' },
    agent_replies: { column: 'metric_set.replies', type: 'integer' },
    reopens: { column: 'metric_set.reopens', type: 'integer' },
    team_stations: { column: 'metric_set.group_stations', type: 'integer' },
    assignee_stations: { column: 'metric_set.assignee_stations', type: 'integer' },
  },
};
