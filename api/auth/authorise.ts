// The one middleware that decides, for every /api request: who is asking (a session cookie, an API token, or no
// one), whether a change carries the session's CSRF token, and whether the route's line in access.ts lets them.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiTokenAccount, apiTokenPrefix, liveSession, type LiveSession } from '../../sql/accounts/sessions.ts';
import type { Account } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';
import { problemResponse } from '../problem.ts';
import { accessOf, allows } from './access.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who is asking; undefined on public routes asked anonymously. */
    account: Account | undefined;
    /** The cookie session the request came with (not for API tokens). */
    session: LiveSession | undefined;
  }
}

export const sessionCookie = 'sp_session';
export const csrfHeader = 'X-CSRF-Token';
export const problemTypeBase = 'https://servicepulse.dev/problems/';

/**
 * An account the server itself acts as (the landing page's warm-up, api/warm-up.ts), passed in `app.request`'s
 * bindings under this symbol: a request from the network has bindings of its own (Node's request and response), and
 * no way to name a symbol, so it cannot claim it.
 */
export const internalAccount = Symbol('servicepulse internal account');

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The registered path of the route that will answer (the first declared in Hono's match order), if any. */
function routePath(c: Context): string | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  return c.req.matchedRoutes.find((route) => route.method === method && route.path.startsWith('/api/'))?.path;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function authorise(db: Database, now: () => Date = () => new Date()): MiddlewareHandler {
  return async (c, next) => {
    const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const internal = (c.env as Record<symbol, Account> | undefined)?.[internalAccount];
    let account: Account | undefined = internal;
    let session: LiveSession | undefined;
    if (!account && bearer?.startsWith(apiTokenPrefix)) {
      account = await apiTokenAccount(db, bearer);
      if (!account) return problemResponse(c, { status: 401, title: 'Unknown API token', detail: 'The API token is unknown or was revoked; an admin creates a new one (POST /api/tokens).' });
    } else if (!account) {
      const token = getCookie(c, sessionCookie);
      session = token ? await liveSession(db, token, now()) : undefined;
      account = session?.account;
    }
    c.set('account', account);
    c.set('session', session);

    const path = routePath(c);
    const access = path === undefined ? undefined : accessOf(c.req.method === 'HEAD' ? 'GET' : c.req.method, path);
    if (access?.who === 'public') return next();
    if (!account) {
      return problemResponse(c, {
        status: 401,
        title: 'Sign-in required',
        detail: 'Sign in first (POST /api/auth/sign-in), or send an API token as `Authorization: Bearer sp_…`.',
        type: `${problemTypeBase}sign-in-required`,
      });
    }
    // A session's changes need its CSRF token: a page on another site can make the browser send the cookie, but
    // cannot read the token (only this server's pages get it, from sign-in and /api/auth/me).
    if (session && !safeMethods.has(c.req.method) && !sameText(c.req.header(csrfHeader) ?? '', session.csrf_token)) {
      return problemResponse(c, {
        status: 403,
        title: 'Missing or wrong CSRF token',
        detail: `A change made with a session must carry the ${csrfHeader} header the sign-in (or GET /api/auth/me) gave.`,
        type: `${problemTypeBase}csrf`,
      });
    }
    if (path === undefined) return next(); // no such route: the API's 404
    if (!access) {
      // Closed by default: a route without a line in access.ts answers to no one (the access test names it).
      return problemResponse(c, { status: 403, title: 'Not allowed', detail: `${c.req.method} ${path} has no access declaration.` });
    }
    if (!allows(access, account.role)) {
      return problemResponse(c, {
        status: 403,
        title: 'Not allowed',
        detail: `${article(account.role)} ${account.role} may not ${access.does}.`,
        type: `${problemTypeBase}forbidden`,
        role: account.role,
      });
    }
    return next();
  };
}

const article = (role: string) => (/^[aeiou]/.test(role) ? 'An' : 'A');

/** The signed-in account of a route that is not public (the middleware has let only signed-in requests through). */
export function accountOf(c: Context): Account {
  const account = c.get('account');
  if (!account) throw new Error('accountOf on a request without an account: the route is declared public in access.ts');
  return account;
}
