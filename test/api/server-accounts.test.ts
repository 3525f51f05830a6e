// The server's start with accounts in mind: an empty non-demo database says how to create the first account, and a
// server bound beyond this machine refuses to start while demo accounts exist. Real child processes.
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../sql/accounts/passwords.ts';
import { createAccount } from '../../sql/accounts/users.ts';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { loadSmallFixture } from '../helpers/db.ts';
import { cheapScrypt } from '../helpers/signed-in.ts';
import { freePort, runServer, scratchDatabasePath, stopServer, waitForHealth } from '../support/server-process.ts';

describe('starting the server', () => {
  it('on an empty database without the demo, says how to create the first account', { timeout: 200_000 }, async () => {
    const database = scratchDatabasePath();
    const port = await freePort();
    const server = runServer({ PORT: String(port), SERVICEPULSE_DB: database }, ['--no-demo']);
    try {
      await waitForHealth(server, port);
      expect(server.output()).toContain('No accounts yet, so no one can sign in.');
      expect(server.output()).toContain(`npm run users -- add admin --role admin --db ${database}`);
    } finally {
      await stopServer(server);
    }
  });

  it('on HOST=0.0.0.0 with a demo account, refuses to start and says why', { timeout: 200_000 }, async () => {
    const database = scratchDatabasePath();
    const db = await Database.open(database);
    await migrate(db);
    await loadSmallFixture(db);
    await createAccount(db, { username: 'manager', display_name: 'Demo manager', role: 'manager', password: await hashPassword('a demo password', cheapScrypt), is_demo: true });
    await db.close();
    const server = runServer({ PORT: String(await freePort()), HOST: '0.0.0.0', SERVICEPULSE_DB: database }, ['--no-demo']);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/refusing to listen on HOST=0\.0\.0\.0 \(on every network this machine is on\): the database has 1 demo account, whose passwords were printed/);
  });
});

