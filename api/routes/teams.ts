// /api/teams: teams and their business calendars; saving a calendar recomputes that team's ticket facts.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { calendarLimits, calendarSchema } from '../../pipelines/organisation/schema.ts';
import { readCalendar, replaceCalendar } from '../../sql/calendars.ts';
import type { Database } from '../../sql/db.ts';
import { calendarResponseSchema, calendarSavedResponseSchema, teamListResponseSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, jsonBodyOnly, validationHook } from '../validation.ts';

const teamParam = z.object({ id: boundedText() });

function noTeam(id: string): never {
  throw new ProblemError(404, 'Not found', `There is no team "${id}".`);
}

const describeTeams = describeRoute({
  tags: ['teams'],
  summary: 'Teams with their time zone, provider and support level',
  responses: { 200: json('Every team.', teamListResponseSchema), ...problems({}) },
});

const describeCalendar = describeRoute({
  tags: ['teams'],
  summary: "A team's business calendar: weekly open hours and holidays (closed, or open during their hours)",
  responses: { 200: json('The calendar.', calendarResponseSchema), ...problems({ 400: invalidRequest, 404: 'No such team.' }) },
});

const describeSaveCalendar = describeRoute({
  tags: ['teams'],
  summary: "Replaces a team's calendar and recomputes the business minutes and SLA clocks of its tickets",
  responses: {
    200: json('The saved calendar and how many tickets were recomputed.', calendarSavedResponseSchema),
    ...problems({
      400: `${invalidRequest} Overlapping or backwards intervals, a day listed twice, more than ${calendarLimits.intervalsPerDay} intervals a day or ${calendarLimits.holidays} holidays are refused.`,
      404: 'No such team.',
      413: tooLarge,
      415: 'The body is not application/json.',
    }),
  },
});

export function teamRoutes(db: Database) {
  return new Hono()
    .get('/', describeTeams, async (c) =>
      c.json({
        teams: await db.read(
          `SELECT team_id, name, time_zone, provider_kind, provider_name, support_level::INTEGER AS support_level, is_escalation_team
             FROM teams ORDER BY name`,
        ),
      }),
    )
    .get('/:id/calendar', describeCalendar, validator('param', teamParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      return c.json((await readCalendar(db, id)) ?? noTeam(id));
    })
    .put('/:id/calendar', describeSaveCalendar, validator('param', teamParam, validationHook), jsonBodyOnly, validator('json', calendarSchema.strict(), validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const calendar = c.req.valid('json');
      const recomputed = await db.write(async (tx) => {
        if (!(await tx.one('SELECT 1 AS found FROM teams WHERE team_id = $team', { team: id }))) noTeam(id);
        return replaceCalendar(tx, id, calendar);
      });
      return c.json({ calendar: (await readCalendar(db, id))!, tickets_recomputed: recomputed });
    });
}
