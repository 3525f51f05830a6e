// A server killed with SIGKILL while it loads an upload: on the next start the database is exactly as it was before the
// upload (even when the kill landed in DuckDB's commit, sql/recovery.ts), the import's id answers `interrupted`, the
// load history lists it, and its uploaded file is gone (docs/importing.md).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportListResponse, ImportResponse } from '../../api/contracts.ts';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { bigTicketsExport } from '../helpers/big-exports.ts';
import { loadSmallFixture } from '../helpers/db.ts';
import { killWhenWalGrows } from '../support/kill-when-wal-grows.ts';
import { createApiToken } from '../../sql/accounts/sessions.ts';
import { bearer } from '../support/api-token.ts';
import { freePort, runServer, stopServer, waitForHealth } from '../support/server-process.ts';


async function stepOf(base: string, id: string, token: string): Promise<string | null> {
  const job = (await (await fetch(`${base}/api/imports/${id}`, { headers: bearer(token) })).json()) as ImportResponse;
  return job.step;
}

describe('a server killed while it loads an upload', () => {
  it('restarts with the database as before, and the import reported as interrupted', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-server-kill-'));
    const upload = readFileSync(bigTicketsExport(dir));
    const attempts: Array<{ walBytes: number | null; recovered: boolean; state: string }> = [];
    for (let attempt = 0; attempt < 5 && !attempts.some((a) => a.recovered); attempt++) {
      const path = join(dir, `kill-${attempt}.duckdb`);
      const importDir = join(dir, `imports-${attempt}`);
      const db = await Database.open(path);
      await migrate(db);
      await loadSmallFixture(db);
      // A manager's API token to upload with (docs/accounts.md), made before the fingerprint it is part of.
      const token = (await createApiToken(db, { name: 'test manager', role: 'manager', team_id: null, created_by: 'test' })).token;
      const before = await fingerprint(db);
      const loadsBefore = (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM loads'))!.n;
      await db.close();

      const port = await freePort();
      const env = {
        PORT: String(port), SERVICEPULSE_DB: path, SERVICEPULSE_DEMO: '0', SERVICEPULSE_IMPORT_DIR: importDir,
        SERVICEPULSE_UPLOAD_LIMIT: String(500 * 2 ** 20),
      };
      const server = runServer(env);
      const base = await waitForHealth(server, port);
      const form = new FormData();
      form.append('file', new Blob([upload]), 'big.csv');
      const accepted = (await (await fetch(`${base}/api/imports`, { method: 'POST', body: form, headers: bearer(token) })).json()) as ImportResponse;
      expect(accepted.state).toBe('queued');
      expect(readdirSync(join(importDir, 'uploads'))).toEqual([accepted.id]);
      // Everything of a tickets load is computed before its transaction: from step `facts` on the log grows only by its commit.
      const armed = (async () => {
        while ((await stepOf(base, accepted.id, token)) !== 'facts') await new Promise((resolve) => setTimeout(resolve, 20));
      })();
      const walBytes = await killWhenWalGrows(server.child, path, armed);
      expect(server.child.signalCode).toBe('SIGKILL');

      const restarted = runServer(env);
      try {
        const again = await waitForHealth(restarted, port);
        const job = (await (await fetch(`${again}/api/imports/${accepted.id}`, { headers: bearer(token) })).json()) as ImportResponse;
        const recovered = /a load was interrupted while it committed/.test(restarted.output());
        attempts.push({ walBytes, recovered, state: job.state });
        if (job.state === 'committed') continue; // the kill came after the commit had finished: nothing to check
        expect(job).toMatchObject({ id: accepted.id, state: 'interrupted', file: 'big.csv', rows: null, load_id: loadsBefore + 1 });
        expect(job.error).toMatch(/The server stopped before this import finished, so nothing of it was stored/);
        const history = (await (await fetch(`${again}/api/imports`, { headers: bearer(token) })).json()) as ImportListResponse;
        expect(history.imports[0]).toMatchObject({ id: accepted.id, state: 'interrupted', load_id: loadsBefore + 1 });
        expect(readdirSync(join(importDir, 'uploads'))).toEqual([]);
        expect(readdirSync(join(importDir, '.journal'))).toEqual([]);
      } finally {
        await stopServer(restarted);
      }
      const reopened = await Database.open(path);
      try {
        // Every table as before; `loads` holds one more row, the interrupted import's.
        expect(await fingerprint(reopened, ['loads'])).toEqual(Object.fromEntries(Object.entries(before).filter(([name]) => name !== 'loads')));
        expect((await reopened.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM loads'))!.n).toBe(loadsBefore + 1);
      } finally {
        await reopened.close();
      }
    }
    expect(attempts.some((a) => a.recovered), `no kill landed in the commit: ${JSON.stringify(attempts)}`).toBe(true);
  });
});
