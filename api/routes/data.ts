// GET /api/data/extent: the days the data spans and its tickets.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Database } from '../../sql/db.ts';
import { dataExtent } from '../../sql/data-extent.ts';
import { dataExtentResponseSchema, type DataExtentResponse } from '../contracts.ts';
import { json, problems } from '../openapi/responses.ts';

const describeExtent = describeRoute({
  tags: ['data'],
  summary: 'The first and last day of the data, and how many tickets it holds',
  description: 'Days are UTC. The last day counts later activity too (events, solves, closings, survey answers), so a range ending on it shows the newest data.',
  responses: { 200: json('The extent of the data.', dataExtentResponseSchema), ...problems({}) },
});

export function dataRoutes(db: Database) {
  return new Hono().get('/extent', describeExtent, async (c) => {
    const body: DataExtentResponse = await dataExtent(db);
    return c.json(body);
  });
}
