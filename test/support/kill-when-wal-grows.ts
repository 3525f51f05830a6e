// Kills a child process with SIGKILL as soon as the database's write-ahead log holds anything after `armed` resolves:
// the moment DuckDB writes a commit, the window in which a kill used to leave a torn load (sql/recovery.ts).
import type { ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';

const walBytes = (databasePath: string) => {
  try {
    return statSync(`${databasePath}.wal`).size;
  } catch {
    return 0;
  }
};

/** Resolves with the log's size at the kill, or null when the child ended first. */
export async function killWhenWalGrows(child: ChildProcess, databasePath: string, armed: Promise<void>): Promise<number | null> {
  const exited = new Promise<null>((resolve) => child.once('exit', () => resolve(null)));
  const killed = armed.then(
    () =>
      new Promise<number>((resolve) => {
        // A tight poll: the log of a 200,000-ticket commit is written in a few hundred milliseconds.
        const poll = setInterval(() => {
          const bytes = walBytes(databasePath);
          if (bytes > 0) {
            child.kill('SIGKILL');
            clearInterval(poll);
            resolve(bytes);
          }
        }, 1);
        child.once('exit', () => clearInterval(poll));
      }),
  );
  const result = await Promise.race([killed, exited]);
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  return result;
}
