// Past loads as the `loads` and `load_rejects` tables record them.
import { hideServerPaths } from '../../pipelines/hide-server-paths.ts';
import { rejectKindSql } from '../../pipelines/rejects.ts';
import type { Database } from '../../sql/db.ts';
import type { ImportResponse, ImportState, RejectsResponse } from '../contracts.ts';
import { nextCursor } from '../paging.ts';
import { importLinks } from './queue.ts';

type LoadRow = {
  load_id: number;
  file: string;
  bytes: number | null;
  source: string;
  kind: string;
  status: ImportState;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  import_id: string | null;
};

const topRejectsPerLoad = 3;
const isoInstant = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

function toImport(row: LoadRow, topRejects: Array<{ reason: string; count: number }>): ImportResponse {
  // The id its client was given (an upload's), else the load id (the command line's loads).
  const id = row.import_id ?? String(row.load_id);
  return {
    id, load_id: row.load_id, state: row.status, step: null, progress: null, file: row.file, bytes: row.bytes, format: null,
    source: row.source, kind: row.kind, started_at: row.started_at, finished_at: row.finished_at,
    rows: row.status === 'failed' || row.status === 'interrupted' ? null : { read: row.read, inserted: row.inserted, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected },
    // Loads recorded before failures were stored without server paths still had them.
    top_rejects: topRejects, summary: null, error: row.error === null ? null : hideServerPaths(row.error), links: importLinks(id, row.load_id),
  };
}

/** Loads with ids below `below`, newest first, each with its most frequent reject reasons. */
export async function readLoads(db: Database, below: number, limit: number): Promise<ImportResponse[]> {
  return db.withConnection(async (query) => {
    const rows = await query.all<LoadRow>(
      `SELECT load_id::INTEGER AS load_id, file, bytes::DOUBLE AS bytes, source, kind, status,
              rows_read::INTEGER AS read, rows_inserted::INTEGER AS inserted, rows_updated::INTEGER AS updated,
              rows_unchanged::INTEGER AS unchanged, rows_rejected::INTEGER AS rejected,
              ${isoInstant('started_at')} AS started_at, ${isoInstant('finished_at')} AS finished_at, error, import_id
         FROM loads WHERE load_id < $below ORDER BY load_id DESC LIMIT $limit`,
      { below, limit },
    );
    if (rows.length === 0) return [];
    // The page is a contiguous run of ids, so its rejects are those between its first and last id.
    const rejects = await query.all<{ load_id: number; reason: string; count: number }>(
      `SELECT * FROM (
         SELECT load_id::INTEGER AS load_id, ${rejectKindSql} AS reason, count(*)::INTEGER AS count
           FROM load_rejects WHERE load_id BETWEEN $low AND $high
          GROUP BY ALL)
       QUALIFY row_number() OVER (PARTITION BY load_id ORDER BY count DESC, reason) <= $top
        ORDER BY load_id, count DESC, reason`,
      { low: rows.at(-1)!.load_id, high: rows[0]!.load_id, top: topRejectsPerLoad },
    );
    return rows.map((row) =>
      toImport(row, rejects.filter((r) => r.load_id === row.load_id).map(({ reason, count }) => ({ reason, count }))),
    );
  });
}

/** The load recorded for an import id the API gave, after the server that accepted it has stopped. */
export async function readImport(db: Database, importId: string): Promise<ImportResponse | undefined> {
  const row = await db.readOne<{ load_id: number }>('SELECT load_id::INTEGER AS load_id FROM loads WHERE import_id = $id', { id: importId });
  return row ? readLoad(db, row.load_id) : undefined;
}

export async function readLoad(db: Database, loadId: number): Promise<ImportResponse | undefined> {
  const [found] = await readLoads(db, loadId + 1, 1);
  return found?.load_id === loadId ? found : undefined;
}

/** One page of a load's rejects in line order; the cursor is the position to continue from. */
export async function readRejects(db: Database, loadId: number, limit: number, offset: number): Promise<RejectsResponse> {
  return db.withConnection(async (query) => {
    const { total } = (await query.one<{ total: number }>('SELECT count(*)::INTEGER AS total FROM load_rejects WHERE load_id = $load_id', { load_id: loadId }))!;
    const rejects = await query.all<RejectsResponse['rejects'][number]>(
      `SELECT line::INTEGER AS line, column_name AS "column", value, reason FROM load_rejects
        WHERE load_id = $load_id ORDER BY line NULLS LAST, column_name, reason, value LIMIT $limit OFFSET $offset`,
      { load_id: loadId, limit, offset },
    );
    return { load_id: loadId, total, rejects, next_cursor: nextCursor(offset, rejects.length, total) };
  });
}
