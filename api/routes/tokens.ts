// /api/tokens (admins): API tokens for scripts, each with a role's rights; the token is shown once, kept hashed.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../sql/accounts/sessions.ts';
import type { Database } from '../../sql/db.ts';
import { accountOf } from '../auth/authorise.ts';
import { apiTokenSchema, newApiTokenSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, jsonBodyOnly, validationHook } from '../validation.ts';

const newTokenBody = z
  .object({
    name: boundedText(100),
    role: z.enum(['admin', 'manager', 'lead']).meta({ description: 'An agent’s rights are their own tickets, which a script has none of.' }),
    team_id: boundedText().nullable().optional().meta({ description: 'A lead token’s team (required for one).' }),
  })
  .strict();
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31 - 1) });

const describe = {
  list: describeRoute({ tags: ['users'], summary: 'Every API token (never the token itself)', responses: { 200: json('The tokens.', z.array(apiTokenSchema)), ...problems({}) } }),
  create: describeRoute({
    tags: ['users'],
    summary: 'Create an API token: `Authorization: Bearer <token>` then has the role’s rights',
    responses: { 201: json('The token, shown this once.', newApiTokenSchema), ...problems({ 400: invalidRequest, 413: tooLarge, 415: 'The body is not application/json.', 422: 'A lead token without a team, or an unknown team.' }) },
  }),
  revoke: describeRoute({ tags: ['users'], summary: 'Revoke an API token', responses: { 204: { description: 'Revoked.' }, ...problems({ 404: 'No such token, or revoked already.' }) } }),
};

export function tokenRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', describe.list, async (c) => c.json(await listApiTokens(db)))
    .post('/', describe.create, jsonBodyOnly, validator('json', newTokenBody, validationHook), async (c) => {
      const body = c.req.valid('json');
      const teamId = body.team_id ?? null;
      if ((body.role === 'lead') !== (teamId !== null)) throw new ProblemError(422, 'Invalid token', 'team_id: a lead token has a team, and only a lead token.');
      if (teamId !== null && !(await db.readOne('SELECT 1 FROM teams WHERE team_id = $teamId', { teamId }))) {
        throw new ProblemError(422, 'Invalid token', `team_id: there is no team "${teamId}".`);
      }
      return c.json(await createApiToken(db, { name: body.name, role: body.role, team_id: teamId, created_by: accountOf(c).id }, now()), 201);
    })
    .delete('/:id', describe.revoke, validator('param', idParam, validationHook), async (c) => {
      if (!(await revokeApiToken(db, c.req.valid('param').id, now()))) throw new ProblemError(404, 'Not found', `There is no live API token ${c.req.valid('param').id}.`);
      return c.body(null, 204);
    });
}
