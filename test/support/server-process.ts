// Starts the real server (`tsx api/server.ts`) as a child process on a free port, for tests that need
// the whole thing: the CLI's failure messages and the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverNodeArgs } from '../../api/server-command.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export function scratchDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'servicepulse-server-')), 'servicepulse.duckdb');
}

export interface ServerRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function runServer(env: Record<string, string>, args: string[] = []): ServerRun {
  // One process (not the tsx CLI, which forks): signals and lock holders' PIDs are this child's own.
  const child = spawn(process.execPath, [...serverNodeArgs, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves with the base URL once /api/health answers; rejects if the server exits first. */
export async function waitForHealth(run: ServerRun, port: number, timeoutMs = 180_000): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  run.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${run.output()}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return base;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${run.output()}`);
}

export async function stopServer(run: ServerRun): Promise<void> {
  if (run.child.exitCode !== null) return;
  run.child.kill('SIGTERM');
  await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (run.child.exitCode === null) run.child.kill('SIGKILL');
}
