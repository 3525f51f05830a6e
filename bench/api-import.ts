// `npm run bench -- api`'s load test: `clients` clients send GET /api/overview back to back (autocannon, a time-out
// per request) to a real server while it imports a tickets export through POST /api/imports, and for a few seconds
// after the import commits (when the data version changes and every cached answer is computed again). The import
// runs on a copy of the benchmark database, which it changes.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { generateDemo } from '../pipelines/demo/generate.ts';
import { startServer, timed } from './api-server.ts';

const DAY = 86_400_000;

export interface ImportLoadOptions {
  /** The benchmark database; copied first. */
  db: string;
  scratch: string;
  /** Rows of the imported tickets export. */
  tickets: number;
  /** The benchmark demo's last day: the export is the same demo a week earlier, so every row it holds changed. */
  end: Date;
  clients: number;
  timeoutSeconds: number;
  /** How long the clients keep sending after the import committed. */
  afterSeconds: number;
  log: (line: string) => void;
}

export interface ImportLoadResult {
  importSeconds: number;
  importState: string;
  /** The import's rows: read, inserted, updated, unchanged, rejected. */
  rows: Record<string, number> | null;
  /** Latencies (seconds) of the answers received while the import ran, and after it committed. */
  during: number[];
  after: number[];
  timeouts: number;
  non2xx: number;
  errors: number;
}

const accept = { Accept: 'application/json' };

export async function overviewDuringImport(options: ImportLoadOptions): Promise<ImportLoadResult> {
  const folder = join(options.scratch, 'import');
  await mkdir(folder, { recursive: true });
  const db = join(options.scratch, 'import-test.duckdb');
  await copyFile(options.db, db);
  if (existsSync(`${options.db}.wal`)) await copyFile(`${options.db}.wal`, `${db}.wal`);
  const generating = performance.now();
  // The demo as it was a week earlier: the same tickets (ids, teams, agents), every one with other timestamps.
  const manifest = await generateDemo({ tickets: options.tickets, end: new Date(options.end.getTime() - 7 * DAY), outDir: join(folder, 'demo') });
  options.log(`import file: ${options.tickets.toLocaleString('en')} tickets generated in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  const server = await startServer(db, { SERVICEPULSE_IMPORT_DIR: folder });
  try {
    const url = `${server.origin}/api/overview`;
    await timed(url);
    const during: number[] = [];
    const after: number[] = [];
    let committed = false;
    const instance = autocannon({ url, connections: options.clients, duration: 24 * 3600, timeout: options.timeoutSeconds, headers: accept });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => (committed ? after : during).push(responseTime / 1000));
    const finished = new Promise<Result>((resolve) => instance.on('done', resolve));
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const started = performance.now();
    const response = await fetch(`${server.origin}/api/imports`, {
      method: 'POST',
      body: JSON.stringify({ path: manifest.files.tickets.slice(folder.length + 1) }),
      headers: { ...accept, 'Content-Type': 'application/json', Origin: server.origin },
    });
    if (response.status !== 202) throw new Error(`POST /api/imports answered ${response.status}: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    let job: { state: string; rows: Record<string, number> | null } = { state: 'queued', rows: null };
    while (job.state === 'queued' || job.state === 'loading') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await (await fetch(`${server.origin}/api/imports/${id}`, { headers: accept })).json()) as typeof job;
    }
    const importSeconds = (performance.now() - started) / 1000;
    committed = true;
    await new Promise((resolve) => setTimeout(resolve, options.afterSeconds * 1000));
    instance.stop();
    const result = await finished;
    return {
      importSeconds, importState: job.state, rows: job.rows, during, after,
      timeouts: result.timeouts, non2xx: result.non2xx, errors: result.errors,
    };
  } finally {
    await server.stop();
    await rm(db, { force: true });
    await rm(`${db}.wal`, { force: true });
  }
}
