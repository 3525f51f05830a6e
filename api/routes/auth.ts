// /api/auth: sign in and out, who am I, and changing one's own password (docs/accounts.md).
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { describeRoute, validator } from 'hono-openapi';
import { z } from 'zod';
import { hashPassword, isOutdated, maxPasswordLength, passwordProblem, verifyPassword, type PasswordHash } from '../../sql/accounts/passwords.ts';
import { absoluteLimitMs, createSession, revokeSession } from '../../sql/accounts/sessions.ts';
import { accountById, accountByUsername, publicAccount, setPassword } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';
import { pagesOf } from '../auth/access.ts';
import { accountOf, csrfHeader, problemTypeBase, sessionCookie } from '../auth/authorise.ts';
import { SignInLimiter } from '../auth/rate-limit.ts';
import { meResponseSchema, signInResponseSchema, type MeResponse, type SignInResponse } from '../contracts.ts';
import { invalidRequest, json, problems } from '../openapi/responses.ts';
import { ProblemError, problemResponse } from '../problem.ts';
import { jsonBodyOnly, validationHook } from '../validation.ts';

const password = z.string().min(1).max(maxPasswordLength);
const signInBody = z.object({ username: z.string().trim().min(1).max(100), password }).strict();
const passwordBody = z.object({ current_password: password, new_password: password }).strict();

/** Verified against when the user name is unknown, so that an unknown name takes as long as a wrong password. */
let decoy: Promise<PasswordHash> | undefined;

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests: no socket
  }
}

const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

const describe = {
  signIn: describeRoute({
    tags: ['auth'],
    summary: 'Sign in with a user name and password',
    description: `Sets the HttpOnly session cookie \`${sessionCookie}\` and answers the CSRF token every change must carry as \`${csrfHeader}\`.`,
    responses: {
      200: json('Signed in.', signInResponseSchema),
      ...problems({ 400: invalidRequest, 401: 'Wrong user name or password (never says which).', 429: 'Too many failed sign-ins for this account or from this address; `Retry-After` says in how many seconds to try again.' }),
    },
  }),
  signOut: describeRoute({ tags: ['auth'], summary: 'Sign out: the session ends on the server and the cookie is cleared', responses: { 204: { description: 'Signed out.' }, ...problems({}) } }),
  me: describeRoute({ tags: ['auth'], summary: 'The signed-in account, its CSRF token and the pages its role may open', responses: { 200: json('The account.', meResponseSchema), ...problems({}) } }),
  password: describeRoute({
    tags: ['auth'],
    summary: 'Change one’s own password; the account’s other sessions end',
    responses: { 204: { description: 'Changed.' }, ...problems({ 400: invalidRequest, 422: 'The current password is wrong, or the new one too short.' }) },
  }),
};

export function authRoutes(db: Database, now: () => Date = () => new Date(), limiter = new SignInLimiter()) {
  return new Hono()
    .post('/sign-in', describe.signIn, jsonBodyOnly, validator('json', signInBody, validationHook), async (c) => {
      const { username, password: given } = c.req.valid('json');
      const address = clientAddress(c);
      const at = now();
      const wait = limiter.waitMs(username, address, at.getTime());
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        const until = new Date(at.getTime() + seconds * 1000).toISOString().slice(11, 16);
        const refusal = problemResponse(c, {
          status: 429,
          title: 'Too many sign-in attempts',
          detail: `Too many failed sign-ins for this account or from this address. Try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''} (after ${until} UTC).`,
          type: `${problemTypeBase}rate-limited`,
          retry_after_seconds: seconds,
        });
        refusal.headers.set('Retry-After', String(seconds));
        return refusal;
      }
      const account = await accountByUsername(db, username);
      const stored = account?.password ?? (await (decoy ??= hashPassword('decoy password, never anyone’s')));
      const matches = await verifyPassword(given, stored);
      if (!account || !account.password || !matches || account.disabled) {
        limiter.recordFailure(username, address, at.getTime());
        throw new ProblemError(401, 'Wrong user name or password', 'Wrong user name or password.', { type: `${problemTypeBase}sign-in-failed` });
      }
      limiter.recordSuccess(username);
      if (isOutdated(account.password)) await setPassword(db, account.id, await hashPassword(given), at, 'all');
      const session = await createSession(db, account.id, at);
      setCookie(c, sessionCookie, session.token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(c), maxAge: absoluteLimitMs / 1000 });
      const body: SignInResponse = { user: publicAccount(account), csrf_token: session.csrf_token };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/sign-out', describe.signOut, async (c) => {
      const session = c.get('session');
      if (session) await revokeSession(db, session.token_hash, now());
      deleteCookie(c, sessionCookie, { path: '/', secure: isHttps(c) });
      return c.body(null, 204);
    })
    .get('/me', describe.me, (c) => {
      const account = accountOf(c);
      const body: MeResponse = { user: account, csrf_token: c.get('session')?.csrf_token ?? '', permissions: { pages: [...pagesOf[account.role]] } };
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    })
    .post('/password', describe.password, jsonBodyOnly, validator('json', passwordBody, validationHook), async (c) => {
      const { current_password, new_password } = c.req.valid('json');
      const stored = await accountById(db, accountOf(c).id);
      if (!stored?.password) throw new ProblemError(422, 'No password', 'This account (an API token) has no password to change.');
      if (!(await verifyPassword(current_password, stored.password))) {
        throw new ProblemError(422, 'Wrong password', 'current_password: that is not the current password.', { issues: [{ parameter: 'current_password', message: 'not the current password' }] });
      }
      const problem = passwordProblem(new_password);
      if (problem) throw new ProblemError(422, 'Password too weak', `new_password: ${problem}`, { issues: [{ parameter: 'new_password', message: problem }] });
      await setPassword(db, stored.id, await hashPassword(new_password), now(), c.get('session')?.token_hash);
      return c.body(null, 204);
    });
}
