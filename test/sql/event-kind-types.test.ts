// Migration 016 rebuilds ticket_events with ENUM kinds: every stored event keeps every value and its place, an invalid
// kind is still refused, and text comparisons and a ticket's timeline read as they did on text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../sql/db.ts';
import { recomputeFactsOf } from '../../sql/facts.ts';
import { ticketDetail } from '../../sql/metrics/ticket-detail.ts';
import { listMigrations, migrate } from '../../sql/migrate.ts';

let db: Database;

const storedBefore = [
  { ticket_id: 7, occurred_at: '2026-03-02 09:00:00', kind: 'created', actor: null, actor_kind: 'customer', from_value: null, to_value: null, load_id: 1, message_id: null, source_row_hash: '11', team: null, support_level: null },
  { ticket_id: 7, occurred_at: '2026-03-02 09:00:00', kind: 'agent_reply', actor: 'ana', actor_kind: 'agent', from_value: null, to_value: null, load_id: 1, message_id: 'm-1', source_row_hash: null, team: null, support_level: null },
  { ticket_id: 7, occurred_at: '2026-03-02 10:30:00', kind: 'team_change', actor: 'ana', actor_kind: 'agent', from_value: 'Desk', to_value: 'Hardware', load_id: 2, message_id: null, source_row_hash: '340282366920938463463374607431768211455', team: 'Hardware', support_level: 2 },
  { ticket_id: 3, occurred_at: '2026-03-01 08:00:00', kind: 'wait_end', actor: null, actor_kind: 'system', from_value: null, to_value: null, load_id: 2, message_id: null, source_row_hash: '5', team: null, support_level: null },
];

const readEvents = () =>
  db.read(
    `SELECT ticket_id::INTEGER AS ticket_id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS occurred_at, kind, actor, actor_kind, from_value, to_value,
            load_id::INTEGER AS load_id, message_id, source_row_hash::VARCHAR AS source_row_hash, team, support_level
       FROM ticket_events ORDER BY rowid`,
  );

beforeAll(async () => {
  db = await Database.open(':memory:');
  await migrate(db, listMigrations().filter((m) => m.version < 16));
  await db.write(async (tx) => {
    // Committed loads: rows of a load without its `loads` row are a torn commit, which opening removes (sql/recovery.ts).
    await tx.run(`INSERT INTO loads (load_id, file, source, kind, status, started_at) SELECT i, 'events.csv', 'zendesk', 'events', 'committed', now() FROM range(1, 4) r(i)`);
    for (const e of storedBefore) {
      await tx.run(
        `INSERT INTO ticket_events (ticket_id, occurred_at, kind, actor, actor_kind, from_value, to_value, load_id, message_id, source_row_hash, team, support_level)
         VALUES ($ticket_id, $occurred_at::TIMESTAMPTZ, $kind, $actor, $actor_kind, $from_value, $to_value, $load_id, $message_id, $source_row_hash::UHUGEINT, $team, $support_level)`,
        { ...e, occurred_at: `${e.occurred_at}+00` },
      );
    }
  });
  await migrate(db, listMigrations().filter((m) => m.version <= 16));
});
afterAll(async () => {
  await db.close();
});

describe('migration 016: event kinds as ENUM types', () => {
  it('keeps every stored event, every value and the rows’ order', async () => {
    expect(await readEvents()).toEqual(storedBefore);
  });

  it('types the kinds as ENUMs and keeps the default actor kind', async () => {
    const types = await db.read<{ column_name: string; data_type: string; column_default: string | null }>(
      `SELECT column_name, data_type, column_default FROM information_schema.columns
        WHERE table_name = 'ticket_events' AND column_name IN ('kind', 'actor_kind') ORDER BY column_name`,
    );
    expect(types.map((t) => [t.column_name, t.data_type.split('(')[0]])).toEqual([['actor_kind', 'ENUM'], ['kind', 'ENUM']]);
    await db.write((tx) => tx.run(`INSERT INTO ticket_events (ticket_id, occurred_at, kind, load_id) VALUES (9, TIMESTAMPTZ '2026-03-03 00:00:00+00', 'solved', 3)`));
    expect(await db.read(`SELECT actor_kind FROM ticket_events WHERE ticket_id = 9`)).toEqual([{ actor_kind: 'system' }]);
  });

  it('still refuses a kind outside the list, and stores nothing of that write', async () => {
    await expect(
      db.write((tx) => tx.run(`INSERT INTO ticket_events (ticket_id, occurred_at, kind, load_id) VALUES (8, TIMESTAMPTZ '2026-03-03 00:00:00+00', 'phoned', 3)`)),
    ).rejects.toThrow(/phoned/);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events WHERE ticket_id = 8`)).toEqual([{ n: 0 }]);
  });

  it('compares with text as text did, a value outside the list matching nothing', async () => {
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events WHERE kind = $kind`, { kind: 'team_change' })).toEqual([{ n: 1 }]);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events WHERE kind IN ('created', 'phoned')`)).toEqual([{ n: 1 }]);
    expect(await db.read(`SELECT count(*)::INTEGER AS n FROM ticket_events WHERE kind = $kind`, { kind: 'phoned' })).toEqual([{ n: 0 }]);
  });

  it('gives a ticket’s timeline its ties in alphabetical order, as on text (the ENUM’s own order puts created first)', async () => {
    await db.write(async (tx) => {
      await tx.run(`INSERT INTO tickets (ticket_id, source, external_id, created_at, status, channel, row_hash, load_id)
                    VALUES (7, 'zendesk', 'Z7', TIMESTAMPTZ '2026-03-02 09:00:00+00', 'open', 'email', 'h7', 1)`);
      await recomputeFactsOf(tx, 'SELECT 7::BIGINT AS ticket_id');
    });
    const detail = await ticketDetail(db, 7, new Date('2026-03-03T00:00:00Z'));
    expect(detail!.events.map((e) => e.kind)).toEqual(['agent_reply', 'created', 'team_change']);
  });
});
