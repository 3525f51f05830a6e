// /api/teams: teams and their business calendars; creating or editing a team, or saving a calendar, recomputes the
// facts of the tickets it concerns.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { calendarLimits, calendarSchema } from '../../pipelines/organisation/schema.ts';
import { readCalendar, replaceCalendar } from '../../sql/calendars.ts';
import type { Database } from '../../sql/db.ts';
import { createTeam, TeamError, updateTeam } from '../../sql/teams.ts';
import { calendarResponseSchema, calendarSavedResponseSchema, teamListResponseSchema, teamSavedResponseSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, jsonBodyOnly, validationHook } from '../validation.ts';

const teamParam = z.object({ id: boundedText() });

/** What POST and PUT take: the organisation file's team (its zod schema), every field checked. */
const teamAttributes = {
  name: boundedText().meta({ description: 'Unique among teams; exports may name the team by it.' }),
  time_zone: boundedText().meta({ description: 'An IANA time zone DuckDB knows (`pg_timezone_names()`), e.g. Europe/Zagreb.' }),
  provider_kind: z.enum(['in_house', 'outsourced', 'independent']).meta({ description: 'Who provides the team: the provider dimension.' }),
  provider_name: boundedText().nullable().default(null).meta({ description: "The vendor's name." }),
  support_level: z.number().int().min(1).max(3).meta({ description: 'Support level 1–3: a move to a team of a higher level is an escalation.' }),
  is_escalation_team: z.boolean().meta({ description: 'A move to this team is an escalation whatever its level.' }),
  calendar: calendarSchema.strict().optional().meta({ description: "Business hours, as PUT /api/teams/:id/calendar takes them. Left out: a new team has none (no business minutes); an edited team keeps its own." }),
};
const newTeamBody = z
  .object({
    team_id: boundedText().meta({ description: 'The id tickets and event logs name the team by.' }),
    ...teamAttributes,
    provider_kind: teamAttributes.provider_kind.default('in_house'),
    support_level: teamAttributes.support_level.default(1),
    is_escalation_team: teamAttributes.is_escalation_team.default(false),
  })
  .strict();
const teamEditBody = z.object(teamAttributes).strict();

/** A refusal of the team store as the problem document it is, naming the field. */
function teamRefused(error: unknown): never {
  if (!(error instanceof TeamError)) throw error;
  const title = { 400: 'Invalid request', 404: 'Not found', 409: 'Conflict' }[error.status];
  throw new ProblemError(error.status, title, `${error.field}: ${error.message}`, { issues: [{ parameter: error.field, message: error.message }] });
}

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

const bodyProblems = { 400: `${invalidRequest} An unknown time zone too.`, 413: tooLarge, 415: 'The body is not application/json.' };

const describeCreate = describeRoute({
  tags: ['teams'],
  summary: 'Creates a team (with its calendar, if given) and recomputes the facts of tickets that already name it',
  responses: { 201: json('The team as stored, and how many tickets were recomputed.', teamSavedResponseSchema), ...problems({ ...bodyProblems, 409: 'A team of that id or name exists.' }) },
});

const describeEdit = describeRoute({
  tags: ['teams'],
  summary: "Replaces a team's name, time zone, provider, level and escalation flag (and its calendar, if given), and recomputes the facts of its tickets and of tickets moved to or from it",
  responses: {
    200: json('The team as stored, and how many tickets were recomputed.', teamSavedResponseSchema),
    ...problems({ ...bodyProblems, 404: 'No such team.', 409: 'Another team has that name.' }),
  },
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
    .post('/', describeCreate, jsonBodyOnly, validator('json', newTeamBody, validationHook), async (c) => {
      const { calendar, ...team } = c.req.valid('json');
      const saved = await db.write((tx) => createTeam(tx, team, calendar)).catch(teamRefused);
      return c.json({ team: saved.team, tickets_recomputed: saved.recomputed }, 201);
    })
    .put('/:id', describeEdit, validator('param', teamParam, validationHook), jsonBodyOnly, validator('json', teamEditBody, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const { calendar, ...team } = c.req.valid('json');
      const saved = await db.write((tx) => updateTeam(tx, id, team, calendar)).catch(teamRefused);
      return c.json({ team: saved.team, tickets_recomputed: saved.recomputed });
    })
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
