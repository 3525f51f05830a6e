// Jira Service Management issues from the data pipeline; expected values from test/fixtures/sources/jira/README.md.
import { jiraIssues } from '../../../pipelines/sources/jira.ts';
import { describeSourceFixture } from './source-fixture.ts';

describeSourceFixture('Jira Service Management issues (data pipeline CSV, UTC)', {
  file: 'jira/issues_20240410.csv',
  mapping: jiraIssues,
  rowsRead: 13,
  rejects: [
    { line: 13, column: 'status', reason: 'unknown status value' },
    { line: 14, column: 'created_date', reason: 'unparseable created_at' },
    { line: 15, column: 'summary', reason: 'missing subject' },
  ],
  tickets: {
    'HELP-1': {
      status: 'open', channel: 'other', priority: 'normal', created_at: '2024-04-01T08:00:00Z', solved_at: null,
      subject: 'New laptop, 16 GB', description: 'Please order a laptop.\nCost centre: 4410, Zagreb', requester_id: '557058:aa01',
    },
    'HELP-2': { status: 'open', channel: 'other', priority: 'high', created_at: '2024-04-01T09:30:00Z', description: null },
    'HELP-3': {
      status: 'pending', channel: 'other', priority: 'low', created_at: '2024-04-02T07:45:00Z',
      description: 'Which folder exactly? "Finance" or "Finance-2024"?',
    },
    'HELP-4': { status: 'open', channel: 'other', priority: 'urgent', created_at: '2024-04-02T23:10:00Z' },
    'HELP-5': { status: 'on_hold', channel: 'other', priority: 'normal', created_at: '2024-04-03T12:00:00Z' },
    'HELP-6': { status: 'open', channel: 'other', priority: 'high', created_at: '2024-04-04T06:00:00Z' },
    'HELP-7': { status: 'solved', channel: 'other', priority: 'normal', created_at: '2024-04-05T10:00:00Z', solved_at: '2024-04-05T10:20:00Z' },
    'HELP-8': { status: 'closed', channel: 'other', priority: 'high', created_at: '2024-04-05T13:00:00Z', solved_at: '2024-04-06T09:00:00Z' },
    'HELP-9': { status: 'closed', channel: 'other', priority: 'normal', created_at: '2024-04-05T10:05:00Z', solved_at: '2024-04-05T10:06:00Z' },
    'HELP-10': { status: 'solved', channel: 'other', priority: 'low', created_at: '2024-04-08T16:00:00Z', solved_at: '2024-04-09T08:30:00Z' },
  },
});
