// A throwaway PostgreSQL for `npm run bench -- api`: its own cluster in a temporary folder (initdb + pg_ctl), on
// loopback and a free port, removed afterwards. Driven through psql, so the benchmark needs no client library.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './api-server.ts';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
/** PostgreSQL refuses to run as root: as root, the server's tools run as the `postgres` user. */
const asServerUser = (command: string, args: string[]): [string, string[]] =>
  isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

/** The newest Debian PostgreSQL's bin folder, or null when none is installed. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? null : join(root, newest, 'bin');
}

/** The newest Debian PostgreSQL's bin folder; installs the `postgresql` package when there is none and we are root. */
export function postgresBin(log: (line: string) => void): string {
  const found = findPostgresBin();
  if (found) return found;
  if (!isRoot) throw new Error('PostgreSQL is not installed: run `sudo apt-get install -y postgresql` (Debian/Ubuntu), or pass --no-postgres');
  log('PostgreSQL is not installed: apt-get install -y postgresql …');
  execFileSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findPostgresBin();
  if (!installed) throw new Error('apt-get install postgresql finished, but no /usr/lib/postgresql/*/bin/pg_ctl is there');
  return installed;
}

export interface Postgres {
  version: string;
  port: number;
  settings: string;
  /** Runs a psql script; resolves to its standard output. */
  psql(script: string): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A quarter of the memory, at most 4 GiB: the machine is shared, and DuckDB gets its own share. */
const sharedBuffersMiB = () => Math.min(4096, Math.floor(totalmem() / 1024 ** 2 / 4));

export interface PostgresOptions {
  /** Keep PostgreSQL's durability (fsync, synchronous commit, full-page writes), as when loading is measured. */
  durable?: boolean;
}

/** Turned off when loading is not measured: a query benchmark gains nothing from durable writes. */
const durabilityOff = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

export async function startPostgres(bin: string, folder: string, { durable = false }: PostgresOptions = {}): Promise<Postgres> {
  await mkdir(folder, { recursive: true });
  if (isRoot) {
    const { uid, gid } = await userIds('postgres');
    await chown(folder, uid, gid);
  }
  await chmod(folder, 0o700);
  const data = join(folder, 'data');
  const server = (tool: string, args: string[]) => {
    const [command, argv] = asServerUser(join(bin, tool), args);
    return run(command, argv, { maxBuffer: 16 * 1024 * 1024 });
  };
  await server('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // What a DBA would set for an analytics box of this size; durability is off unless loading is measured.
  const settings = [
    `shared_buffers=${sharedBuffersMiB()}MB`, 'work_mem=256MB', 'effective_cache_size=8GB', 'max_parallel_workers_per_gather=2',
    ...(durable ? [] : durabilityOff), 'max_wal_size=8GB', 'timezone=UTC',
    // Each execution planned with its values, as if the literal SQL were sent: a generic plan would guess at ranges.
    'plan_cache_mode=force_custom_plan',
  ];
  const options = ['-c listen_addresses=127.0.0.1', `-p ${port}`, `-k ${folder}`, ...settings.map((s) => `-c ${s}`)].join(' ');
  const pgCtl = (action: 'start' | 'stop' | 'restart') =>
    server('pg_ctl', ['-D', data, '-w', '-t', '120', '-l', join(folder, 'server.log'), ...(action === 'stop' ? ['-m', 'fast'] : ['-o', options]), action]);
  await pgCtl('start');

  const psql = (script: string) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-f', '-'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`psql failed (exit ${code}): ${Buffer.concat(err).toString('utf8').slice(0, 2000)}`)),
      );
      child.stdin.end(script);
    });
  const version = (await psql('\\pset tuples_only on\n\\pset format unaligned\nSHOW server_version;')).trim();
  return {
    version, port, settings: settings.join(', '), psql,
    restart: async () => void (await pgCtl('restart')),
    stop: async () => void (await pgCtl('stop')),
  };
}

async function userIds(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** `Time: 12.345 ms` lines psql prints with \timing on, in seconds. */
export function timingsOf(output: string): number[] {
  return [...output.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]) / 1000);
}
