// Migration 012 copies the suggestions 001's tables held (the demo's, written by the organisation loader) into the new
// tables, with nothing lost: texts, votes, comments (as version 1 of their text), status history as move events, the
// decline reason, the response, the author's team, and an event for every vote and comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../sql/db.ts';
import { listMigrations, migrate } from '../../../sql/migrate.ts';

let db: Database;

beforeAll(async () => {
  db = await Database.open(':memory:');
  await migrate(db, listMigrations().filter((m) => m.version < 12));
  await db.write(async (tx) => {
    await tx.run(`INSERT INTO users (user_id, display_name, role, team_id) VALUES ('ana', 'Ana', 'agent', 'zagreb'), ('iva', 'Iva', 'lead', 'zagreb')`);
    await tx.run(`INSERT INTO suggestions (title, description, author_id, anonymous, status, response, decline_reason, implemented_on, issue_key, created_at, updated_at) VALUES
      ('Macros in Croatian', 'Translate the top ten.', 'ana', true, 'implemented', 'Done.', NULL, DATE '2026-02-01', 'account/two-factor', TIMESTAMPTZ '2026-01-05 09:00:00+00', TIMESTAMPTZ '2026-02-01 10:00:00+00'),
      ('Close phones on Fridays', 'Quiet afternoons.', 'ana', false, 'declined', 'Phone is our best CSAT.', 'Phone is our best CSAT.', NULL, NULL, TIMESTAMPTZ '2026-01-06 09:00:00+00', TIMESTAMPTZ '2026-01-07 09:00:00+00'),
      ('Waiting', 'Nobody answered yet.', 'ana', false, 'new', NULL, NULL, NULL, NULL, TIMESTAMPTZ '2026-01-08 09:00:00+00', TIMESTAMPTZ '2026-01-08 09:00:00+00')`);
    await tx.run(`INSERT INTO suggestion_votes VALUES (1, 'iva', TIMESTAMPTZ '2026-01-05 10:00:00+00'), (2, 'iva', TIMESTAMPTZ '2026-01-06 10:00:00+00')`);
    await tx.run(`INSERT INTO suggestion_comments (suggestion_id, author_id, body, created_at) VALUES (1, 'iva', 'Slažem se 👍', TIMESTAMPTZ '2026-01-05 11:00:00+00')`);
    await tx.run(`INSERT INTO suggestion_events (suggestion_id, occurred_at, actor_id, kind, from_value, to_value, note) VALUES
      (1, TIMESTAMPTZ '2026-01-05 09:00:00+00', 'ana', 'created', NULL, 'new', NULL),
      (1, TIMESTAMPTZ '2026-01-10 09:00:00+00', 'iva', 'status_changed', 'new', 'under_review', 'Looking'),
      (1, TIMESTAMPTZ '2026-02-01 10:00:00+00', 'iva', 'status_changed', 'under_review', 'implemented', 'Live since 2026-02-01.'),
      (2, TIMESTAMPTZ '2026-01-06 09:00:00+00', 'ana', 'created', NULL, 'new', NULL),
      (2, TIMESTAMPTZ '2026-01-07 09:00:00+00', 'iva', 'status_changed', 'new', 'declined', 'Phone is our best CSAT.'),
      (3, TIMESTAMPTZ '2026-01-08 09:00:00+00', 'ana', 'created', NULL, 'new', NULL)`);
  });
  await migrate(db);
});
afterAll(async () => {
  await db.close();
});

describe('migration 012', () => {
  it('keeps every suggestion, with its team, response, first answer and links', async () => {
    const rows = await db.read(
      `SELECT suggestion_id::INTEGER AS id, title, body, anonymous, team_id, status, response, responded_by, strftime(responded_at, '%Y-%m-%d %H:%M') AS responded_at,
              decline_reason, strftime(implemented_on, '%Y-%m-%d') AS implemented_on, issue_key, strftime(first_response_at, '%Y-%m-%d %H:%M') AS first_response_at
         FROM suggestions ORDER BY 1`,
    );
    expect(rows).toEqual([
      { id: 1, title: 'Macros in Croatian', body: 'Translate the top ten.', anonymous: true, team_id: 'zagreb', status: 'implemented', response: 'Done.', responded_by: 'iva', responded_at: '2026-02-01 10:00', decline_reason: null, implemented_on: '2026-02-01', issue_key: 'account/two-factor', first_response_at: '2026-01-10 09:00' },
      { id: 2, title: 'Close phones on Fridays', body: 'Quiet afternoons.', anonymous: false, team_id: 'zagreb', status: 'declined', response: 'Phone is our best CSAT.', responded_by: 'iva', responded_at: '2026-01-07 09:00', decline_reason: 'Phone is our best CSAT.', implemented_on: null, issue_key: null, first_response_at: '2026-01-07 09:00' },
      { id: 3, title: 'Waiting', body: 'Nobody answered yet.', anonymous: false, team_id: 'zagreb', status: 'new', response: null, responded_by: null, responded_at: null, decline_reason: null, implemented_on: null, issue_key: null, first_response_at: null },
    ]);
  });

  it('keeps votes (live) and comments (as the first version of their text)', async () => {
    expect(await db.read(`SELECT suggestion_id::INTEGER AS id, user_id, revoked_at FROM suggestion_votes ORDER BY 1`)).toEqual([
      { id: 1, user_id: 'iva', revoked_at: null }, { id: 2, user_id: 'iva', revoked_at: null },
    ]);
    expect(await db.read(`SELECT c.suggestion_id::INTEGER AS id, c.author_id, t.version, t.body FROM suggestion_comments c JOIN suggestion_comment_texts t USING (comment_id)`)).toEqual([
      { id: 1, author_id: 'iva', version: 1, body: 'Slažem se 👍' },
    ]);
  });

  it('tells each suggestion’s story in the events: create, moves (the decline with its reason), response, votes, comments', async () => {
    const events = await db.read<{ kind: string; actor_id: string; payload: string }>(
      `SELECT kind, actor_id, payload::VARCHAR AS payload FROM suggestion_events WHERE suggestion_id = 2 ORDER BY occurred_at, event_id`,
    );
    expect(events.map((e) => [e.kind, e.actor_id, JSON.parse(e.payload)])).toEqual([
      ['create', 'ana', { title: 'Close phones on Fridays', body: 'Quiet afternoons.', anonymous: false, team_id: 'zagreb', issue_id: null, issue_key: null, goal_id: null, ticket_ids: [] }],
      ['vote', 'iva', {}],
      ['move', 'iva', { from: 'new', to: 'declined', reason: 'Phone is our best CSAT.' }],
      ['response', 'iva', { response: 'Phone is our best CSAT.' }],
    ]);
    const kinds = await db.read<{ kind: string }>(`SELECT kind FROM suggestion_events WHERE suggestion_id = 1 ORDER BY occurred_at, event_id`);
    expect(kinds.map((k) => k.kind)).toEqual(['create', 'vote', 'comment', 'move', 'move', 'response']);
  });

  // The old loader drew the ids it gave from the sequence (advanceSequencePast), as the inserts above do.
  it('new rows take ids after the copied ones', async () => {
    await db.write((tx) => tx.run(`INSERT INTO suggestions (title, body, author_id, created_at, updated_at) VALUES ('x', 'y', 'ana', now(), now())`));
    expect((await db.readOne<{ id: number }>(`SELECT max(suggestion_id)::INTEGER AS id FROM suggestions`))!.id).toBe(4);
  });
});
