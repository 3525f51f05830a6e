// GET /api/backlog?at&<filters>: the tickets open at an instant (default now), by age and by assignee.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { backlogSnapshot } from '../../sql/metrics/backlog.ts';
import { backlogResponseSchema } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { validationHook } from '../validation.ts';
import { filterQueryShape, filtersOf } from './metric-query.ts';
import { accountOf } from '../auth/authorise.ts';
import { ticketFilters } from '../auth/scope.ts';

const backlogQuery = z.object({ at: z.iso.datetime({ offset: true }).optional(), ...filterQueryShape }).strict();

const describeBacklog = describeRoute({
  tags: ['metrics'],
  summary: 'The tickets open at an instant (default now): how many, how old, and each assignee’s oldest',
  description:
    'Open: created before `at` and not in a solved state at it. A ticket solved, reopened and solved again is out of the ' +
    'backlog between its first solve and the reopen.',
  responses: { 200: json('The backlog at `at`.', backlogResponseSchema), ...problems({ 400: invalidRequest }) },
});

export function backlogRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono().get('/', describeBacklog, validator('query', backlogQuery, validationHook), async (c) => {
    const query = c.req.valid('query');
    return c.json(await backlogSnapshot(db, query.at ? new Date(query.at) : now(), ticketFilters(accountOf(c), filtersOf(query))));
  });
}
