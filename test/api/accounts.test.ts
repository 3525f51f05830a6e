// Accounts through app.request(): sign-in, the session cookie, CSRF, sign-out, password change, the rate limit,
// admins' users and tokens, and passwords never reaching a log.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../api/app.ts';
import { SignInLimiter } from '../../api/auth/rate-limit.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from '../helpers/db.ts';
import { signedIn, testAccount } from '../helpers/signed-in.ts';

let db: Database;
let clock = new Date('2026-01-20T12:00:00Z');
const logged: unknown[] = [];
let app: ReturnType<typeof createApp>;
const password = 'correct horse battery';

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  app = createApp({ db, now: () => clock, logError: (error) => logged.push(error), signInLimiter: new SignInLimiter({ perAccount: 3, perAddress: 100, windowMs: 15 * 60_000 }) });
  await testAccount(db, 'manager', { username: 'mia', password });
  await testAccount(db, 'lead', { username: 'leo', password });
});
afterAll(async () => {
  await db.close();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

async function signIn(username: string, pass = password) {
  const response = await app.request('/api/auth/sign-in', json({ username, password: pass }));
  const cookie = response.headers.get('set-cookie') ?? '';
  return { response, cookie: cookie.split(';')[0]!, setCookie: cookie };
}

describe('sign-in and the session', () => {
  it('a right password sets an HttpOnly, SameSite=Lax session cookie and answers the account and its CSRF token', async () => {
    const { response, setCookie } = await signIn('mia');
    expect(response.status).toBe(200);
    expect(setCookie).toMatch(/^sp_session=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure'); // plain http here
    const body = (await response.json()) as { user: { username: string; role: string }; csrf_token: string };
    expect(body.user).toMatchObject({ username: 'mia', role: 'manager' });
    expect(body.csrf_token).toMatch(/^[\w-]{43}$/);
  });

  it('the cookie is Secure when the request came over HTTPS', async () => {
    const response = await app.request('https://localhost/api/auth/sign-in', json({ username: 'mia', password }));
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('the server stores only a hash of the session token', async () => {
    const { cookie } = await signIn('mia');
    const token = cookie.split('=')[1]!;
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await db.readOne('SELECT 1 FROM sessions WHERE token_hash = $hash', { hash })).toBeDefined();
    expect(await db.readOne('SELECT 1 FROM sessions WHERE token_hash = $token OR csrf_token = $token', { token })).toBeUndefined();
  });

  it('a wrong password and an unknown name get the same 401 that does not say which', async () => {
    const wrong = await signIn('leo', 'not the password at all');
    const unknown = await signIn('nobody-here', password);
    for (const { response } of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(((await response.json()) as { detail: string }).detail).toBe('Wrong user name or password.');
    }
  });

  it('/api/auth/me answers the account, its CSRF token and its pages; anonymous it is a 401 problem', async () => {
    const { response, cookie } = await signIn('leo');
    const { csrf_token } = (await response.json()) as { csrf_token: string };
    const me = await app.request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: { role: string; team_id: string }; csrf_token: string; permissions: { pages: string[] } };
    expect(body.user.role).toBe('lead');
    expect(body.csrf_token).toBe(csrf_token);
    expect(body.permissions.pages).toContain('goals');
    expect(body.permissions.pages).not.toContain('users');
    const anonymous = await app.request('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
  });

  it('a session ends 12 h after it was last seen and 7 days after sign-in', async () => {
    const { cookie } = await signIn('mia');
    clock = new Date(clock.getTime() + 11 * 3_600_000);
    expect((await app.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
    clock = new Date(clock.getTime() + 13 * 3_600_000);
    // 24 h after sign-in, but last seen 13 h ago (the sighting 11 h in was written, being more than 5 min after sign-in).
    expect((await app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    clock = new Date('2026-01-20T12:00:00Z');
  });
});

describe('the cost of a password hash', () => {
  it('a hash made at a lower cost is made again at today’s at sign-in, and the account’s other sessions live on', async () => {
    // Hashed with N = 1024 (cheapScrypt), and signed in on another device before today's sign-in.
    const elsewhere = await signedIn(app, db, 'manager', { username: 'olga', password });
    expect((await signIn('olga')).response.status).toBe(200);
    expect((await db.readOne<{ n: number }>(`SELECT scrypt_n AS n FROM users WHERE username = 'olga'`))!.n).toBe(2 ** 15);
    expect((await elsewhere.request('/api/auth/me')).status).toBe(200);
    expect((await signIn('olga')).response.status).toBe(200);
  });
});

describe('CSRF', () => {
  it('a change made with the session cookie needs the session’s X-CSRF-Token: missing or wrong is a 403 csrf problem', async () => {
    const { response, cookie } = await signIn('mia');
    const { csrf_token } = (await response.json()) as { csrf_token: string };
    const goal = { name: 'CSRF probe', metric: 'created', comparator: '>=', target: 1, period: 'week', starts_on: '2026-01-05' };
    for (const headers of [{ cookie }, { cookie, 'X-CSRF-Token': 'x'.repeat(43) }] as Record<string, string>[]) {
      const refused = await app.request('/api/goals', json(goal, headers));
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { type: string }).type).toMatch(/\/problems\/csrf$/);
    }
    const taken = await app.request('/api/goals', json(goal, { cookie, 'X-CSRF-Token': csrf_token }));
    expect(taken.status).toBe(201);
  });

  it('the same-origin check still refuses a cross-site write, CSRF token or not', async () => {
    const manager = await signedIn(app, db, 'manager');
    const response = await manager.request('/api/auth/sign-out', { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { title: string }).title).toBe('Cross-site request refused');
  });
});

describe('sign-out and password change', () => {
  it('signing out ends the session on the server and clears the cookie', async () => {
    const { response, cookie } = await signIn('mia');
    const { csrf_token } = (await response.json()) as { csrf_token: string };
    const out = await app.request('/api/auth/sign-out', { method: 'POST', headers: { cookie, 'X-CSRF-Token': csrf_token } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^sp_session=;.*Max-Age=0/);
    // The old cookie, replayed, is dead.
    expect((await app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('changing one’s password needs the current one, keeps this session and ends the others', async () => {
    await testAccount(db, 'agent', { username: 'ada', password });
    const first = await signIn('ada');
    const other = await signIn('ada');
    const { csrf_token } = (await first.response.json()) as { csrf_token: string };
    const headers = { cookie: first.cookie, 'X-CSRF-Token': csrf_token };
    const wrong = await app.request('/api/auth/password', json({ current_password: 'wrong password!', new_password: 'a much newer secret' }, headers));
    expect(wrong.status).toBe(422);
    const short = await app.request('/api/auth/password', json({ current_password: password, new_password: 'short' }, headers));
    expect(short.status).toBe(422);
    const changed = await app.request('/api/auth/password', json({ current_password: password, new_password: 'a much newer secret' }, headers));
    expect(changed.status).toBe(204);
    expect((await app.request('/api/auth/me', { headers: { cookie: first.cookie } })).status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { cookie: other.cookie } })).status).toBe(401);
    expect((await signIn('ada')).response.status).toBe(401);
    expect((await signIn('ada', 'a much newer secret')).response.status).toBe(200);
  });
});

describe('the sign-in rate limit', () => {
  it('after 3 failures for one account (this test’s limit) even the right password gets a 429 with Retry-After and when to retry', async () => {
    await testAccount(db, 'manager', { username: 'rita', password });
    for (let i = 0; i < 3; i++) expect((await signIn('rita', `guess number ${i}`)).response.status).toBe(401);
    const { response } = await signIn('rita');
    expect(response.status).toBe(429);
    // The first failure was at `clock`: retry 15 minutes after it.
    expect(response.headers.get('retry-after')).toBe('900');
    const body = (await response.json()) as { detail: string; type: string };
    expect(body.detail).toContain('Try again in 15 minutes (after 12:15 UTC)');
    expect(body.type).toMatch(/\/problems\/rate-limited$/);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect((await signIn('rita')).response.status).toBe(200);
    clock = new Date('2026-01-20T12:00:00Z');
  });

  it('one address trying many accounts is stopped at its own limit (5 here), whatever the names', async () => {
    const limited = createApp({ db, now: () => clock, signInLimiter: new SignInLimiter({ perAccount: 3, perAddress: 5, windowMs: 60_000 }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await limited.request('/api/auth/sign-in', json({ username: `someone-${i}`, password: 'wrong password' }))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('admins: users and API tokens', () => {
  it('an admin creates an account that can then sign in; a taken name is 409, a lead without a team 422', async () => {
    const admin = await signedIn(app, db, 'admin');
    const created = await admin.request('/api/users', json({ username: 'newbie', display_name: 'New Bie', role: 'manager', password: 'long enough secret' }));
    expect(created.status).toBe(201);
    expect((await signIn('newbie', 'long enough secret')).response.status).toBe(200);
    expect((await admin.request('/api/users', json({ username: 'newbie', display_name: 'Again', role: 'manager', password: 'long enough secret' }))).status).toBe(409);
    expect((await admin.request('/api/users', json({ username: 'lonely', display_name: 'Lonely', role: 'lead', password: 'long enough secret' }))).status).toBe(422);
    const listed = (await (await admin.request('/api/users')).json()) as Array<{ username: string }>;
    expect(listed.map((u) => u.username)).toContain('newbie');
    expect(JSON.stringify(listed)).not.toMatch(/hash|salt/);
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = await signedIn(app, db, 'admin');
    await testAccount(db, 'manager', { username: 'gone', password });
    const { cookie } = await signIn('gone');
    const patched = await admin.request('/api/users/gone', { method: 'PATCH', body: JSON.stringify({ disabled: true }), headers: { 'Content-Type': 'application/json' } });
    expect(patched.status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await signIn('gone')).response.status).toBe(401);
  });

  it('an API token is shown once, stored hashed, gives its role’s rights without CSRF, and stops when revoked', async () => {
    const admin = await signedIn(app, db, 'admin');
    const created = await admin.request('/api/tokens', json({ name: 'nightly export', role: 'manager' }));
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: number };
    expect(token).toMatch(/^sp_[\w-]{43}$/);
    expect(await db.readOne('SELECT 1 FROM api_tokens WHERE token_hash = $token', { token })).toBeUndefined();
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await app.request('/api/overview', { headers: bearer })).status).toBe(200);
    expect((await app.request('/api/users', { headers: bearer })).status).toBe(403); // a manager's rights, not an admin's
    const goal = { name: 'Token goal', metric: 'created', comparator: '>=', target: 1, period: 'week', starts_on: '2026-01-05' };
    expect((await app.request('/api/goals', json(goal, bearer))).status).toBe(201);
    const listed = await (await admin.request('/api/tokens')).text();
    expect(listed).not.toContain(token);
    expect((await admin.request(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request('/api/overview', { headers: bearer })).status).toBe(401);
  });
});

it('no password reaches a log: console and the error log stay free of every password this file used', async () => {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
  const secret = 'a secret nobody logs 12';
  await testAccount(db, 'manager', { username: 'quiet', password: secret });
  await signIn('quiet', secret);
  await signIn('quiet', `${secret}x`);
  const admin = await signedIn(app, db, 'admin');
  await admin.request('/api/users', json({ username: 'quiet2', display_name: 'Q', role: 'manager', password: secret }));
  await admin.request('/api/users/quiet/password', json({ password: `${secret}!!` }));
  // A body that fails validation is reported without echoing the password it carried.
  const invalid = await app.request('/api/auth/sign-in', json({ username: 'quiet', password: secret, extra: 1 }));
  expect(invalid.status).toBe(400);
  expect(await invalid.text()).not.toContain(secret);
  const printed = spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))).join('\n') + logged.map(String).join('\n');
  spies.forEach((spy) => spy.mockRestore());
  expect(printed).not.toContain(secret);
  expect(printed).not.toContain(password);
});
