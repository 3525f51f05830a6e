// The real server for `npm run bench -- api`: `node <serverNodeArgs>` (api/server-command.ts) in a process of its own, on a free
// loopback port, with demo seeding off; plus timed requests against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { serverNodeArgs } from '../api/server-command.ts';
import { repoRoot } from './child.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  origin: string;
  /** Seconds from spawning the process to its "is running" line. */
  startSeconds: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Stops servers still running (when the benchmark is interrupted). */
export function stopServers(): void {
  for (const child of running) child.kill('SIGTERM');
}

export async function startServer(db: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [...serverNodeArgs], {
    cwd: repoRoot,
    env: { ...process.env, SERVICEPULSE_DB: db, PORT: String(port), HOST: '127.0.0.1', SERVICEPULSE_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // api/server.ts's first line once it listens.
      if (/ServicePulse (dashboard|API)/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before listening:\n${output}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    startSeconds: (performance.now() - start) / 1000,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      running.delete(child);
    },
  };
}

/** Every request sends the same Accept: it is part of the answer cache's key. */
const accept = { Accept: 'application/json' };

/** One request, timed to the last byte of the body; fails on anything but the expected status. */
export async function timed(url: string, init: RequestInit = {}, expected = 200): Promise<{ seconds: number; body: string }> {
  const start = performance.now();
  const response = await fetch(url, { ...init, headers: { ...accept, ...(init.headers as Record<string, string>) } });
  const body = await response.text();
  const seconds = (performance.now() - start) / 1000;
  if (response.status !== expected) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} (expected ${expected}): ${body.slice(0, 300)}`);
  return { seconds, body };
}

export interface LoadResult {
  /** Every response's latency, seconds. */
  latencies: number[];
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
}

/** `connections` clients sending GET `url` back to back for `seconds` (autocannon), every latency kept. */
export async function sustained(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: seconds, headers: accept });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime / 1000));
  const result = await instance;
  return { latencies, requestsPerSecond: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}
