// The server as a person starts it: its failure messages are one clear line and a non-zero exit.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runServer, scratchDatabasePath, stopServer, waitForHealth, type ServerRun } from '../support/server-process.ts';

const running: ServerRun[] = [];
afterAll(async () => {
  await Promise.all(running.map(stopServer));
});

function start(env: Record<string, string>, args: string[] = []) {
  const run = runServer(env, args);
  running.push(run);
  return run;
}

/** The last line the failed server printed, and its exit code. */
async function failure(run: ServerRun) {
  const code = await run.exited;
  const lines = run.output().trim().split('\n');
  return { code, lines };
}

describe('npm start failures', () => {
  it('a second server on a database another process holds names the file and exits non-zero', async () => {
    const db = scratchDatabasePath();
    const port = await freePort();
    const first = start({ PORT: String(port), SERVICEPULSE_DB: db }, ['--no-demo']);
    await waitForHealth(first, port);
    const second = start({ PORT: String(await freePort()), SERVICEPULSE_DB: db }, ['--no-demo']);
    const { code, lines } = await failure(second);
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe(
      `servicepulse: The database ${db} is in use by another process (PID ${first.child.pid}). Stop that process (a running \`npm start\`?) or point SERVICEPULSE_DB at another file.`,
    );
    expect(second.output()).not.toMatch(/\n\s+at /);
  });

  it('a corrupt database file is one line, no stack trace', async () => {
    const db = scratchDatabasePath();
    writeFileSync(db, 'not a database\n'.repeat(500));
    const { code, lines } = await failure(start({ PORT: String(await freePort()), SERVICEPULSE_DB: db }, ['--no-demo']));
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^servicepulse: The database file ${db} is not a readable DuckDB database`))]);
  });

  it('an unwritable data folder is one line', async () => {
    const file = scratchDatabasePath();
    writeFileSync(file, '');
    const { code, lines } = await failure(start({ PORT: String(await freePort()), SERVICEPULSE_DB: `${file}/inner/db.duckdb` }, ['--no-demo']));
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^servicepulse: Cannot create the data folder .*inner: .*Set SERVICEPULSE_DB to a writable path\.$/)]);
  });

  it('a port in use is one line naming the port', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const { code, lines } = await failure(start({ PORT: String(port), SERVICEPULSE_DB: scratchDatabasePath() }, ['--no-demo']));
      expect(code).toBe(1);
      expect(lines).toEqual([`servicepulse: port ${port} on 127.0.0.1 is already in use. Stop what uses it or start with PORT=<another port>.`]);
    } finally {
      blocker.close();
    }
  });

  it('an invalid setting is one line naming it', async () => {
    const { code, lines } = await failure(start({ PORT: 'eighty', SERVICEPULSE_DB: scratchDatabasePath() }));
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^servicepulse: Invalid setting PORT: /)]);
  });
});

/** A GET sent with a Host header of our choosing (fetch does not let a caller set it). */
function getWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    sent.once('error', reject);
    sent.end();
  });
}

describe('npm start on every network', () => {
  it('without demo accounts, starts, warns that plain HTTP needs a TLS proxy, and still refuses unknown host names', async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), HOST: '0.0.0.0', SERVICEPULSE_DB: scratchDatabasePath() }, ['--no-demo']);
    await waitForHealth(run, port);
    expect(run.output()).toContain(
      `servicepulse: WARNING: HOST=0.0.0.0 listens on every network this machine is on, port ${port}, in plain HTTP: passwords and session cookies cross the network readable unless a TLS proxy (HTTPS) is in front`,
    );
    expect(await getWithHost(port, '/api/health', `rebound.example:${port}`)).toBe(403);
    expect(await getWithHost(port, '/api/health', `127.0.0.1:${port}`)).toBe(200);
  });
});

describe('npm start says what it serves', () => {
  it('names where the dashboard is and what data it holds: the small fixture, 5 tickets from 5 to 16 Jan 2026', async () => {
    const path = scratchDatabasePath();
    const { Database } = await import('../../sql/db.ts');
    const { migrate } = await import('../../sql/migrate.ts');
    const { loadSmallFixture } = await import('../helpers/db.ts');
    const db = await Database.open(path);
    await migrate(db);
    await loadSmallFixture(db);
    await db.close();
    const port = await freePort();
    const run = start({ PORT: String(port), SERVICEPULSE_DB: path }, ['--no-demo']);
    await waitForHealth(run, port);
    const lines = run.output().trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ServicePulse (dashboard|API \\(no dashboard built\\)): http://127\\.0\\.0\\.1:${port}/`)));
    expect(lines).toContain('Data: 5 tickets, 2026-01-05 to 2026-01-16');
  });

  it('says when there is no data yet', async () => {
    const port = await freePort();
    const run = start({ PORT: String(port), SERVICEPULSE_DB: scratchDatabasePath() }, ['--no-demo']);
    await waitForHealth(run, port);
    expect(run.output()).toContain('Data: none yet: load an export');
  });
});
