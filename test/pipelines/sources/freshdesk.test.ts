// Freshdesk's CSV ticket export; expected values from test/fixtures/sources/freshdesk/README.md.
import { freshdeskTickets } from '../../../pipelines/sources/freshdesk.ts';
import { describeSourceFixture } from './source-fixture.ts';

describeSourceFixture('Freshdesk ticket export (CSV, America/New_York, across the DST change)', {
  file: 'freshdesk/tickets.csv',
  mapping: freshdeskTickets,
  timeZone: 'America/New_York',
  rowsRead: 12,
  rejects: [
    { line: 15, column: 'Status', reason: 'unknown status value' },
    { line: 16, column: 'Created time', reason: 'unparseable created_at' },
    { line: 17, column: 'Resolved time', reason: 'solved before created' },
  ],
  tickets: {
    101: {
      status: 'open', channel: 'email', priority: 'normal', created_at: '2024-03-08T14:15:00Z', solved_at: null,
      first_response_at: '2024-03-08T14:45:00Z', first_response_minutes: 30, subject: 'Cannot log in, password reset fails',
      description: 'Hi,\nthe reset link says "expired" every time.\nThanks', tags: ['login', 'password'], requester_id: '5001',
      agent_replies: 1,
    },
    102: { status: 'pending', channel: 'web', priority: 'low', created_at: '2024-03-10T04:30:00Z', solved_at: null },
    103: {
      status: 'solved', channel: 'phone', priority: 'high', created_at: '2024-03-10T06:30:00Z', solved_at: '2024-03-10T07:30:00Z',
      first_response_at: '2024-03-10T06:40:00Z', first_response_minutes: 10,
    },
    104: {
      status: 'closed', channel: 'chat', priority: 'urgent', created_at: '2024-03-11T12:00:00Z', solved_at: '2024-03-11T13:00:00Z',
      closed_at: '2024-03-12T13:00:00Z', tags: ['refund', 'vip'], agent_replies: 3,
    },
    105: { status: 'pending', channel: 'web', priority: 'normal', created_at: '2024-03-12T18:00:00Z' },
    106: { status: 'on_hold', channel: 'email', priority: 'normal', created_at: '2024-03-13T14:00:00Z' },
    107: {
      status: 'solved', channel: 'social', priority: 'low', created_at: '2024-03-14T22:45:00Z', solved_at: '2024-03-15T13:00:00Z',
      description: null, tags: null, first_response_at: null, agent_replies: 0,
    },
    108: { status: 'open', channel: 'social', priority: 'urgent', created_at: '2024-03-15T11:05:00Z' },
    109: {
      status: 'closed', channel: 'email', priority: 'high', created_at: '2024-03-16T16:00:00Z', solved_at: '2024-03-16T16:30:00Z',
      closed_at: '2024-03-18T16:30:00Z', description: 'New address: Ilica 1, Zagreb\nPlease update the account.',
    },
  },
});
