// Zendesk's JSON ticket export with its nested via and metric_set; expected values from
// test/fixtures/sources/zendesk/README.md.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../sql/db.ts';
import { readColumns } from '../../../pipelines/read.ts';
import { detectMapping } from '../../../pipelines/sources/index.ts';
import { zendeskJsonTickets } from '../../../pipelines/sources/zendesk.ts';
import { describeSourceFixture, fixturePath } from './source-fixture.ts';

describeSourceFixture('Zendesk JSON ticket export (one {"ticket": …} per line, UTC)', {
  file: 'zendesk/tickets.json',
  mapping: zendeskJsonTickets,
  rowsRead: 12,
  rejects: [
    { line: 10, column: 'via.channel', reason: 'unknown channel value' },
    { line: 11, column: 'created_at', reason: 'unparseable created_at' },
    { line: 12, column: 'metric_set.solved_at', reason: 'solved before created' },
  ],
  tickets: {
    201: {
      status: 'new', channel: 'web', priority: 'normal', created_at: '2024-05-01T08:00:00Z', tags: ['billing', 'vip'],
      subject: 'Upgrade, downgrade, or cancel?', requester_id: '9201', agent_replies: 0, team_changes: 0, first_response_at: null,
    },
    202: {
      status: 'open', channel: 'email', priority: 'high', created_at: '2024-05-01T09:30:00Z', agent_replies: 1,
      first_response_at: '2024-05-01T10:12:00Z', first_response_minutes: 42,
      description: 'Hello,\nmy invoice says "€0,00", is that right?\nRegards',
    },
    203: { status: 'pending', channel: 'chat', priority: 'low', created_at: '2024-05-01T23:45:00Z', tags: null, first_response_at: '2024-05-01T23:48:00Z' },
    204: { status: 'on_hold', channel: 'phone', priority: 'urgent', created_at: '2024-05-02T06:10:00Z', team_changes: 1, first_response_at: '2024-05-02T06:11:00Z' },
    205: {
      status: 'solved', channel: 'other', priority: 'normal', created_at: '2024-05-02T07:00:00Z', solved_at: '2024-05-02T10:00:00Z',
      agent_replies: 2, reopens: 1, team_changes: 1, first_response_at: '2024-05-02T07:30:00Z',
    },
    206: {
      status: 'closed', channel: 'chat', priority: null, created_at: '2024-05-02T08:00:00Z', solved_at: '2024-05-02T08:20:00Z',
      first_response_at: '2024-05-02T08:05:00Z',
    },
    207: { status: 'solved', channel: 'social', priority: 'low', created_at: '2024-05-02T12:00:00Z', solved_at: null, agent_replies: 0, first_response_at: null },
    208: { status: 'open', channel: 'web', priority: 'normal', created_at: '2024-05-03T10:00:00Z', description: null },
    209: { status: 'new', channel: 'chat', priority: 'high', created_at: '2024-05-03T11:00:00Z' },
  },
});

describe('Zendesk JSON tickets without the {"ticket": …} wrapper (as the tickets API writes them)', () => {
  it('stage the same dotted columns and are detected the same way', async () => {
    const wrapped = fixturePath('zendesk/tickets.json');
    const bare = join(mkdtempSync(join(tmpdir(), 'servicepulse-zendesk-')), 'tickets.json');
    const tickets = readFileSync(wrapped, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { ticket: unknown }).ticket);
    writeFileSync(bare, JSON.stringify(tickets));
    const db = await Database.open(':memory:');
    try {
      const columns = await readColumns(db, bare);
      expect(columns).toEqual(await readColumns(db, wrapped));
      expect(columns).toEqual(expect.arrayContaining(['via.channel', 'metric_set.replies', 'custom_fields.id', 'satisfaction_rating.score']));
      expect(detectMapping(bare, columns)).toBe(zendeskJsonTickets);
    } finally {
      await db.close();
    }
  });
});
