// Chatwoot conversations from its API; expected values from test/fixtures/sources/chatwoot/README.md.
import { chatwootConversations } from '../../../pipelines/sources/chatwoot.ts';
import { describeSourceFixture } from './source-fixture.ts';

describeSourceFixture('Chatwoot conversations (API JSON array, epoch seconds)', {
  file: 'chatwoot/conversations.json',
  mapping: chatwootConversations,
  rowsRead: 12,
  rejects: [
    { line: 10, column: 'status', reason: 'unknown status value' },
    { line: 11, column: 'created_at', reason: 'missing created_at' },
    { line: 12, column: 'first_reply_created_at', reason: 'first response before created' },
  ],
  tickets: {
    1: {
      status: 'open', channel: 'chat', priority: null, created_at: '2024-05-01T08:00:00Z', first_response_at: '2024-05-01T08:04:00Z', first_response_minutes: 4,
      tags: ['billing', 'vip'], requester_id: '501',
    },
    2: { status: 'new', channel: 'other', priority: null, created_at: '2024-05-01T09:00:00Z', first_response_at: null, tags: null },
    3: { status: 'pending', channel: 'email', priority: 'low', created_at: '2024-05-01T10:15:00Z', first_response_at: '2024-05-01T11:00:00Z' },
    4: { status: 'solved', channel: 'social', priority: 'urgent', created_at: '2024-05-01T22:50:00Z', first_response_at: '2024-05-01T22:51:30Z', first_response_minutes: 1.5, solved_at: null },
    5: { status: 'solved', channel: 'social', priority: 'normal', created_at: '2024-05-02T07:00:00Z', first_response_at: '2024-05-02T09:00:00Z' },
    6: { status: 'open', channel: 'other', priority: 'high', created_at: '2024-05-02T12:00:00Z', first_response_at: null },
    7: { status: 'open', channel: 'social', priority: null, created_at: '2024-05-02T13:00:00Z' },
    8: { status: 'solved', channel: 'social', priority: 'low', created_at: '2024-05-02T14:00:00Z', first_response_at: '2024-05-02T14:10:00Z' },
    9: { status: 'open', channel: 'phone', priority: 'high', created_at: '2024-05-03T08:00:00Z', first_response_at: '2024-05-03T08:00:40Z' },
  },
});
