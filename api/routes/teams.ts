// /api/teams: teams and their business calendars; saving a calendar recomputes that team's ticket facts.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { calendarSchema } from '../../pipelines/organisation/schema.ts';
import { readCalendar, replaceCalendar } from '../../sql/calendars.ts';
import type { Database } from '../../sql/db.ts';
import { ProblemError } from '../problem.ts';
import { validationHook } from '../validation.ts';

const teamParam = z.object({ id: z.string().min(1) });

function noTeam(id: string): never {
  throw new ProblemError(404, 'Not found', `There is no team "${id}".`);
}

export function teamRoutes(db: Database) {
  return new Hono()
    .get('/', async (c) =>
      c.json({
        teams: await db.read(
          `SELECT team_id, name, time_zone, provider_kind, provider_name, support_level::INTEGER AS support_level, is_escalation_team
             FROM teams ORDER BY name`,
        ),
      }),
    )
    .get('/:id/calendar', zValidator('param', teamParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      return c.json((await readCalendar(db, id)) ?? noTeam(id));
    })
    .put('/:id/calendar', zValidator('param', teamParam, validationHook), zValidator('json', calendarSchema.strict(), validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const calendar = c.req.valid('json');
      const recomputed = await db.write(async (tx) => {
        if (!(await tx.one('SELECT 1 AS found FROM teams WHERE team_id = $team', { team: id }))) noTeam(id);
        return replaceCalendar(tx, id, calendar);
      });
      return c.json({ calendar: (await readCalendar(db, id))!, tickets_recomputed: recomputed });
    });
}
