// The server's warm-up fills the answer cache under the keys the dashboard's own requests use, so the Goals page's
// first visitor after a start or a load reads its answers instead of waiting for every goal to be judged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { acceptJson } from '../../common/accept-json.ts';
import { createApp } from '../../api/app.ts';
import { AnswerCache } from '../../api/cache.ts';
import { landingAnswers, warmLandingAnswers } from '../../api/warm-up.ts';
import { loadFile } from '../../pipelines/load.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, smallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

let db: Database;
const now = () => new Date('2026-01-20T12:00:00Z');

beforeAll(async () => {
  db = await freshDb();
  await loadFile(db, { file: join(smallFixture, 'tickets.csv'), mapping: zendeskTickets });
});
afterAll(async () => {
  await db.close();
});

describe('warming the landing answers', () => {
  it('computes each landing answer once, and a dashboard request then reads it from the cache', async () => {
    const cache = new AnswerCache();
    const app = await signedIn(createApp({ db, cache, now }), db);
    const errors: unknown[] = [];
    await warmLandingAnswers(app, (error) => errors.push(error));
    expect(errors).toEqual([]);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: landingAnswers.length, entries: landingAnswers.length });

    // What web/src/lib/api/client.ts sends: the same Accept, so the same cache key.
    for (const path of landingAnswers) {
      const answer = await app.request(path, { headers: acceptJson });
      expect(answer.status).toBe(200);
    }
    expect(cache.stats()).toMatchObject({ hits: landingAnswers.length, entries: landingAnswers.length });
  });

  it('logs a failing landing answer instead of throwing', async () => {
    const errors: unknown[] = [];
    const failing = { request: () => new Response('down', { status: 503 }) };
    await warmLandingAnswers(failing, (error) => errors.push(error));
    expect(errors.map(String)).toEqual(landingAnswers.map((path) => `Error: warming ${path}: 503`));
  });
});
