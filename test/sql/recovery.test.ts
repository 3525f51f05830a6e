// A load killed while DuckDB writes its commit: DuckDB 1.5 replays the rows it appended ahead of the commit without
// the transaction's deletes and updates (duckdb/duckdb#25931). The recovery on open must bring the database back to
// exactly what it held before the load. The kill is aimed at the commit (the moment the write-ahead log grows) and
// repeated until one lands inside it.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { recoverUnfinishedLoad, type LoadRecovery } from '../../sql/recovery.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { bigEventsExport, bigTicketsExport } from '../helpers/big-exports.ts';
import { loadSmallFixture } from '../helpers/db.ts';
import { killWhenWalGrows } from '../support/kill-when-wal-grows.ts';
import { projectRoot } from '../support/server-process.ts';

interface Attempt {
  walBytes: number | null;
  recovery: LoadRecovery | null;
  log: string[];
  state: Record<string, string>;
  committed: boolean;
}

const cases = [
  // The torn commit brings back the row groups written ahead of it: most of the 199,991 new tickets and their facts
  // (how many depends on where the row groups end), and the new versions of those of the 9 changed tickets that
  // DuckDB rewrote as a delete and an append (the delete never applies). All of them carry the load's id.
  { kind: 'tickets', write: (dir: string) => bigTicketsExport(dir, { changeStored: true }), table: 'tickets', most: 200_000 },
  { kind: 'events', write: bigEventsExport, table: 'ticket_events', most: 200_000 },
] as const;

describe.each(cases)('a $kind load killed while DuckDB writes its commit', ({ kind, write, table, most }) => {
  it('comes back exactly as before the load: the rows the torn commit left are found and removed', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-torn-'));
    const file = write(dir);
    const attempts: Attempt[] = [];
    let before: Record<string, string> | undefined;
    for (let attempt = 0; attempt < 8 && !attempts.some((a) => a.recovery?.removed[table]); attempt++) {
      const path = join(dir, `torn-${attempt}.duckdb`);
      const db = await Database.open(path);
      await migrate(db);
      await loadSmallFixture(db);
      before = await fingerprint(db);
      await db.close();

      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/load-in-child.ts', path, file, kind], {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Both loads compute everything before their transaction: from `step facts` on, the log grows only by the commit.
      const armed = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('step facts') && resolve()));
      const walBytes = await killWhenWalGrows(child, path, armed);

      const reopened = await Database.open(path);
      try {
        const log: string[] = [];
        const recovery = await recoverUnfinishedLoad(reopened, (line) => log.push(line));
        const committed = (await reopened.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM loads'))!.n === 4;
        attempts.push({ walBytes, recovery, log, state: await fingerprint(reopened), committed });
      } finally {
        await reopened.close();
      }
      const last = attempts.at(-1)!;
      // Either the commit finished (the load is whole: every key once) or the database is exactly as before.
      if (!last.committed) expect(last.state).toEqual(before);
    }
    const torn = attempts.find((a) => a.recovery?.removed[table]);
    expect(torn, `no kill landed in the commit: ${JSON.stringify(attempts.map((a) => [a.walBytes, a.committed]))}`).toBeDefined();
    const removed = torn!.recovery!.removed[table]!;
    expect(removed).toBeGreaterThan(100_000);
    expect(removed).toBeLessThanOrEqual(most);
    expect(torn!.log.join('\n')).toMatch(
      new RegExp(`a load was interrupted while it committed \\(after load 3\\); removed the rows it had left: .*${removed.toLocaleString('en')} ${table}`),
    );
    expect(torn!.state).toEqual(before);
  });
});
