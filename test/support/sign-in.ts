// Signing the browser tests in as one of the demo's accounts (issue 13). The demo creates `admin`, `manager`, `lead`,
// `agent` and `agent2` with random passwords and writes them to `<db>.demo-users.json` (mode 0600) beside the
// database (docs/accounts.md). A session is made once per account with a real sign-in, then handed to pages as
// their cookie and to the tests' own API calls as cookie + CSRF token, exactly what a signed-in browser sends.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The demo's accounts, by user name (the role of each is its name; `agent2` is a second agent, for voting). */
export type DemoAccount = 'admin' | 'manager' | 'lead' | 'agent' | 'agent2';

export const sessionCookieName = 'sp_session';

export interface Session {
  username: string;
  /** The value of the `sp_session` cookie. */
  cookie: string;
  csrfToken: string;
}

export function demoUsersPath(database: string): string {
  return `${database}.demo-users.json`;
}

/**
 * The demo's password for `username`. The file is a list of `{ username, role, password }` (bare or as `{ users }`),
 * or an object by user name (the password, or `{ password }`): the contract names the file, not its layout.
 */
export function demoPassword(database: string, username: string): string {
  const path = demoUsersPath(database);
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The demo's accounts are not readable at ${path} (is the API branch's demo seeding merged?): ${(error as Error).message}`);
  }
  const list = Array.isArray(body) ? body : Array.isArray((body as { users?: unknown }).users) ? (body as { users: unknown[] }).users : null;
  const entry = list
    ? (list as Array<{ username?: string; password?: string }>).find((user) => user.username === username)
    : (body as Record<string, unknown>)[username];
  const password = typeof entry === 'string' ? entry : (entry as { password?: unknown } | undefined)?.password;
  if (typeof password !== 'string') throw new Error(`${path} has no password for ${username}`);
  return password;
}

/** Signs `username` in over HTTP (as a script would: no Origin header) and returns the session it got. */
export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`Signing ${username} in answered ${response.status}: ${await response.text()}`);
  const { csrf_token: csrfToken } = (await response.json()) as { csrf_token: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]!).find((pair) => pair.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error(`Signing ${username} in set no ${sessionCookieName} cookie`);
  return { username, cookie: cookie.slice(sessionCookieName.length + 1), csrfToken };
}

/** `fetch` of `base`'s paths as the session: its cookie on every request, its CSRF token on writes. */
export function fetchAs(base: string, session: Session) {
  return (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('cookie', `${sessionCookieName}=${session.cookie}`);
    const method = (init.method ?? 'GET').toUpperCase();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) headers.set('x-csrf-token', session.csrfToken);
    return fetch(`${base}${path}`, { ...init, headers });
  };
}

/** Gives `page` (its browser context) the session's cookie, as if the person had signed in on it. */
export async function usePageSession(page: Page, base: string, session: Session): Promise<void> {
  await page.context().addCookies([{ name: sessionCookieName, value: session.cookie, url: base, httpOnly: true, sameSite: 'Lax' }]);
}

/** The demo accounts' sessions for one server, each signed in on first use and then reused. */
export class DemoSessions {
  #sessions = new Map<DemoAccount, Promise<Session>>();

  constructor(
    readonly base: string,
    readonly database: string,
  ) {}

  of(account: DemoAccount): Promise<Session> {
    let session = this.#sessions.get(account);
    if (!session) {
      session = signIn(this.base, account, demoPassword(this.database, account));
      this.#sessions.set(account, session);
    }
    return session;
  }

  /** `fetch` of the server's paths as `account` (default manager, who may read every page's figures). */
  async fetch(path: string, init: RequestInit = {}, account: DemoAccount = 'manager'): Promise<Response> {
    return fetchAs(this.base, await this.of(account))(path, init);
  }

  /** Signs `page` in as `account` ('anonymous': left signed out, e.g. for the sign-in page itself). */
  async signInPage(page: Page, account: DemoAccount | 'anonymous' = 'manager'): Promise<Page> {
    if (account !== 'anonymous') await usePageSession(page, this.base, await this.of(account));
    return page;
  }
}
