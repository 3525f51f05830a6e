// The API over the small fixture for the suggestion tests: people of the roles and teams a test file names, each
// signed in, and a server clock the tests set (every instant a suggestion records is then the one the test chose).
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { SuggestionDetailResponse } from '../../api/contracts.ts';
import type { Role } from '../../sql/accounts/users.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, loadSmallFixture } from './db.ts';
import { signedIn, type SignedIn } from './signed-in.ts';

type App = ReturnType<typeof createApp>;

export interface SuggestionApp {
  db: Database;
  /** The server's "now"; set it before a request. */
  clock: { now: Date };
  /** `who` (a name of `people`) asks; the answer's status and JSON body (a suggestion unless said). */
  call<T = SuggestionDetailResponse>(who: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: T & ProblemFields }>;
}

interface ProblemFields {
  detail?: string;
  issues?: { parameter: string }[];
}

/** People by name: their role and team (the user name and display name are the name). `prepare` runs after the fixture loads. */
export function useSuggestionApp(people: Record<string, [Role, string | null]>, start: string, prepare?: (db: Database) => Promise<void>): SuggestionApp {
  const signed: Record<string, SignedIn<App>> = {};
  const context = { clock: { now: new Date(start) } } as SuggestionApp;
  context.call = async (who, method, url, body) => {
    const init: RequestInit = { method };
    if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const response = await signed[who]!.request(url, init);
    return { status: response.status, body: await response.json() };
  };
  beforeAll(async () => {
    context.db = await freshDb();
    await loadSmallFixture(context.db);
    await prepare?.(context.db);
    const app = createApp({ db: context.db, now: () => context.clock.now });
    for (const [name, [role, team_id]] of Object.entries(people)) {
      signed[name] = await signedIn(app, context.db, role, { username: name, display_name: name, team_id });
    }
  });
  afterAll(async () => {
    await context.db.close();
  });
  return context;
}
