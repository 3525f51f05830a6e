// An API token in a database file before a server starts on it: the server's real HTTP routes need an account
// (docs/accounts.md), and a child process is signed in by `Authorization: Bearer` (or SERVICEPULSE_TOKEN for the CLI).
import { createApiToken } from '../../sql/accounts/sessions.ts';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';

export async function tokenFor(databasePath: string, role: 'admin' | 'manager' = 'manager'): Promise<string> {
  const db = await Database.open(databasePath);
  try {
    await migrate(db);
    return (await createApiToken(db, { name: `test ${role}`, role, team_id: null, created_by: 'test' })).token;
  } finally {
    await db.close();
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
