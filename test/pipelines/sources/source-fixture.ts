// One check for every built-in source: its fixture under test/fixtures/sources/<product>/ is detected as
// that source, loads into the tickets and rejects its README computes by hand, and reloads unchanged.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { loadFile, type LoadSummary } from '../../../pipelines/load.ts';
import type { Mapping } from '../../../pipelines/mapping/types.ts';
import { readColumns } from '../../../pipelines/read.ts';
import { detectMapping } from '../../../pipelines/sources/index.ts';
import { freshDb } from '../../helpers/db.ts';

/** Instants as `2024-03-08T14:15:00Z`; a field left out of a ticket is not checked. */
export interface ExpectedTicket {
  status: string;
  channel: string;
  priority?: string | null;
  created_at: string;
  solved_at?: string | null;
  closed_at?: string | null;
  first_response_at?: string | null;
  /** From ticket_facts: what the dashboard reports. */
  first_response_minutes?: number | null;
  subject?: string | null;
  description?: string | null;
  tags?: string[] | null;
  requester_id?: string | null;
  agent_replies?: number;
  reopens?: number;
  team_changes?: number;
}

export interface SourceFixture {
  /** Path under test/fixtures/sources/. */
  file: string;
  mapping: Mapping;
  timeZone?: string;
  rowsRead: number;
  /** Each rejected row: its line, the column named, and how the reason starts. */
  rejects: Array<{ line: number; column: string; reason: string }>;
  tickets: Record<string, ExpectedTicket>;
}

export const fixturePath = (file: string) => fileURLToPath(new URL(`../../fixtures/sources/${file}`, import.meta.url));

const instant = (value: string, name: string) => `strftime(${value}, '%Y-%m-%dT%H:%M:%SZ') AS ${name}`;

export function describeSourceFixture(title: string, fixture: SourceFixture) {
  const file = fixturePath(fixture.file);
  describe(title, () => {
    let db: Database;
    let first: LoadSummary;
    beforeAll(async () => {
      db = await freshDb();
      first = await loadFile(db, { file, mapping: fixture.mapping, timeZone: fixture.timeZone });
    });
    afterAll(async () => {
      await db.close();
    });

    it('is detected from its header, with or without --source', async () => {
      const columns = await readColumns(db, file);
      expect(detectMapping(file, columns)).toBe(fixture.mapping);
      expect(detectMapping(file, columns, { source: fixture.mapping.source, kind: 'tickets' })).toBe(fixture.mapping);
    });

    it('loads the tickets its README computes by hand', async () => {
      const ids = Object.keys(fixture.tickets).sort();
      expect([first.rowsRead, first.inserted, first.rejected]).toEqual([fixture.rowsRead, ids.length, fixture.rejects.length]);
      const rows = await db.read<Record<string, unknown>>(
        `SELECT t.external_id, t.status, t.channel, t.priority,
                ${['created_at', 'solved_at', 'closed_at', 'first_response_at'].map((c) => instant(`t.${c}`, c)).join(', ')},
                t.subject, t.description, t.tags, t.requester_id, t.agent_replies, t.reopens, t.team_changes, f.first_response_minutes
           FROM tickets t LEFT JOIN ticket_facts f USING (ticket_id) WHERE t.source = $source ORDER BY t.external_id`,
        { source: fixture.mapping.source },
      );
      expect(rows.map((row) => row.external_id)).toEqual(ids);
      for (const row of rows) expect(row, `ticket ${row.external_id}`).toMatchObject(fixture.tickets[row.external_id as string]!);
    });

    it('rejects the deliberately bad rows naming their line and column', async () => {
      const rejects = await db.read<{ line: number; column: string; reason: string }>(
        `SELECT line::INTEGER AS line, column_name AS "column", reason FROM load_rejects WHERE load_id = $load_id ORDER BY line`,
        { load_id: first.loadId },
      );
      expect(rejects).toEqual(fixture.rejects.map((r) => ({ ...r, reason: expect.stringMatching(new RegExp(`^${r.reason}`)) })));
    });

    it('reports every row unchanged when the same file is loaded again', async () => {
      const again = await loadFile(db, { file, mapping: fixture.mapping, timeZone: fixture.timeZone });
      const loaded = Object.keys(fixture.tickets).length;
      expect([again.inserted, again.updated, again.unchanged, again.rejected]).toEqual([0, 0, loaded, fixture.rejects.length]);
    });
  });
}
