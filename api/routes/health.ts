import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Database } from '../../sql/db.ts';
import { schemaVersion } from '../../sql/migrate.ts';
import { healthResponseSchema, type HealthResponse } from '../contracts.ts';
import { json, problems } from '../openapi/responses.ts';

const countedTables = ['tickets', 'ticket_events', 'feedback', 'teams', 'agents', 'customers', 'suggestions', 'loads'] as const;

export function healthRoutes(db: Database) {
  const described = describeRoute({
    tags: ['health'],
    summary: 'Server and database state',
    responses: { 200: json('DuckDB and schema versions, the data version and row counts.', healthResponseSchema), ...problems({}) },
  });
  return new Hono().get('/', described, async (c) => {
    const counts = countedTables.map((table) => `(SELECT count(*)::INTEGER FROM ${table}) AS ${table}`).join(', ');
    const [info, version] = await Promise.all([
      db.readOne<Record<string, number> & { duckdb_version: string; data_version: number }>(
        `SELECT version() AS duckdb_version, (SELECT version::INTEGER FROM data_state) AS data_version, ${counts}`,
      ),
      schemaVersion(db),
    ]);
    const { duckdb_version, data_version, ...row_counts } = info!;
    const body: HealthResponse = { status: 'ok', duckdb_version, schema_version: version, data_version, row_counts };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
}
