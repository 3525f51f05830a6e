// The route × role walk: every route the app registers, asked by each role and by no one, answers as the one
// declaration (api/auth/access.ts) says — allowed: anything but 401/403; refused: 403 naming the role, or 401 for no
// one. The routes are read from the Hono app itself, so a route added without a declaration fails here.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { allows, roles, routeAccess, type RouteAccess } from '../../api/auth/access.ts';
import { accessTableMarkdown, tableEnd, tableStart } from '../../api/auth/access-table.ts';
import { createSession } from '../../sql/accounts/sessions.ts';
import type { Account, Role } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from '../helpers/db.ts';
import { testAccount } from '../helpers/signed-in.ts';

let db: Database;
let app: ReturnType<typeof createApp>;
const accounts = new Map<Role, Account>();

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  app = createApp({ db, now: () => new Date('2026-01-20T12:00:00Z'), imports: { folder: mkdtempSync(join(tmpdir(), 'servicepulse-access-')), uploadLimitBytes: 1 << 20 } });
  for (const role of roles) {
    // The lead and the agent are in Zagreb; the agent is Ana Kovač (a1) of the small fixture.
    accounts.set(role, await testAccount(db, role, { team_id: role === 'lead' || role === 'agent' ? 'zagreb' : null, agent_id: role === 'agent' ? 'a1' : null }));
  }
});
afterAll(async () => {
  await db.close();
});

/** Every route the app answers, as `METHOD /api/path` (Hono lists each middleware of a route as an entry of its own). */
function registeredRoutes(): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))].sort();
}

const sampleParams: Record<string, string> = { key: 'created', id: '1', flag: 'vip' };
const urlOf = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => sampleParams[name] ?? '1');

async function ask(route: string, role: Role | undefined): Promise<Response> {
  const [method, path] = route.split(' ') as [string, string];
  const headers: Record<string, string> = {};
  if (role) {
    // A session of its own for each request: the walk signs out too.
    const session = await createSession(db, accounts.get(role)!.id);
    headers.cookie = `sp_session=${session.token}`;
    headers['X-CSRF-Token'] = session.csrf_token;
  }
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
  return app.request(urlOf(path), { method, headers: { ...headers, ...(hasBody ? { 'Content-Type': 'application/json' } : {}) }, ...(hasBody ? { body: '{}' } : {}) });
}

describe('the route × role declaration', () => {
  it('declares every registered route, and every declared route is registered', () => {
    const registered = registeredRoutes();
    const declared = Object.keys(routeAccess).sort();
    expect(registered.filter((route) => !declared.includes(route)), 'routes without a line in api/auth/access.ts').toEqual([]);
    expect(declared.filter((route) => !registered.includes(route)), 'declarations of routes that do not exist').toEqual([]);
  });

  it('every route answers each role, and no one, as declared', async () => {
    const mismatches: string[] = [];
    for (const route of registeredRoutes()) {
      const access = (routeAccess as Record<string, RouteAccess>)[route];
      if (!access) continue; // reported by the test above
      for (const role of [...roles, undefined]) {
        const response = await ask(route, role);
        const allowed = allows(access, role);
        const got = response.status;
        const ok = allowed ? got !== 401 && got !== 403 : got === (role === undefined ? 401 : 403);
        if (!ok) mismatches.push(`${route} as ${role ?? 'anonymous'}: ${got} (${allowed ? 'allowed' : 'refused'} by the declaration) ${allowed ? await response.text() : ''}`);
        else if (!allowed && role) expect(((await response.json()) as { detail: string }).detail).toContain(`${role} may not ${access.does}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('an unknown /api path is 401 for no one and 404 for a signed-in person', async () => {
    expect((await ask('GET /api/no-such-thing', undefined)).status).toBe(401);
    expect((await ask('GET /api/no-such-thing', 'manager')).status).toBe(404);
  });

  it('docs/accounts.md holds the table as the declaration renders it (npm run docs:access)', () => {
    const doc = readFileSync(new URL('../../docs/accounts.md', import.meta.url), 'utf8');
    const start = doc.indexOf(tableStart);
    expect(doc.slice(start, doc.indexOf(tableEnd) + tableEnd.length)).toBe(accessTableMarkdown());
  });
});
