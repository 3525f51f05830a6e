// /api/users (admins): accounts, their roles and teams, disabling them and resetting their passwords.
import { Hono } from 'hono';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { hashPassword, maxPasswordLength, passwordProblem } from '../../sql/accounts/passwords.ts';
import { AccountError, createAccount, listAccounts, roles, setPassword, updateAccount } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';
import { accountSchema } from '../contracts.ts';
import { invalidRequest, json, problems, tooLarge } from '../openapi/responses.ts';
import { ProblemError } from '../problem.ts';
import { boundedText, jsonBodyOnly, validationHook } from '../validation.ts';

const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, dot, dash or underscore, 1–64, starting with a letter or digit');
const password = z.string().min(1).max(maxPasswordLength);
const newUserBody = z
  .object({
    username,
    display_name: boundedText(),
    role: z.enum(roles),
    team_id: boundedText().nullable().optional(),
    agent_id: boundedText().nullable().optional(),
    password,
  })
  .strict();
const changeBody = z
  .object({ display_name: boundedText().optional(), role: z.enum(roles).optional(), team_id: boundedText().nullable().optional(), agent_id: boundedText().nullable().optional(), disabled: z.boolean().optional() })
  .strict();
const idParam = z.object({ id: boundedText() });
const resetBody = z.object({ password }).strict();

/** An account store refusal as the problem it is (a taken name 409, a missing account 404, a bad placement 422). */
export function accountRefused(error: unknown): never {
  if (!(error instanceof AccountError)) throw error;
  throw new ProblemError(error.status, error.status === 404 ? 'Not found' : error.status === 409 ? 'Conflict' : 'Invalid account', error.message);
}

export function checkedPassword(text: string, field = 'password'): string {
  const problem = passwordProblem(text);
  if (problem) throw new ProblemError(422, 'Password too weak', `${field}: ${problem}`, { issues: [{ parameter: field, message: problem }] });
  return text;
}

const bodyProblems = { 400: invalidRequest, 413: tooLarge, 415: 'The body is not application/json.' };
const describe = {
  list: describeRoute({ tags: ['users'], summary: 'Every account', responses: { 200: json('The accounts, by user name.', z.array(accountSchema)), ...problems({}) } }),
  create: describeRoute({
    tags: ['users'],
    summary: 'Create an account',
    responses: { 201: json('Created.', accountSchema), ...problems({ ...bodyProblems, 409: 'The user name is taken.', 422: 'A lead or agent without a team, an unknown team or agent, or a password under 10 characters.' }) },
  }),
  change: describeRoute({
    tags: ['users'],
    summary: 'Change an account’s name, role, team or agent, or disable it (its sessions end)',
    responses: { 200: json('The account as it is now.', accountSchema), ...problems({ ...bodyProblems, 404: 'No such account.', 422: 'A lead or agent without a team, or an unknown team or agent.' }) },
  }),
  reset: describeRoute({
    tags: ['users'],
    summary: 'Set a new password for an account (its sessions end)',
    responses: { 204: { description: 'Set.' }, ...problems({ ...bodyProblems, 404: 'No such account.', 422: 'The password has under 10 characters.' }) },
  }),
};

export function userRoutes(db: Database, now: () => Date = () => new Date()) {
  return new Hono()
    .get('/', describe.list, async (c) => c.json(await listAccounts(db)))
    .post('/', describe.create, jsonBodyOnly, validator('json', newUserBody, validationHook), async (c) => {
      const body = c.req.valid('json');
      const hash = await hashPassword(checkedPassword(body.password));
      return c.json(await createAccount(db, { ...body, password: hash }, now()).catch(accountRefused), 201);
    })
    .patch('/:id', describe.change, validator('param', idParam, validationHook), jsonBodyOnly, validator('json', changeBody, validationHook), async (c) => {
      return c.json(await updateAccount(db, c.req.valid('param').id, c.req.valid('json'), now()).catch(accountRefused));
    })
    .post('/:id/password', describe.reset, validator('param', idParam, validationHook), jsonBodyOnly, validator('json', resetBody, validationHook), async (c) => {
      const hash = await hashPassword(checkedPassword(c.req.valid('json').password));
      await setPassword(db, c.req.valid('param').id, hash, now()).catch(accountRefused);
      return c.body(null, 204);
    });
}
