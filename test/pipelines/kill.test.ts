// A load killed with SIGKILL part-way leaves the database exactly as it was before the load.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { bigTicketsExport } from '../helpers/big-exports.ts';
import { loadSmallFixture } from '../helpers/db.ts';
import { projectRoot } from '../support/server-process.ts';

const snapshotSql = `SELECT (SELECT count(*)::INTEGER FROM tickets) AS tickets, (SELECT count(*)::INTEGER FROM ticket_facts) AS facts,
  (SELECT count(*)::INTEGER FROM ticket_events) AS events, (SELECT count(*)::INTEGER FROM loads) AS loads,
  (SELECT count(*)::INTEGER FROM load_rejects) AS rejects, (SELECT version::INTEGER FROM data_state) AS version`;


// `validated`: rows staged and mapped into temp tables, before the load's transaction began; `facts`: the rows to
// write and their facts computed, still before it; `writing`: inside the transaction, as it inserts the tickets.
describe.each(['validated', 'facts', 'writing'])('a load killed at step %s', (step) => {
  it('leaves every table as it was before the load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-kill-'));
    const path = join(dir, 'sp.duckdb');
    const db = await Database.open(path);
    await migrate(db);
    await loadSmallFixture(db);
    const before = await db.read(snapshotSql);
    await db.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/load-in-child.ts', path, bigTicketsExport(dir)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes(`step ${step}`)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`child ended before it was killed: ${output}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    expect(output).toContain(`step ${step}`);
    expect(output).not.toContain('loaded');

    const reopened = await Database.open(path);
    try {
      expect(await reopened.read(snapshotSql)).toEqual(before);
    } finally {
      await reopened.close();
    }
  });
});
