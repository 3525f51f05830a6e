// Jira Service Management issues as the Jira data pipeline exports them (`issues_*.csv`, RFC 4180, ISO 8601
// instants in UTC). Statuses are each project's workflow: the map covers JSM's default service workflows
// (IT support, incidents, service requests, problems, changes); a file with other statuses is rejected
// row by row naming them, and a mapping file says what they mean.
import type { Mapping } from '../mapping/types.ts';

export const jiraIssues: Mapping = {
  source: 'jira',
  kind: 'tickets',
  fields: {
    external_id: { column: 'key', type: 'text' },
    // Jira requires a summary; requiring it here also keeps other files with a "key" column from looking like this one.
    subject: { column: 'summary', type: 'text', required: true },
    description: { column: 'description', type: 'text' },
    created_at: { column: 'created_date', type: 'timestamp' },
    updated_at: { column: 'updated_date', type: 'timestamp' },
    solved_at: { column: 'resolution_date', type: 'timestamp' },
    due_at: { column: 'due_date', type: 'timestamp' },
    status: {
      column: 'status',
      type: 'enum',
      values: {
        open: 'open', reopened: 'open', 'to do': 'new', backlog: 'new', new: 'new',
        'waiting for support': 'open', 'in progress': 'open', 'work in progress': 'open', 'under investigation': 'open',
        escalated: 'open', investigating: 'open', implementing: 'open', 'under review': 'open', planning: 'open',
        'waiting for customer': 'pending',
        pending: 'on_hold', 'awaiting approval': 'on_hold', 'awaiting implementation': 'on_hold', 'awaiting cab approval': 'on_hold',
        resolved: 'solved', done: 'solved', completed: 'solved',
        closed: 'closed', canceled: 'closed', cancelled: 'closed', declined: 'closed',
      },
    },
    priority: {
      column: 'priority_name',
      type: 'enum',
      values: {
        highest: 'urgent', blocker: 'urgent', critical: 'urgent', high: 'high', major: 'high', medium: 'normal',
        low: 'low', minor: 'low', lowest: 'low', trivial: 'low',
      },
    },
    category: { column: 'issue_type', type: 'text' },
    requester_id: { column: 'reporter_id', type: 'text' },
    assignee: { column: 'assignee_id', type: 'text' },
  },
  // The data pipeline does not export the request channel (portal, email, …).
  defaults: { channel: 'other' },
};
