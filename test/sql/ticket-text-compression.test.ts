// Migration 018 rebuilds `tickets` with each text column's compression named (sql/schema/018_ticket_text_compression.sql):
// the same columns, defaults and checks, the same rows in the same order, and a file loaded before it is still
// recognised as unchanged when loaded again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../sql/db.ts';
import { listMigrations, migrate } from '../../sql/migrate.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { loadSmallFixture, smallFixture } from '../helpers/db.ts';

let db: Database;
beforeEach(async () => {
  db = await Database.open(join(mkdtempSync(join(tmpdir(), 'servicepulse-ticket-compression-')), 'tickets.duckdb'));
  await migrate(db, listMigrations().filter((m) => m.version <= 17));
});
afterEach(async () => {
  await db.close();
});

const shape = () =>
  db.read(`SELECT column_name, data_type, column_default, is_nullable FROM information_schema.columns
            WHERE table_name = 'tickets' ORDER BY ordinal_position`);
const constraints = () =>
  db.read(`SELECT constraint_type, constraint_text FROM duckdb_constraints() WHERE table_name = 'tickets' ORDER BY constraint_text, constraint_index`);
const rowsInOrder = () => db.read(`SELECT * EXCLUDE (tags), array_to_string(tags, '|') AS tags FROM tickets ORDER BY rowid`);

describe('migration 018: the tickets’ text compression', () => {
  it('keeps the columns, defaults, checks and rows in order, and a reload of the same file changes nothing', async () => {
    await loadSmallFixture(db);
    const [columnsBefore, constraintsBefore, rowsBefore] = [await shape(), await constraints(), await rowsInOrder()];
    expect(rowsBefore).toHaveLength(5);

    await migrate(db);
    expect(await shape()).toEqual(columnsBefore);
    expect(await constraints()).toEqual(constraintsBefore);
    expect(await rowsInOrder()).toEqual(rowsBefore);

    const again = await loadFile(db, { file: `${smallFixture}tickets.csv`, mapping: zendeskTickets });
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 5]);
    // The checks still hold: an unknown status is refused.
    await expect(db.write((tx) => tx.run(`UPDATE tickets SET status = 'parked' WHERE external_id = (SELECT min(external_id) FROM tickets)`)))
      .rejects.toThrow(/CHECK constraint/);
  });

  it('stores long texts with FSST and names in dictionaries, whatever DuckDB would choose for the data', async () => {
    await migrate(db);
    // 20,000 tickets written so that DuckDB's own choice would be the other one for each column: three descriptions
    // repeated (a dictionary would win), and team names all different (FSST would win).
    await db.write((tx) =>
      tx.run(`INSERT INTO tickets (ticket_id, source, external_id, description, status, channel, category, team_id, row_hash, load_id)
              SELECT i, 'zendesk', 'Z-' || i, 'The printer on floor ' || (i % 3) || ' jams when printing double-sided pages', 'open',
                     'email', 'hardware-' || (i % 5), 'team-with-a-long-name-' || i, md5(i::VARCHAR), 1
                FROM range(20000) r(i)`),
    );
    await db.write((tx) => tx.run('CHECKPOINT'));
    const compression = await db.read<{ column_name: string; compression: string }>(
      `SELECT DISTINCT column_name, compression FROM pragma_storage_info('tickets')
        WHERE column_name IN ('description', 'external_id', 'row_hash', 'category', 'team_id', 'status') AND segment_type = 'VARCHAR'
        ORDER BY column_name`,
    );
    expect(compression).toEqual([
      { column_name: 'category', compression: 'Dictionary' },
      { column_name: 'description', compression: 'FSST' },
      { column_name: 'external_id', compression: 'FSST' },
      { column_name: 'row_hash', compression: 'FSST' },
      { column_name: 'status', compression: 'Dictionary' },
      { column_name: 'team_id', compression: 'Dictionary' },
    ]);
  });
});
