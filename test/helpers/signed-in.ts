// Tests of the API as a signed-in person: creates an account of a role (once per database) and a session for it,
// and wraps an app so that every app.request() carries the session cookie and its CSRF token.
import { hashPassword, type ScryptParams } from '../../sql/accounts/passwords.ts';
import { createSession } from '../../sql/accounts/sessions.ts';
import { accountByUsername, createAccount, publicAccount, type Account, type Role } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';

/** Test accounts' hashes are cheap to make; the production cost is tested in test/sql/accounts/passwords.test.ts. */
export const cheapScrypt: ScryptParams = { N: 1024, r: 8, p: 1 };

export interface AccountOptions {
  username?: string;
  display_name?: string;
  team_id?: string | null;
  agent_id?: string | null;
  password?: string;
}

/** The account `username` (default `test-<role>`), created if the database has none by that name. */
export async function testAccount(db: Database, role: Role, options: AccountOptions = {}): Promise<Account> {
  const username = options.username ?? `test-${role}`;
  const existing = await accountByUsername(db, username);
  if (existing) return publicAccount(existing);
  let teamId = options.team_id ?? null;
  if (teamId === null && (role === 'lead' || role === 'agent')) {
    teamId = (await db.readOne<{ team_id: string }>('SELECT team_id FROM teams ORDER BY team_id LIMIT 1'))?.team_id ?? null;
  }
  const password = await hashPassword(options.password ?? 'correct horse battery', cheapScrypt);
  return createAccount(db, { username, display_name: options.display_name ?? `Test ${role}`, role, team_id: teamId, agent_id: options.agent_id ?? null, password });
}

type Requester = { request: (input: string | Request | URL, init?: RequestInit, ...rest: never[]) => Response | Promise<Response> };

export type SignedIn<A> = A & { account: Account; cookie: string; csrf: string };

/** `app` as `role` would call it: the same app, whose request() sends a live session's cookie and CSRF token. */
export async function signedIn<A extends Requester>(app: A, db: Database, role: Role = 'manager', options: AccountOptions = {}): Promise<SignedIn<A>> {
  const account = await testAccount(db, role, options);
  const session = await createSession(db, account.id);
  const cookie = `sp_session=${session.token}`;
  const wrapped = Object.create(app) as SignedIn<A>;
  const request = (input: string | Request | URL, init?: RequestInit, ...rest: never[]) => {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    if (!headers.has('cookie')) headers.set('cookie', cookie);
    if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', session.csrf_token);
    return app.request(input, { ...init, headers }, ...rest);
  };
  Object.assign(wrapped, { request, account, cookie, csrf: session.csrf_token });
  return wrapped;
}

const people = new WeakMap<Database, Map<string, Promise<unknown>>>();

/**
 * `app` as the person named `name` (display name; user name made from it), one session per database and name. The
 * server stamps an action with the signed-in person's name (api/actor.ts), so a test that has "Ivo" act signs in as Ivo.
 * A manager: these tests act on every team's tickets, which a lead may not (a lead's scope: test/api/scope-walk.test.ts).
 */
export function asPerson<A extends Requester>(app: A, db: Database, name: string): Promise<SignedIn<A>> {
  const known = people.get(db) ?? new Map<string, Promise<unknown>>();
  people.set(db, known);
  const username = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
  if (!known.has(name)) known.set(name, signedIn(app, db, 'manager', { username: `person-${username}`, display_name: name }));
  return known.get(name) as Promise<SignedIn<A>>;
}
