import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { HealthResponse, SeriesResponse } from '../../api/contracts.ts';
import type { Database } from '../../sql/db.ts';
import { listMigrations } from '../../sql/migrate.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

let db: Database;
let app: ReturnType<typeof createApp>;
const logged: unknown[] = [];

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  app = await signedIn(createApp({ db, logError: (error) => logged.push(error), now: () => new Date('2026-01-20T12:00:00Z') }), db);
});
afterAll(async () => {
  await db.close();
});

async function problem(path: string, status: number) {
  const response = await app.request(path);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({ type: 'about:blank', status });
  return body as { title: string; detail: string; [key: string]: unknown };
}

describe('problems first: bad requests get RFC 9457 documents', () => {
  const cases = [
    { title: 'unknown API route', path: '/api/nope', status: 404, detail: /No API route GET \/api\/nope/ },
    { title: 'unknown metric, naming the known ones', path: '/api/metrics/speed', status: 404, detail: /no metric "speed"\. Known metrics: created, solved, backlog, first_response_time/ },
    { title: 'unknown group-by', path: '/api/metrics/created?by=colour', status: 400, detail: /^by: Invalid option: expected one of "team"\|"channel"/ },
    { title: 'unknown grain', path: '/api/metrics/created?grain=hour', status: 400, detail: /^grain: Invalid option/ },
    { title: 'unknown parameter', path: '/api/metrics/created?colour=red', status: 400, detail: /colour/ },
    { title: 'malformed date', path: '/api/metrics/created?from=2026-13-45', status: 400, detail: /from/ },
    { title: 'empty range', path: '/api/metrics/created?from=2026-02-01&to=2026-01-01', status: 400, detail: /must be a real date before "to"/ },
    { title: 'a path outside the API without a dashboard', path: '/some/page', status: 404, detail: /Nothing at \/some\/page/ },
  ];
  for (const { title, path, status, detail } of cases) {
    it(title, async () => {
      expect((await problem(path, status)).detail).toMatch(detail);
    });
  }

  it('an unexpected failure is a 500 problem without internals, logged on the server', async () => {
    const broken = await freshDb();
    await broken.close();
    // Asked anonymously of a public route: a session could not even be made on a closed database.
    const brokenApp = createApp({ db: broken, logError: (error) => logged.push(error) });
    const response = await brokenApp.request('/api/health');
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ type: 'about:blank', status: 500, title: 'Internal error', detail: 'The server could not answer this request; the error is in its log.' });
    expect(JSON.stringify(body)).not.toMatch(/closed|at .*\.ts/);
    expect(String(logged.at(-1))).toMatch(/is closed/);
  });
});

describe('GET /api/health', () => {
  it('reports versions and row counts', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.duckdb_version).toMatch(/^v1\.\d+\.\d+/);
    expect(body.schema_version).toBe(Math.max(...listMigrations().map((m) => m.version)));
    expect(body.row_counts).toMatchObject({ tickets: 5, ticket_events: 21, feedback: 3, teams: 2, agents: 3, customers: 2, suggestions: 1, loads: 3 });
  });

  it('changes data_version with every load', async () => {
    const before = ((await (await app.request('/api/health')).json()) as HealthResponse).data_version;
    await loadFile(db, { file: `${smallFixture}tickets.csv`, mapping: zendeskTickets });
    const after = ((await (await app.request('/api/health')).json()) as HealthResponse).data_version;
    expect(after).toBe(before + 1);
  });
});

describe('GET /api/metrics/:key', () => {
  it('lists the registry', async () => {
    const body = (await (await app.request('/api/metrics')).json()) as Array<{ key: string; definition: string }>;
    // The metric keys of PRODUCT.md §4 table, written out here rather than read from the registry.
    const productKeys = ['first_response_time', 'reply_time', 'resolution_time', 'first_resolution_time', 'requester_wait_time',
      'agent_wait_time', 'first_contact_resolution', 'one_touch_rate', 'escalation_rate', 'reassignment_rate', 'reopen_rate',
      'sla_first_response_attainment', 'sla_resolution_attainment', 'promise_kept_rate', 'csat', 'csat_response_rate', 'nps',
      'ces', 'created', 'solved', 'repeat_contact_rate'];
    expect(body.map((m) => m.key)).toEqual(expect.arrayContaining(productKeys));
    expect(body.every((m) => m.definition.length > 20)).toBe(true);
  });

  it('counts tickets created per week and channel (hand-computed from the fixture)', async () => {
    const response = await app.request('/api/metrics/created?grain=week&by=channel&from=2026-01-01&to=2026-02-01');
    expect(response.status).toBe(200);
    const body = (await response.json()) as SeriesResponse;
    expect(body.rows).toEqual([
      { period: '2026-01-05', group: 'email', value: 1, tickets: 1 },
      { period: '2026-01-05', group: 'phone', value: 1, tickets: 1 },
      { period: '2026-01-12', group: 'chat', value: 1, tickets: 1 },
      { period: '2026-01-12', group: 'email', value: 1, tickets: 1 },
      { period: '2026-01-12', group: 'social', value: 1, tickets: 1 },
    ]);
    expect(body.total).toEqual({ value: 5, tickets: 5 });
    expect(body).toMatchObject({ grain: 'week', by: 'channel', from: '2026-01-01', to: '2026-02-01' });
  });

  it('attributes solved tickets by their last solve, grouped by provider', async () => {
    const body = (await (await app.request('/api/metrics/solved?grain=month&by=provider&from=2026-01-01&to=2026-02-01')).json()) as SeriesResponse;
    // 10001 and 10002 in-house; 10003 (solved again 14 Jan) and 10005 outsourced; 10004 is open.
    expect(body.rows).toEqual([
      { period: '2026-01-01', group: 'in_house', value: 2, tickets: 2 },
      { period: '2026-01-01', group: 'outsourced', value: 2, tickets: 2 },
    ]);
  });

  it('defaults to the 52 weeks before the current one plus this week', async () => {
    const body = (await (await app.request('/api/metrics/created')).json()) as SeriesResponse;
    // now = Tue 2026-01-20: the current week starts Mon 19 Jan; 52 weeks earlier is Mon 2025-01-20.
    expect([body.from, body.to, body.grain, body.by]).toEqual(['2025-01-20', '2026-01-21', 'week', null]);
    expect(body.rows).toEqual([
      { period: '2026-01-05', group: null, value: 2, tickets: 2 },
      { period: '2026-01-12', group: null, value: 3, tickets: 3 },
    ]);
  });

  it('returns an empty series, not an error, for a range without tickets', async () => {
    const body = (await (await app.request('/api/metrics/created?from=2020-01-01&to=2020-02-01')).json()) as SeriesResponse;
    expect(body.rows).toEqual([]);
    expect(body.total).toEqual({ value: 0, tickets: 0 });
  });
});

describe('serving the dashboard', () => {
  async function appWithBuild() {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = mkdtempSync(join(tmpdir(), 'servicepulse-web-'));
    mkdirSync(join(root, '_app/immutable'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body>ServicePulse shell</body></html>');
    writeFileSync(join(root, '_app/immutable/entry.js'), 'export const answer = 42;');
    writeFileSync(join(root, '_app/version.json'), '{"version":"1"}');
    return signedIn(createApp({ db, webRoot: root }), db);
  }

  it('serves the page at / and, for a build without its route list, for any path', async () => {
    const web = await appWithBuild();
    for (const path of ['/', '/goals/12']) {
      const response = await web.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('ServicePulse shell');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers 200 for each dashboard route and 404, with the page, for any other path', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pageRoutesOf, pageRoutesFile } = await import('../../common/page-routes.ts');
    const routes = mkdtempSync(join(tmpdir(), 'servicepulse-routes-'));
    for (const page of ['', 'explore', 'teams', 'feedback', 'data', 'report', 'tickets/[id]']) {
      mkdirSync(join(routes, page), { recursive: true });
      writeFileSync(join(routes, page, '+page.svelte'), '');
    }
    const root = mkdtempSync(join(tmpdir(), 'servicepulse-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body>ServicePulse shell</body></html>');
    // What scripts/write-page-routes.ts writes after a build.
    writeFileSync(join(root, pageRoutesFile), JSON.stringify({ routes: pageRoutesOf(routes) }));
    const web = createApp({ db, webRoot: root });
    for (const path of ['/', '/explore', '/teams', '/feedback', '/data', '/report', '/tickets/10003', '/report/']) {
      const response = await web.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('ServicePulse shell');
    }
    for (const path of ['/goals/12', '/nope', '/tickets', '/tickets/1/extra', '/favicon.ico']) {
      const response = await web.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('ServicePulse shell');
    }
  });

  it('serves hashed assets as immutable and the version file uncached', async () => {
    const web = await appWithBuild();
    const asset = await web.request('/_app/immutable/entry.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await web.request('/_app/version.json')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset and an unknown API route with 404 problems, not the page', async () => {
    const web = await appWithBuild();
    for (const path of ['/_app/immutable/missing.js', '/api/missing']) {
      const response = await web.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
