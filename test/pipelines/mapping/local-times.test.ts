// A timestamp format without an offset reads local times in the load's zone (pipelines/mapping/to-sql.ts
// `inLoadZone`): in UTC the local time is the instant (a cast), elsewhere ICU places it, daylight saving included.
// The instants below are worked out by hand: Berlin is UTC+1 in winter and UTC+2 from 2026-03-29 02:00 local time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { mappingFileSchema, mappingFromFile } from '../../../pipelines/mapping/file.ts';
import { freshDb } from '../../helpers/db.ts';
import { textFiles } from '../../helpers/text-files.ts';

const { mapping } = mappingFromFile(
  mappingFileSchema.parse({
    source: 'local', kind: 'tickets', timestamp_format: '%Y-%m-%d %H:%M:%S',
    fields: { external_id: 'id', created_at: 'created', solved_at: 'solved', status: 'status', channel: 'channel' },
  }),
  'local times mapping',
);
const file = textFiles('local-times')('tickets.csv', [
  'id,created,solved,status,channel',
  '1,2026-03-29 01:30:00,2026-03-29 03:30:00,solved,email',
  '2,2026-07-01 12:00:00,2026-12-31 23:59:59,solved,email',
  '3,2026-01-01 00:00:00,,open,email',
]);

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await db.close();
});

const instants = async (timeZone: string) => {
  await loadFile(db, { file, mapping, timeZone });
  return db.read<{ id: string; created: string; solved: string | null }>(
    `SELECT external_id AS id, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS created,
            strftime(solved_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS solved
       FROM tickets ORDER BY external_id`,
  );
};

describe('local times in the load’s zone', () => {
  const asWritten = [
    { id: '1', created: '2026-03-29 01:30:00', solved: '2026-03-29 03:30:00' },
    { id: '2', created: '2026-07-01 12:00:00', solved: '2026-12-31 23:59:59' },
    { id: '3', created: '2026-01-01 00:00:00', solved: null },
  ];

  it('in UTC are the instants as written', async () => {
    expect(await instants('UTC')).toEqual(asWritten);
  });

  it('in another name for UTC, placed by ICU, are the same instants', async () => {
    expect(await instants('Etc/UTC')).toEqual(asWritten);
  });

  it('in Berlin are an hour earlier in winter and two in summer, across the change', async () => {
    expect(await instants('Europe/Berlin')).toEqual([
      { id: '1', created: '2026-03-29 00:30:00', solved: '2026-03-29 01:30:00' },
      { id: '2', created: '2026-07-01 10:00:00', solved: '2026-12-31 22:59:59' },
      { id: '3', created: '2025-12-31 23:00:00', solved: null },
    ]);
  });
});
