// The API over the small fixture (test/fixtures/small) for a test file: loaded once before its tests, closed
// after, asked by a signed-in manager; "now" is Tue 20 Jan 2026 12:00 UTC unless a test file says otherwise.
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from './db.ts';
import { signedIn } from './signed-in.ts';

export interface SmallApp {
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The same app asked by an admin (calendars, users). */
  admin: ReturnType<typeof createApp>;
}

export function useSmallFixtureApp(now = '2026-01-20T12:00:00Z'): SmallApp {
  const context = {} as SmallApp;
  beforeAll(async () => {
    context.db = await freshDb();
    await loadSmallFixture(context.db);
    // A manager, who sees everything: the routes' own behaviour, not access, is what these tests are about.
    const app = createApp({ db: context.db, now: () => new Date(now) });
    context.app = await signedIn(app, context.db);
    context.admin = await signedIn(app, context.db, 'admin');
  });
  afterAll(async () => {
    await context.db.close();
  });
  return context;
}
