// `npm run load` while `npm start` holds the database: a real server child process and the CLI as a
// person runs it. The CLI names the server's address, and with --server loads through it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse, ImportListResponse } from '../../api/contracts.ts';
import { smallFixture } from '../helpers/db.ts';
import { runLoad, withoutTimes } from '../support/run-cli.ts';
import { bearer, tokenFor } from '../support/api-token.ts';
import { freePort, runServer, scratchDatabasePath, stopServer, waitForHealth, type ServerRun } from '../support/server-process.ts';



let server: ServerRun;
let base: string;
let database: string;
/** A manager's API token: the server takes uploads from an account (docs/accounts.md). */
let token: string;
const tickets = join(smallFixture, 'tickets.csv');

beforeAll(async () => {
  database = scratchDatabasePath();
  token = await tokenFor(database);
  const port = await freePort();
  server = runServer({ PORT: String(port), SERVICEPULSE_DB: database }, ['--no-demo']);
  base = await waitForHealth(server, port);
}, 200_000);
afterAll(async () => {
  if (server) await stopServer(server);
});

async function health(): Promise<HealthResponse> {
  return (await (await fetch(`${base}/api/health`)).json()) as HealthResponse;
}

describe('npm run load against a database a running server holds', () => {
  it('says the server holds it and names the --server address to use, loading nothing', async () => {
    const result = await runLoad([tickets, '--db', database]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `servicepulse load: The database ${database} is held by the ServicePulse server at ${base} (PID ${server.child.pid}). ` +
        `Load through the server with the same arguments plus --server ${base}, or stop it first.\n`,
    );
    expect((await health()).row_counts.loads).toBe(0);
  });

  it('with --server loads files through the server in load order, printing the same summaries as a local load', async () => {
    const result = await runLoad([join(smallFixture, 'tickets.csv'), join(smallFixture, 'feedback.csv'), join(smallFixture, 'events.csv'), '--server', base], { SERVICEPULSE_TOKEN: token });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The same lines test/pipelines/cli.test.ts expects of a local load (README counts); events after tickets.
    expect(withoutTimes(result.stdout).split('\n')).toEqual([
      // No organisation file: the valid rows' groups (Zagreb Support, Manila Partners) and assignees (Ana Kovač, Jose
      // Santos) are created, and the events' agents a1 and a2 (they name agents by id, the tickets by name).
      'tickets.csv: zendesk tickets — 8 read, 5 inserted, 0 updated, 0 unchanged, 3 rejected, 2 teams created, 2 agents created in T s',
      expect.stringMatching(/^ {2}rejected 1× /),
      expect.stringMatching(/^ {2}rejected 1× /),
      expect.stringMatching(/^ {2}rejected 1× /),
      expect.stringMatching(/^ {2}warning: 2 teams the organisation file does not name were created: "Zagreb Support", "Manila Partners"\. /),
      '  warning: 2 agents the organisation file does not name were created: "Ana Kovač", "Jose Santos" (at support level 1, in no team, not bots)',
      // The Zendesk mapping reads first replies from "First reply time in minutes", which this export lacks.
      '  not in this file: first_response_at',
      'events.csv: servicepulse events — 22 read, 21 inserted, 0 updated, 0 unchanged, 1 rejected, 2 agents created in T s',
      '  rejected 1× no ticket with this id from zendesk is loaded',
      '  warning: 2 agents the organisation file does not name were created: "a1", "a2" (at support level 1, in no team, not bots)',
      'feedback.csv: servicepulse feedback — 4 read, 3 inserted, 0 updated, 0 unchanged, 1 rejected in T s',
      expect.stringMatching(/^ {2}rejected 1× /),
      '',
    ]);
    const counts = (await health()).row_counts;
    expect({ tickets: counts.tickets, ticket_events: counts.ticket_events, feedback: counts.feedback }).toEqual({ tickets: 5, ticket_events: 21, feedback: 3 });
    // Events and feedback in ServicePulse format belong to the helpdesk of the tickets, as in a local load.
    const history = (await (await fetch(`${base}/api/imports`, { headers: bearer(token) })).json()) as ImportListResponse;
    expect(history.imports.map((i) => [i.file, i.source, i.state])).toEqual([
      ['feedback.csv', 'zendesk', 'committed'],
      ['events.csv', 'zendesk', 'committed'],
      ['tickets.csv', 'zendesk', 'committed'],
    ]);
  });

  it('with --server reports a refused file, a failed load and an unreachable server as one line each', async () => {
    const strict = await runLoad([tickets, '--strict', '--server', base], { SERVICEPULSE_TOKEN: token });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      `servicepulse load: ${tickets}: 3 rows rejected with --strict, so nothing was loaded. First: line 8, column "Created at", value "yesterday": unparseable created_at (expected %Y-%m-%d %H:%M:%S)\n`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-cli-server-'));
    const binary = join(dir, 'tickets.csv');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const refused = await runLoad([binary, '--server', base], { SERVICEPULSE_TOKEN: token });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`servicepulse load: ${binary}: is a binary file, not a CSV export (it contains NUL bytes)\n`);
    const unreachable = await runLoad([tickets, '--server', `http://127.0.0.1:${await freePort()}`], { SERVICEPULSE_TOKEN: token });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^servicepulse load: cannot reach the server at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\. Is it running\?\n$/);
    expect((await health()).row_counts.tickets).toBe(5);
  });
});
