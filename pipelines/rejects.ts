// Rejected rows are collected by record (the row's place in the staged file) while the load runs, and
// written to load_rejects with their file line once, at the end. Only then are line breaks inside
// quoted values counted in: a clean file (the usual case) never pays for finding its lines.
import type { Query } from '../sql/db.ts';
import type { FileShape } from './read.ts';

/**
 * A reject reason without the value it may quote (day/month order: "04-12-15" reads as …), so that summaries
 * count rejects by their kind rather than once per value. SQL over `load_rejects.reason`.
 */
export const rejectKindSql = `regexp_replace(reason, ': ".*$', '')`;

/** Stands in a reject's reason for the line of the record it names in `kept_record`. */
export const keptLine = '{kept line}';

export async function startRejects(tx: Query): Promise<void> {
  await tx.run(
    `CREATE OR REPLACE TEMP TABLE rejects (record BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR, kept_record BIGINT)`,
  );
}

/**
 * Keeps, in temp table `record_breaks`, the running totals of line breaks at the records that have any (read from
 * `mapped.breaks`), for `writeRejects` to name the rejects' lines. Runs once every reject is collected and before
 * `mapped` is dropped; only when some row was rejected and line breaks move records down.
 */
export async function keepRecordBreaks(query: Query, shape: Pick<FileShape, 'breaksCountAsLines'>): Promise<void> {
  if (!shape.breaksCountAsLines) return;
  if ((await query.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rejects'))!.n === 0) return;
  await query.run(
    `CREATE OR REPLACE TEMP TABLE record_breaks AS
     SELECT record, sum(breaks) OVER (ORDER BY record ROWS UNBOUNDED PRECEDING) AS breaks_through
       FROM mapped WHERE breaks > 0`,
  );
}

/**
 * Writes the collected rejects with their file lines. A record's line is the first record's line plus
 * its index plus every line break inside the values of the records before it (the totals `keepRecordBreaks` kept).
 */
export async function writeRejects(tx: Query, loadId: number, shape: Pick<FileShape, 'firstRecordLine' | 'breaksCountAsLines' | 'lineColumn'>): Promise<void> {
  const any = (await tx.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM rejects'))!.n;
  if (any === 0) return;
  // A file whose records carry their line (XES) numbers its records by it.
  const first = shape.lineColumn ? 0 : shape.firstRecordLine;
  if (!shape.breaksCountAsLines) {
    await tx.run(
      `INSERT INTO load_rejects
       SELECT $load_id, ${first} + record, column_name, value, CASE WHEN kept_record IS NULL THEN reason ELSE replace(reason, $kept, (${first} + kept_record)::VARCHAR) END
         FROM rejects ORDER BY record`,
      { load_id: loadId, kept: keptLine },
    );
    return;
  }
  // A reject takes the running total of the last record with breaks before it (an ASOF join), so the work grows
  // with the records that have breaks.
  await tx.run(
    `INSERT INTO load_rejects
     SELECT $load_id, ${first} + r.record + coalesce(b.breaks_through, 0), r.column_name, r.value,
            CASE WHEN r.kept_record IS NULL THEN r.reason
                 ELSE replace(r.reason, $kept, (${first} + r.kept_record + coalesce(k.breaks_through, 0))::VARCHAR) END
       FROM rejects r
       ASOF LEFT JOIN record_breaks b ON r.record > b.record
       ASOF LEFT JOIN record_breaks k ON r.kept_record > k.record
      ORDER BY r.record`,
    { load_id: loadId, kept: keptLine },
  );
  await tx.run('DROP TABLE record_breaks');
}
