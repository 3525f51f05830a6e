// Migration 017 keeps 64 bits of each event's MD5 (sql/schema/017_event_hash_64.sql): the stored hashes are those the
// mapping now computes, so a file loaded before the migration is still recognised, row by row, when loaded again.
// The hashes are computed here with Node's own MD5 over the row's cells, independently of DuckDB.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../sql/db.ts';
import { listMigrations, migrate } from '../../sql/migrate.ts';
import { loadFile } from '../../pipelines/load.ts';
import { updateLogHeader, updateLogMapping as mapping } from '../helpers/update-log.ts';

const rows = [
  ['T1', '2026-03-02 09:00:00', 'Open'],
  ['T1', '2026-03-02 10:00:00', 'Update description'],
  ['T1', '2026-03-02 10:00:00', 'Update category'],
  ['T1', '2026-03-02 12:00:00', 'Resolve'],
];
const file = join(mkdtempSync(join(tmpdir(), 'servicepulse-hash-64-')), 'updates.csv');
writeFileSync(file, [updateLogHeader, ...rows.map((row) => row.join(','))].join('\n') + '\n');

/** MD5 of a row's cells joined by the unit separator (pipelines/mapping/to-sql.ts `sourceRowText`). */
const digestOf = (row: string[]) => createHash('md5').update(row.join('\x1f')).digest();
/** What migration 014–016 stored: DuckDB's md5_number, the 16 bytes read as one little-endian number. */
const md5Number = (row: string[]) => {
  const digest = digestOf(row);
  return (digest.readBigUInt64LE(8) << 64n) | digest.readBigUInt64LE(0);
};
/** What is stored now: the digest's last eight bytes, little-endian. */
const md5Bits64 = (row: string[]) => digestOf(row).readBigUInt64LE(8);

let db: Database;
beforeEach(async () => {
  db = await Database.open(':memory:');
  await migrate(db, listMigrations().filter((m) => m.version <= 16));
});
afterEach(async () => {
  await db.close();
});

const storedHashes = async () =>
  (await db.read<{ hash: string }>('SELECT source_row_hash::VARCHAR AS hash FROM ticket_events')).map((r) => r.hash);

describe('migration 017: 64-bit event hashes', () => {
  it('computes the same hash as MD5 over the row’s cells, its last eight bytes', async () => {
    await migrate(db);
    await loadFile(db, { file, mapping });
    const expected = rows.map(md5Bits64);
    expect((await storedHashes()).sort()).toEqual(expected.map(String).sort());
    const type = await db.readOne<{ data_type: string }>(
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'ticket_events' AND column_name = 'source_row_hash'`,
    );
    expect(type?.data_type).toBe('UBIGINT');
  });

  it('turns the 128-bit hashes stored before it into the ones a load now computes: loading the file again adds nothing', async () => {
    const first = await loadFile(db, { file, mapping });
    expect(first.inserted).toBe(4);
    // As the load before this migration stored them: md5_number, all 128 bits.
    await db.write(async (tx) => {
      for (const row of rows) {
        await tx.run(
          `UPDATE ticket_events SET source_row_hash = $old::UHUGEINT
            WHERE occurred_at = $at::TIMESTAMPTZ AND (md5_number(concat_ws(chr(31), $case, $at, $activity)) >> 64)::UBIGINT = source_row_hash`,
          { old: md5Number(row).toString(), case: row[0]!, at: `${row[1]}`, activity: row[2]! },
        );
      }
    });
    expect((await storedHashes()).sort()).toEqual(rows.map(md5Number).map(String).sort());
    expect(rows.map(md5Number).every((old) => old > 2n ** 64n)).toBe(true);

    await migrate(db);
    expect((await storedHashes()).sort()).toEqual(rows.map(md5Bits64).map(String).sort());
    const again = await loadFile(db, { file, mapping });
    expect([again.inserted, again.unchanged]).toEqual([0, 4]);
    expect((await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ticket_events'))!.n).toBe(4);
  });

  it('keeps the other columns’ types and the text columns’ dictionary compression, and stores the hashes uncompressed', async () => {
    await migrate(db);
    const columns = await db.read<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ticket_events' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type.split('(')[0]}`)).toEqual([
      'ticket_id BIGINT', 'occurred_at TIMESTAMP WITH TIME ZONE', 'kind ENUM', 'actor VARCHAR', 'actor_kind ENUM', 'from_value VARCHAR',
      'to_value VARCHAR', 'load_id BIGINT', 'message_id VARCHAR', 'source_row_hash UBIGINT', 'team VARCHAR', 'support_level SMALLINT',
    ]);
    // Written to a file: 20,000 different actors, which DuckDB would otherwise store with FSST, stay in dictionaries, and
    // hashes that happen to be small numbers, which it would otherwise bit-pack, stay uncompressed.
    const path = join(mkdtempSync(join(tmpdir(), 'servicepulse-hash-64-db-')), 'events.duckdb');
    const onFile = await Database.open(path);
    try {
      await migrate(onFile, listMigrations().filter((m) => m.version <= 16));
      await migrate(onFile);
      await onFile.write((tx) =>
        tx.run(`INSERT INTO ticket_events (ticket_id, occurred_at, kind, actor, load_id, source_row_hash)
                SELECT i, TIMESTAMPTZ '2026-03-02 09:00:00+00', 'solved', 'agent-with-a-long-name-' || i, 1, (i % 7)::UBIGINT
                  FROM range(20000) r(i)`),
      );
      await onFile.write((tx) => tx.run('CHECKPOINT'));
      const compression = await onFile.read<{ column_name: string; compression: string }>(
        `SELECT DISTINCT column_name, compression FROM pragma_storage_info('ticket_events')
          WHERE column_name IN ('actor', 'source_row_hash') AND segment_type IN ('VARCHAR', 'UBIGINT') ORDER BY column_name`,
      );
      expect(compression).toEqual([{ column_name: 'actor', compression: 'Dictionary' }, { column_name: 'source_row_hash', compression: 'Uncompressed' }]);
    } finally {
      await onFile.close();
    }
  });
});
