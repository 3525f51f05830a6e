// `npm run load -- <file|folder>…`: loads exports through the one load path and says what happened.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, DatabaseOpenError } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { LoadError } from './load-error.ts';
import { loadFiles } from './load.ts';
import { readMappingFile, mappingSkeleton } from './mapping/file.ts';
import type { LoadKind } from './mapping/types.ts';
import { loadOrganisation } from './organisation/load.ts';
import { inLoadOrder, planFile, sourcesOfRun, type Plan } from './plan.ts';
import { inspectFile, readColumns } from './read.ts';
import { listeningUrlOf } from './server-address.ts';
import { builtInSources, loadKinds } from './sources/index.ts';
import { formatProgressLine, type LoadProgress } from './progress.ts';
import { formatSummary } from './summary-line.ts';
import { UploadError, uploadAll } from './upload-client.ts';
import { xesMappingSkeleton } from './sources/xes.ts';

const help = `Load helpdesk exports into ServicePulse.

Usage: npm run load -- <file|folder>… [options]

A folder loads its organisation.json first (if any), then every export in it (.csv, .tsv, .json, .ndjson,
.parquet, .xes, optionally .gz): tickets before events and feedback. The exports of one run (a folder, or
several files named) are one load: if any file fails, none is stored (with --server, each file is its own load).

Options:
  --source NAME        the export's format: auto (default) or ${builtInSources.join(', ')}
  --kind KIND          ${loadKinds.join(', ')} (default: detected from the header)
  --mapping FILE       a mapping file for any other export (see docs; --print-mapping writes a skeleton)
  --for-source NAME    the helpdesk the records belong to (default: the format's; event and feedback files in
                       ServicePulse format take the source of the tickets loaded in the same run)
  --timezone ZONE      IANA zone of timestamps written without an offset (default UTC)
  --strict             any rejected row fails the whole file, and so does a team or agent the organisation file
                       does not name (without it, the load creates them and says so)
  --dry-run            report what would change, then roll back
  --print-mapping      print a mapping skeleton for the file's columns and exit; to keep it in a file, silence
                       npm's banner: npm run -s load -- FILE --print-mapping > mapping.json
  --db PATH            the database (default SERVICEPULSE_DB or data/servicepulse.duckdb)
  --server URL         upload to a running ServicePulse server (e.g. http://127.0.0.1:8080), which loads
                       the files into its database; for when that server holds the database open
  -h, --help           this text
`;

function fail(message: string): never {
  console.error(`servicepulse load: ${message}`);
  process.exit(1);
}

const exportFile = /\.(csv|tsv|json|ndjson|jsonl|parquet|xes)(\.gz)?$/i;

function expand(paths: string[]): { organisation: string[]; exports: string[] } {
  const organisation: string[] = [];
  const exports: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = statSync(path);
    } catch {
      fail(`${path}: no such file or folder`);
    }
    if (!info.isDirectory()) {
      (basename(path) === 'organisation.json' ? organisation : exports).push(path);
      continue;
    }
    const entries = readdirSync(path).sort();
    if (entries.includes('organisation.json')) organisation.push(join(path, 'organisation.json'));
    exports.push(...entries.filter((name) => exportFile.test(name) && name !== 'organisation.json').map((name) => join(path, name)));
  }
  return { organisation, exports };
}

/** Redraws the one progress line of a terminal, cut to its width so it never wraps. */
function drawProgress(name: string, progress: LoadProgress) {
  const line = formatProgressLine(name, progress);
  process.stdout.write(`\r\x1b[2K${line.slice(0, Math.max(20, (process.stdout.columns || 120) - 1))}`);
}

/** A database held by a running server is no dead end: the server can do the load. */
function lockedHint(error: DatabaseOpenError, path: string): string {
  const url = error.holderPid ? listeningUrlOf(error.holderPid) : undefined;
  const holder = `${url ? `the ServicePulse server at ${url}` : 'another process'}${error.holderPid ? ` (PID ${error.holderPid})` : ''}`;
  const server = url ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
  return (
    `The database ${resolve(path)} is held by ${holder}. Load through the server with the same arguments plus ` +
    `--server ${server}${url ? '' : ' (if that process is a ServicePulse server; its PORT may differ)'}, or stop it first.`
  );
}

async function main() {
  // `npm run load … | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit(0) : fail(error.message)));
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        source: { type: 'string', default: 'auto' },
        kind: { type: 'string' },
        mapping: { type: 'string' },
        'for-source': { type: 'string' },
        timezone: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'print-mapping': { type: 'boolean', default: false },
        db: { type: 'string' },
        server: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}. See --help.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help);
    return;
  }
  if (positionals.length === 0) fail('name at least one file or folder to load. See --help.');
  const kind = values.kind as LoadKind | undefined;
  if (kind && !loadKinds.includes(kind)) fail(`unknown --kind "${kind}" (one of ${loadKinds.join(', ')})`);
  const source = values.source === 'auto' ? undefined : values.source;
  if (source && !builtInSources.includes(source)) fail(`unknown --source "${source}" (auto or one of ${builtInSources.join(', ')})`);

  const { organisation, exports } = expand(positionals);
  if (values.server) {
    if (organisation.length > 0) fail(`${organisation[0]}: organisation files cannot be uploaded to a server yet; load them while it is stopped`);
    if (values['print-mapping']) fail('--print-mapping works on a local file; leave out --server');
    const interactive = process.stdout.isTTY;
    await uploadAll({
      server: values.server, exports, source, kind, mappingFile: values.mapping, forSource: values['for-source'], timeZone: values.timezone,
      strict: values.strict, dryRun: values['dry-run'], print: (line) => console.log(line),
      progress: interactive ? (text) => process.stdout.write(text === null ? '\r\x1b[2K' : `\r\x1b[2K${text}`) : undefined,
    }).catch((error: unknown) => (error instanceof UploadError || error instanceof LoadError ? fail(error.message) : Promise.reject(error)));
    return;
  }
  const databasePath = values.db ?? process.env.SERVICEPULSE_DB ?? 'data/servicepulse.duckdb';
  const db = await Database.open(databasePath).catch((error: unknown) =>
    fail(error instanceof DatabaseOpenError ? (error.reason === 'locked' ? lockedHint(error, databasePath) : error.message) : String(error)),
  );
  try {
    if (values['print-mapping']) {
      const file = exports[0] ?? fail('--print-mapping needs an export file');
      const shape = await inspectFile(file);
      const skeleton = shape.format === 'xes' ? await xesMappingSkeleton(file, shape) : mappingSkeleton(kind ?? 'tickets', await readColumns(db, file, shape));
      process.stdout.write(`${JSON.stringify(skeleton, null, 2)}\n`);
      return;
    }
    await migrate(db);
    const custom = values.mapping ? await readMappingFile(values.mapping) : undefined;
    const plans: Plan[] = [];
    for (const file of exports) plans.push(await planFile(db, file, { source, kind, custom, timeZone: values.timezone }));

    for (const file of organisation) {
      const summary = await loadOrganisation(db, file);
      console.log(`${basename(file)}: ${summary.teams} teams, ${summary.agents} agents, ${summary.customers} customers, ${summary.users} users, ${summary.suggestions} new suggestions`);
    }
    const interactive = process.stdout.isTTY;
    const sourceOf = sourcesOfRun(values['for-source']);
    // Every export of the run is one load (pipelines/load.ts `loadFiles`): all of it stored, or nothing.
    const ordered = inLoadOrder(plans);
    const summaries = await loadFiles(
      db,
      ordered.map((plan) => ({
        file: plan.file,
        shape: plan.shape,
        mapping: plan.mapping,
        source: sourceOf(plan.mapping),
        timeZone: plan.timeZone,
        strict: values.strict,
        dryRun: values['dry-run'],
        onProgress: interactive ? (progress: LoadProgress) => drawProgress(basename(plan.file), progress) : undefined,
      })),
    );
    if (interactive) process.stdout.write('\r\x1b[2K');
    for (const [index, summary] of summaries.entries()) console.log(formatSummary(summary, ordered[index]!.mapping));
  } catch (error) {
    if (error instanceof LoadError) fail(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

await main();
