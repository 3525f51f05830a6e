// Cross-site and network safety through app.request(): writes from other sites' pages are refused before a
// route reads them, requests to unknown host names are refused (DNS rebinding), and every answer carries the
// security headers, the dashboard page a script policy that allows exactly its own scripts.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { exposureRefusal, isLoopbackHost, exposureWarning } from '../../api/security/exposure.ts';
import { isAllowedHost } from '../../api/security/allowed-hosts.ts';
import { readConfig } from '../../api/env.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const ticketsCsv = readFileSync(join(smallFixture, 'tickets.csv'));
const importDir = mkdtempSync(join(tmpdir(), 'servicepulse-security-'));

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
  app = await signedIn(createApp({ db, now: () => new Date('2026-01-20T12:00:00Z'), imports: { folder: importDir, uploadLimitBytes: 64 * 1024 } }), db);
});
afterAll(async () => {
  await db.close();
});

function upload(headers: Record<string, string> = {}) {
  const body = new FormData();
  body.append('file', new Blob([ticketsCsv]), 'tickets.csv');
  return app.request('/api/imports', { method: 'POST', body, headers });
}

const loadCount = async () => (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM loads'))!.n;

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { status: number; title: string; detail: string };
}

describe('writes from another site are refused', () => {
  it('an upload from another origin is 403, and nothing is queued or loaded', async () => {
    const before = await loadCount();
    const refused = await problem(await upload({ Origin: 'https://evil.example' }), 403);
    expect(refused).toMatchObject({ status: 403, title: 'Cross-site request refused' });
    expect(refused.detail).toBe(
      "A POST from the page at https://evil.example was refused: requests that change data are taken only from this server's own pages (localhost).",
    );
    const listed = (await (await app.request('/api/imports')).json()) as { imports: Array<{ state: string }> };
    expect(listed.imports.filter((i) => i.state === 'queued' || i.state === 'loading')).toEqual([]);
    expect(await loadCount()).toBe(before);
  });

  it('an upload from the dashboard itself, or from a client that is no browser, is accepted', async () => {
    expect((await upload({ Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(202);
    expect((await upload()).status).toBe(202); // curl, scripts, npm run load -- --server
    expect((await upload({ 'Sec-Fetch-Site': 'none' })).status).toBe(202); // typed or bookmarked
  });

  it('without Origin, a browser\'s Sec-Fetch-Site other than same-origin or none is refused', async () => {
    expect((await problem(await upload({ 'Sec-Fetch-Site': 'cross-site' }), 403)).detail).toMatch(/^A POST sent by a cross-site page was refused/);
    // Another port of the same machine is the same site, not the same origin.
    await problem(await upload({ 'Sec-Fetch-Site': 'same-site' }), 403);
  });

  it('an Origin of another port, another scheme\'s host, or null is not ours', async () => {
    await problem(await upload({ Origin: 'http://localhost:5173' }), 403);
    await problem(await upload({ Origin: 'null' }), 403);
    await problem(await upload({ Origin: 'file://' }), 403);
  });

  it('JSON writes and DELETE are refused too; reads from anywhere are answered', async () => {
    const goal = { name: 'Median first response within 30 minutes', metric: 'first_response_time', stat: 'p50', comparator: '<=', target: 30, period: 'week', starts_on: '2026-01-05' };
    const json = { 'Content-Type': 'application/json' };
    const evil = { Origin: 'https://evil.example' };
    const goalsBefore = (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM goals'))!.n;
    await problem(await app.request('/api/goals', { method: 'POST', body: JSON.stringify(goal), headers: { ...json, ...evil } }), 403);
    expect((await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM goals'))!.n).toBe(goalsBefore);

    const created = await app.request('/api/goals', { method: 'POST', body: JSON.stringify(goal), headers: json });
    expect(created.status).toBe(201);
    const { goal_id } = (await created.json()) as { goal_id: number };
    await problem(await app.request(`/api/goals/${goal_id}`, { method: 'PUT', body: JSON.stringify({ ...goal, name: 'Renamed' }), headers: { ...json, ...evil } }), 403);
    await problem(await app.request(`/api/goals/${goal_id}`, { method: 'DELETE', headers: evil }), 403);
    await problem(await app.request(`/api/goals/${goal_id}`, { method: 'PATCH', headers: evil }), 403);
    expect(await db.read('SELECT name, archived_at FROM goals WHERE goal_id = $goal_id', { goal_id })).toEqual([{ name: goal.name, archived_at: null }]);
    expect((await app.request(`/api/goals/${goal_id}`, { headers: evil })).status).toBe(200);
  });
});

describe('requests to unknown host names are refused', () => {
  it('a rebound name is 403; addresses and localhost are answered', async () => {
    const refused = await problem(await app.request('http://evil.example:8080/api/health'), 403);
    expect(refused).toMatchObject({ title: 'Unknown host name', host: 'evil.example' });
    expect(refused.detail).toMatch(/SERVICEPULSE_ALLOWED_HOSTS/);
    for (const host of ['localhost', '127.0.0.1:8080', '[::1]:8080', '192.168.1.20', 'app.localhost']) {
      expect((await app.request(`http://${host}/api/health`)).status, host).toBe(200);
    }
  });

  it('a listed name is answered, with its subdomains when listed with a leading dot', async () => {
    const named = await signedIn(createApp({ db, allowedHosts: ['servicepulse.example.com', '.internal.example'] }), db);
    expect((await named.request('http://servicepulse.example.com/api/health')).status).toBe(200);
    expect((await named.request('http://SERVICEPULSE.example.com./api/health')).status).toBe(200);
    expect((await named.request('http://internal.example/api/health')).status).toBe(200);
    expect((await named.request('http://eu.internal.example/api/health')).status).toBe(200);
    expect((await named.request('http://evil-servicepulse.example.com/api/health')).status).toBe(403);
    expect((await named.request('http://notinternal.example/api/health')).status).toBe(403);
    expect(isAllowedHost('servicepulse.example.com.evil.example', ['servicepulse.example.com'])).toBe(false);
  });

  it('the allowed names are the HOST the server listens on and SERVICEPULSE_ALLOWED_HOSTS', () => {
    expect(readConfig({}, []).allowedHosts).toEqual(['127.0.0.1']);
    expect(readConfig({ HOST: 'sp.example.com', SERVICEPULSE_ALLOWED_HOSTS: ' Dash.Example.com, .corp.example ,' }, []).allowedHosts).toEqual([
      'sp.example.com', 'dash.example.com', '.corp.example',
    ]);
    expect(() => readConfig({ SERVICEPULSE_ALLOWED_HOSTS: 'https://sp.example.com' }, [])).toThrow(
      /^Invalid setting SERVICEPULSE_ALLOWED_HOSTS: "https:\/\/sp\.example\.com" is not a host name/,
    );
    expect(() => readConfig({ SERVICEPULSE_ALLOWED_HOSTS: 'sp.example.com:8080' }, [])).toThrow(/is not a host name/);
  });
});

describe('security headers', () => {
  const everyAnswer = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };

  it('are on API answers, problems and refusals, with a policy that lets nothing run or frame them', async () => {
    const answers = [
      await app.request('/api/health'),
      await app.request('/api/no-such-route'),
      await app.request('/api/imports', { method: 'POST', headers: { Origin: 'https://evil.example' } }),
      await app.request('http://evil.example/api/health'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 403, 403]);
    for (const answer of answers) {
      expect(Object.fromEntries(Object.keys(everyAnswer).map((name) => [name, answer.headers.get(name)]))).toEqual(everyAnswer);
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  describe('the dashboard', () => {
    // Hashes by hand: printf '%s' "<script text>" | openssl dgst -sha256 -binary | base64
    const themeScript = "document.documentElement.dataset.theme = 'dark';";
    const themeHash = "'sha256-DHbFh4o+L8meQM6JMbt/D2AhqsPiSksdB2N5Ub9s4aI='";
    const startScript = "\n      import('./_app/start.js');\n    ";
    const startHash = "'sha256-eFjxcq7kPt9mpsUwZmQgq2YH7jMayv8+4URq0HOY/o8='";
    let site: ReturnType<typeof createApp>;

    beforeAll(() => {
      const webRoot = mkdtempSync(join(tmpdir(), 'servicepulse-web-'));
      mkdirSync(join(webRoot, '_app', 'immutable'), { recursive: true });
      writeFileSync(join(webRoot, '_app', 'immutable', 'start.js'), 'export {};\n');
      writeFileSync(
        join(webRoot, 'index.html'),
        `<!doctype html><html><head><script>${themeScript}</script>` +
          `<script type="module" src="./_app/immutable/start.js"></script></head>` +
          `<body><div style="display: contents"><script>${startScript}</script></div></body></html>`,
      );
      site = createApp({ db, webRoot });
    });

    it('the page allows exactly its inline scripts by hash, and no inline script else', async () => {
      for (const path of ['/', '/goals/12']) {
        const page = await site.request(path);
        expect(page.status, path).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
        expect(page.headers.get('x-frame-options')).toBe('DENY');
        const policy = Object.fromEntries(
          page.headers.get('content-security-policy')!.split(/;\s*/).map((directive) => {
            const [name, ...sources] = directive.split(' ');
            return [name, sources.join(' ')];
          }),
        );
        expect(policy).toEqual({
          'default-src': "'self'",
          'script-src': `'self' ${themeHash} ${startHash}`,
          'style-src': "'self'",
          'style-src-attr': "'unsafe-inline'",
          'img-src': "'self' data: blob:",
          'connect-src': "'self'",
          'object-src': "'none'",
          'base-uri': "'none'",
          'form-action': "'self'",
          'frame-ancestors': "'none'",
        });
      }
    });

    it('its files carry the headers too', async () => {
      const file = await site.request('/_app/immutable/start.js');
      expect(file.status).toBe(200);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    });
  });
});

describe('listening beyond this machine', () => {
  it('is warned of: plain HTTP sends passwords and cookies readable without a TLS proxy', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'servicepulse.example.com']) {
      expect(exposureWarning(host, 8080), host).toMatch(/^WARNING: HOST=.* port 8080, in plain HTTP: passwords and session cookies cross the network readable unless a TLS proxy/);
    }
    expect(exposureWarning('0.0.0.0', 8080)).toMatch(/listens on every network this machine is on/);
  });

  it('is refused while demo accounts exist or a demo is about to be seeded, and allowed with real accounts only', () => {
    expect(exposureRefusal('0.0.0.0', { accounts: 5, aboutToSeed: false })).toMatch(/^refusing to listen on HOST=0\.0\.0\.0 .*5 demo accounts, whose passwords were printed/);
    expect(exposureRefusal('192.168.1.20', { accounts: 0, aboutToSeed: true })).toMatch(/would be seeded with the demo and its accounts.*--no-demo/);
    expect(exposureRefusal('192.168.1.20', { accounts: 0, aboutToSeed: false })).toBeUndefined();
    expect(exposureRefusal('127.0.0.1', { accounts: 5, aboutToSeed: true })).toBeUndefined();
  });

  it('is not, on a loopback address', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(exposureWarning(host, 8080), host).toBeUndefined();
    }
    for (const host of ['0.0.0.0', '::', '128.0.0.1', '::2', 'localhost.example.com']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
