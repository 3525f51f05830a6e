import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { AnswerCache } from '../../api/cache.ts';
import type { SeriesResponse } from '../../api/contracts.ts';
import type { Database } from '../../sql/db.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { signedIn } from '../helpers/signed-in.ts';

let db: Database;
const cache = new AnswerCache();
let app: ReturnType<typeof createApp>;
const series = '/api/metrics/created?grain=week&by=channel&from=2026-01-05&to=2026-01-19';

beforeAll(async () => {
  db = await freshDb();
  await loadFile(db, { file: join(smallFixture, 'tickets.csv'), mapping: zendeskTickets });
  app = await signedIn(createApp({ db, cache, now: () => new Date('2026-01-20T12:00:00Z') }), db);
});
afterAll(async () => {
  await db.close();
});

const total = (body: SeriesResponse) => body.rows.reduce((sum, row) => sum + Number(row.value), 0);

describe('answers cached by data version', () => {
  it('answers a repeated question from the cache, with the same body and ETag', async () => {
    const first = await app.request(series);
    const before = cache.stats();
    const second = await app.request(series);
    expect(cache.stats().hits).toBe(before.hits + 1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(first.headers.get('Cache-Control')).toBe('private, no-cache');
  });

  it('treats the same query in another parameter order as the same question', async () => {
    const reordered = await app.request('/api/metrics/created?to=2026-01-19&by=channel&from=2026-01-05&grain=week');
    expect(reordered.headers.get('ETag')).toBe((await app.request(series)).headers.get('ETag'));
  });

  it('answers 304 with no body when the browser already has this version', async () => {
    const etag = (await app.request(series)).headers.get('ETag')!;
    const revalidated = await app.request(series, { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('never serves an answer from before a load', async () => {
    const before = await app.request(series);
    const etag = before.headers.get('ETag')!;
    // The fixture has 5 valid tickets in these two weeks (test/fixtures/small/README.md).
    expect(total((await before.json()) as SeriesResponse)).toBe(5);
    // A newer export adds ticket 10009 on Fri 16 Jan.
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-cache-'));
    const header = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n')[0]!;
    const columns = header.split(',');
    const row = columns.map((column) => ({ ID: '10009', Status: 'Open', Via: 'Mail', 'Created at': '2026-01-16 10:00:00' })[column] ?? '');
    writeFileSync(join(dir, 'newer.csv'), `${header}\n${row.join(',')}\n`);
    await loadFile(db, { file: join(dir, 'newer.csv'), mapping: zendeskTickets });

    const stale = await app.request(series, { headers: { 'If-None-Match': etag } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('ETag')).not.toBe(etag);
    expect(total((await stale.json()) as SeriesResponse)).toBe(6);
  });

  it('does not cache problems', async () => {
    const misses = cache.stats().entries;
    await app.request('/api/metrics/created?grain=hour');
    await app.request('/api/metrics/created?grain=hour');
    expect(cache.stats().entries).toBe(misses);
  });

  it('forgets the least recently used answers beyond its bounds', () => {
    const small = new AnswerCache(2, 1_000);
    small.set('a', { body: 'x'.repeat(100), contentType: 'application/json', etag: 'a' });
    small.set('b', { body: 'x'.repeat(100), contentType: 'application/json', etag: 'b' });
    small.get('a');
    small.set('c', { body: 'x'.repeat(100), contentType: 'application/json', etag: 'c' });
    expect([small.get('a')?.etag, small.get('b'), small.get('c')?.etag]).toEqual(['a', undefined, 'c']);
    small.set('big', { body: 'x'.repeat(240), contentType: 'application/json', etag: 'big' });
    small.set('bigger', { body: 'x'.repeat(240), contentType: 'application/json', etag: 'bigger' });
    expect(small.stats()).toMatchObject({ entries: 2, bytes: 480 });
  });
});

describe('a burst of the same question', () => {
  it('computes the answer once and gives it to every request waiting for it', async () => {
    const burstCache = new AnswerCache();
    let seriesQueries = 0;
    const counting = new Proxy(db, {
      get(target, name, receiver) {
        if (name === 'withConnection' || name === 'read' || name === 'readOne') {
          const read = Reflect.get(target, name, receiver) as (...args: unknown[]) => unknown;
          return (...args: unknown[]) => {
            // The session behind each request is looked up too (api/auth/authorise.ts): not a series query.
            if (!/\b(sessions|users|api_tokens)\b/.test(String(args[0]))) seriesQueries++;
            return read.apply(target, args);
          };
        }
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const burstApp = await signedIn(createApp({ db: counting, cache: burstCache, now: () => new Date('2026-01-20T12:00:00Z') }), counting);
    const answers = await Promise.all(Array.from({ length: 10 }, () => burstApp.request(series)));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // One series query (its rows and total in one statement), not ten.
    expect(seriesQueries).toBe(1);
  });
});

describe('the hour in the cache key', () => {
  // Small fixture plus ticket 10010: normal priority, team Zagreb (open 08:00–16:00 CET = 07:00–15:00Z), created
  // Tue 13 Jan 2026 07:00Z and never answered. Its 240 business minutes of first response run 07:00–11:00Z, so
  // its clock is due at 11:00Z: running (in neither met nor breached) until then, breached once 11:00 has passed.
  // The week of 12 Jan has no other normal-priority ticket (10003 high, 10004 low, 10005 urgent).
  const attainment = '/api/metrics/sla_first_response_attainment?grain=week&from=2026-01-12&to=2026-01-19';
  let hourDb: Database;
  let clock = new Date('2026-01-13T10:59:00Z');
  let hourApp: ReturnType<typeof createApp>;

  beforeAll(async () => {
    hourDb = await freshDb();
    await loadSmallFixture(hourDb);
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-cache-hour-'));
    const header = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n')[0]!;
    const fields: Record<string, string> = {
      ID: '10010', Status: 'Open', Priority: 'Normal', Via: 'Mail', Group: 'Zagreb Support', 'Requester ID': 'c10',
      'Created at': '2026-01-13 07:00:00',
    };
    writeFileSync(join(dir, 'unanswered.csv'), `${header}\n${header.split(',').map((column) => fields[column] ?? '').join(',')}\n`);
    await loadFile(hourDb, { file: join(dir, 'unanswered.csv'), mapping: zendeskTickets });
    hourApp = await signedIn(createApp({ db: hourDb, cache: new AnswerCache(), now: () => clock }), hourDb);
  });
  afterAll(async () => {
    await hourDb.close();
  });

  it('does not serve an answer cached at 10:59 at 11:00, when a running SLA clock may have run out', async () => {
    const atTenFiftyNine = (await (await hourApp.request(attainment)).json()) as SeriesResponse;
    expect(atTenFiftyNine.total).toEqual({ value: null, tickets: 0 });
    clock = new Date('2026-01-13T11:00:30Z');
    const atEleven = (await (await hourApp.request(attainment)).json()) as SeriesResponse;
    expect(atEleven.total).toEqual({ value: 0, tickets: 1 });
  });
});
