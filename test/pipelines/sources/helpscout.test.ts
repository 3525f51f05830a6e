// Help Scout conversations from the Mailbox API 2.0; expected values from test/fixtures/sources/helpscout/README.md.
import { helpscoutConversations } from '../../../pipelines/sources/helpscout.ts';
import { describeSourceFixture } from './source-fixture.ts';

describeSourceFixture('Help Scout conversations (Mailbox API 2.0 JSON array, UTC)', {
  file: 'helpscout/conversations.json',
  mapping: helpscoutConversations,
  rowsRead: 12,
  rejects: [
    { line: 10, column: 'status', reason: 'unknown status value' },
    { line: 11, column: 'createdAt', reason: 'unparseable created_at' },
    { line: 12, column: 'closedAt', reason: 'solved before created' },
  ],
  tickets: {
    3001: {
      status: 'open', channel: 'email', created_at: '2024-05-01T08:00:00Z', solved_at: null, subject: 'Refund, please',
      tags: ['billing', 'vip'], requester_id: '901',
    },
    3002: { status: 'pending', channel: 'chat', created_at: '2024-05-01T09:30:00Z', subject: 'Chat about "Pro" plan', tags: null },
    3003: { status: 'solved', channel: 'phone', created_at: '2024-05-01T10:00:00Z', solved_at: '2024-05-01T12:00:00Z', tags: ['account'] },
    3004: { status: 'open', channel: 'email', created_at: '2024-05-01T23:59:00Z', subject: 'Invoice, VAT, and PO number' },
    3005: { status: 'solved', channel: 'chat', created_at: '2024-05-02T07:00:00Z', solved_at: '2024-05-02T07:25:00Z' },
    3006: { status: 'pending', channel: 'email', created_at: '2024-05-02T09:00:00Z' },
    3007: { status: 'open', channel: 'phone', created_at: '2024-05-02T10:00:00Z' },
    3008: { status: 'solved', channel: 'email', created_at: '2024-05-02T11:00:00Z', solved_at: '2024-05-03T08:00:00Z' },
    3009: { status: 'open', channel: 'email', created_at: '2024-05-03T08:00:00Z', tags: ['api'] },
  },
});
