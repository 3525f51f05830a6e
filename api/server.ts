// `npm start`: opens the database, brings its schema up to date, seeds the demo on an empty database,
// and serves the API and the built dashboard. Failures are one clear line (a stack trace with DEBUG set).
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Database } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { snapshotGoalsAtStart } from '../sql/goals/snapshot.ts';
import { isEmpty, seedDemo } from '../pipelines/demo/seed.ts';
import { dataExtent, type DataExtent } from '../sql/data-extent.ts';
import { createApp } from './app.ts';
import { warmLandingAnswers } from './warm-up.ts';
import { ImportJournal } from './imports/journal.ts';
import { readConfig, type ServerConfig } from './env.ts';
import { exposureRefusal, exposureWarning } from './security/exposure.ts';
import { countAccounts } from '../sql/accounts/users.ts';
import { createDemoAccounts, demoAccountLines } from '../pipelines/demo/accounts.ts';

const webRoot = fileURLToPath(new URL('../web/build/', import.meta.url));

function fail(message: string, error?: unknown, debug = Boolean(process.env.DEBUG)): never {
  console.error(`servicepulse: ${message}`);
  if (debug && error) console.error(error);
  process.exit(1);
}

/** Fails fast, before minutes of seeding, when the port is taken. */
function assertPortFree(config: ServerConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

function describeListenError(error: NodeJS.ErrnoException, config: ServerConfig): string {
  if (error.code === 'EADDRINUSE') return `port ${config.port} on ${config.host} is already in use. Stop what uses it or start with PORT=<another port>.`;
  if (error.code === 'EACCES') return `not allowed to listen on port ${config.port}. Use a port above 1023 (PORT=8080).`;
  if (error.code === 'EADDRNOTAVAIL') return `HOST=${config.host} is not an address of this machine.`;
  return `cannot listen on ${config.host}:${config.port}: ${error.message}`;
}

/** What the data holds, in one line: "12,345 tickets, 2025-01-06 to 2026-01-19". */
function dataLine(extent: DataExtent): string {
  if (extent.tickets === 0 && extent.first_day === null) return 'none yet: load an export (npm run load -- <file>) or upload one on the Data page.';
  const tickets = `${extent.tickets.toLocaleString('en')} ticket${extent.tickets === 1 ? '' : 's'}`;
  return extent.first_day === null ? tickets : `${tickets}, ${extent.first_day} to ${extent.last_day}`;
}

async function main() {
  let config: ServerConfig;
  try {
    config = readConfig(process.env, process.argv.slice(2));
  } catch (error) {
    fail((error as Error).message, error);
  }
  const exposed = exposureWarning(config.host, config.port);
  if (exposed) console.warn(`servicepulse: ${exposed}`);
  await assertPortFree(config).catch((error) => fail(describeListenError(error, config), error, config.debug));

  const db = await Database.open(config.databasePath).catch((error) => fail((error as Error).message, error, config.debug));
  try {
    await migrate(db);
  } catch (error) {
    fail(`cannot prepare the database ${db.path}: ${(error as Error).message}`, error, config.debug);
  }

  const aboutToSeed = config.seedDemo && (await isEmpty(db));
  // Beyond this machine only real accounts: refused before minutes of seeding, and whenever demo accounts exist.
  const refusal = exposureRefusal(config.host, { accounts: await countAccounts(db, 'demo'), aboutToSeed });
  if (refusal) fail(refusal);

  if (aboutToSeed) {
    console.log(`Empty database: generating the demo organisation (${config.demoSize.toLocaleString('en')} tickets)…`);
    const started = Date.now();
    const today = new Date();
    await seedDemo(db, {
      tickets: config.demoSize,
      end: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())),
      log: (line) => console.log(line),
    }).catch((error) => fail(`demo seeding failed: ${(error as Error).message}`, error, config.debug));
    console.log(`Demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const accounts = await createDemoAccounts(db, config.databasePath).catch((error) => fail(`cannot create the demo accounts: ${(error as Error).message}`, error, config.debug));
    for (const line of demoAccountLines(accounts, config.databasePath)) console.log(line);
  }
  if ((await countAccounts(db)) === 0) {
    console.log(
      'No accounts yet, so no one can sign in. Create the first admin: stop the server (Ctrl-C), run\n' +
        `  npm run users -- add admin --role admin${config.databasePath === 'data/servicepulse.duckdb' ? '' : ` --db ${config.databasePath}`}\n` +
        'and start it again; the admin then creates the other accounts on the Users page (docs/accounts.md).',
    );
  }

  const dashboardBuilt = existsSync(`${webRoot}/index.html`);
  if (!dashboardBuilt) {
    console.warn('The dashboard is not built (web/build is missing): run `npm run build:web`. Serving the API only.');
  }
  try {
    mkdirSync(config.importDir, { recursive: true });
  } catch (error) {
    fail(`cannot create the import folder ${config.importDir}: ${(error as Error).message}. Set SERVICEPULSE_IMPORT_DIR to a writable folder.`, error, config.debug);
  }
  // Imports a stop of the server cut short are reported, under their ids, before anyone can ask for them.
  await new ImportJournal(config.importDir).recover(db).catch((error) => fail(`cannot recover the interrupted imports: ${(error as Error).message}`, error, config.debug));
  const app = createApp({ db, webRoot, allowedHosts: config.allowedHosts, imports: {
    folder: config.importDir, uploadLimitBytes: config.uploadLimitBytes, decompressedLimitBytes: config.decompressedLimitBytes,
    // A committed load changed the data version: the landing page's answers are computed again before anyone asks.
    onChange: (job) => {
      if (job.state === 'committed' && job.finished_at !== null) void warmLandingAnswers(app);
    },
  } });
  const extent = await dataExtent(db).catch((error) => fail(`cannot read the database ${db.path}: ${(error as Error).message}`, error, config.debug));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}/`;
    console.log(dashboardBuilt ? `ServicePulse dashboard: ${base}` : `ServicePulse API (no dashboard built): ${base}api/openapi.json`);
    console.log(`Data: ${dataLine(extent)}`);
    console.log(`Database: ${db.path}${config.seedDemo ? '' : ' (demo seeding off)'}`);
    console.log(`Imports: uploads to POST /api/imports, files named by path from ${config.importDir}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => fail(describeListenError(error, config), error, config.debug));
  // The landing page's answers first, then the periods that closed while the server was down are stored (beside the
  // first requests, which never wait for it; after the warm-up, so the two do not share the cores).
  void warmLandingAnswers(app).then(() => snapshotGoalsAtStart(db));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
