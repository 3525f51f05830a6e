// A database file with the small fixture and `count` agents of Zagreb, each signed in (a session made here), and a
// real server on it: the set-up of the suggestion tests over HTTP on loopback (concurrency, kill -9).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../sql/accounts/sessions.ts';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { loadSmallFixture } from '../helpers/db.ts';
import { freePort, runServer, waitForHealth, type ServerRun } from './server-process.ts';

export interface Person {
  user_id: string;
  headers: Record<string, string>;
}

/** Creates the database at a new path with `count` signed-in agents; returns the path and the people. */
export async function databaseWithPeople(count: number): Promise<{ path: string; people: Person[] }> {
  const path = join(mkdtempSync(join(tmpdir(), 'servicepulse-suggestions-http-')), 'servicepulse.duckdb');
  const db = await Database.open(path);
  try {
    await migrate(db);
    await loadSmallFixture(db);
    // The people only need rows to sign in as (accounts without passwords: no one signs in with one here).
    await db.write((tx) =>
      tx.run(
        `INSERT INTO users (user_id, display_name, role, team_id, username)
         SELECT 'agent-' || i, 'Agent ' || i, 'agent', 'zagreb', 'agent-' || i FROM range($count) r(i)`,
        { count },
      ),
    );
    const people: Person[] = [];
    for (let i = 0; i < count; i++) {
      const session = await createSession(db, `agent-${i}`);
      people.push({ user_id: `agent-${i}`, headers: { cookie: `sp_session=${session.token}`, 'X-CSRF-Token': session.csrf_token } });
    }
    return { path, people };
  } finally {
    await db.close();
  }
}

export async function startServer(path: string, port?: number): Promise<{ server: ServerRun; base: string; port: number }> {
  const chosen = port ?? (await freePort());
  const server = runServer({ PORT: String(chosen), SERVICEPULSE_DB: path, SERVICEPULSE_DEMO: '0' });
  return { server, base: await waitForHealth(server, chosen), port: chosen };
}

export const jsonHeaders = (person: Person) => ({ ...person.headers, 'Content-Type': 'application/json' });
