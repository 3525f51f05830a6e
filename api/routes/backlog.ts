// GET /api/backlog?at&<filters>: the tickets open at an instant (default now), by age and by assignee.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../sql/db.ts';
import { backlogSnapshot } from '../../sql/metrics/backlog.ts';
import { validationHook } from '../validation.ts';
import { filterQueryShape, filtersOf } from './metric-query.ts';

const backlogQuery = z.object({ at: z.iso.datetime({ offset: true }).optional(), ...filterQueryShape }).strict();

export function backlogRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono().get('/', zValidator('query', backlogQuery, validationHook), async (c) => {
    const query = c.req.valid('query');
    return c.json(await backlogSnapshot(db, query.at ? new Date(query.at) : now(), filtersOf(query)));
  });
}
