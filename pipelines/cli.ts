// `npm run load -- <file|folder>…`: loads exports through the one load path and says what happened.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Database, DatabaseOpenError } from '../sql/db.ts';
import { migrate } from '../sql/migrate.ts';
import { LoadError } from './load-error.ts';
import { loadFile, type LoadStep, type LoadSummary } from './load.ts';
import { readMappingFile, mappingSkeleton } from './mapping/file.ts';
import type { LoadKind, Mapping } from './mapping/types.ts';
import { loadOrganisation } from './organisation/load.ts';
import { inspectFile, readColumns, type FileShape } from './read.ts';
import { builtInSources, detectMapping, loadKinds } from './sources/index.ts';
import { xesMappingSkeleton } from './sources/xes.ts';

const help = `Load helpdesk exports into ServicePulse.

Usage: npm run load -- <file|folder>… [options]

A folder loads its organisation.json first (if any), then every export in it (.csv, .tsv, .json, .ndjson,
.parquet, .xes, optionally .gz): tickets before events and feedback.

Options:
  --source NAME        the export's format: auto (default) or ${builtInSources.join(', ')}
  --kind KIND          ${loadKinds.join(', ')} (default: detected from the header)
  --mapping FILE       a mapping file for any other export (see docs; --print-mapping writes a skeleton)
  --for-source NAME    the helpdesk the records belong to (default: the format's; event and feedback files in
                       ServicePulse format take the source of the tickets loaded in the same run)
  --timezone ZONE      IANA zone of timestamps written without an offset (default UTC)
  --strict             any rejected row fails the whole file
  --dry-run            report what would change, then roll back
  --print-mapping      print a mapping skeleton for the file's columns and exit
  --db PATH            the database (default SERVICEPULSE_DB or data/servicepulse.duckdb)
  -h, --help           this text
`;

interface Plan {
  file: string;
  shape: FileShape;
  mapping: Mapping;
  timeZone?: string;
}

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

function formatSummary(summary: LoadSummary, mapping: Mapping): string {
  const n = (value: number) => value.toLocaleString('en');
  const head =
    `${basename(summary.file)}: ${mapping.source} ${summary.kind}${summary.dryRun ? ' (dry run, nothing stored)' : ''} — ` +
    `${n(summary.rowsRead)} read, ${n(summary.inserted)} inserted, ${n(summary.updated)} updated, ` +
    `${n(summary.unchanged)} unchanged, ${summary.superseded > 0 ? `${n(summary.superseded)} superseded, ` : ''}` +
    `${n(summary.rejected)} rejected in ${summary.seconds.toFixed(1)} s`;
  const lines = [head];
  for (const reject of summary.topRejects) lines.push(`  rejected ${n(reject.count)}× ${reject.reason}`);
  if (summary.absentFields.length > 0) lines.push(`  not in this file: ${summary.absentFields.join(', ')}`);
  return lines.join('\n');
}

const stepLabels: Record<LoadStep, string> = { read: 'read', validated: 'validated', merged: 'merged', facts: 'facts updated' };

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
  const db = await Database.open(values.db ?? process.env.SERVICEPULSE_DB ?? 'data/servicepulse.duckdb').catch((error: unknown) =>
    fail(error instanceof DatabaseOpenError ? error.message : String(error)),
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
    for (const file of exports) {
      const shape = await inspectFile(file);
      const mapping = custom?.mapping ?? detectMapping(file, await readColumns(db, file, shape), { source, kind });
      plans.push({ file, shape, mapping, timeZone: values.timezone ?? custom?.timeZone });
    }
    plans.sort((a, b) => loadKinds.indexOf(a.mapping.kind) - loadKinds.indexOf(b.mapping.kind));

    for (const file of organisation) {
      const summary = await loadOrganisation(db, file);
      console.log(`${basename(file)}: ${summary.teams} teams, ${summary.agents} agents, ${summary.customers} customers, ${summary.users} users, ${summary.suggestions} new suggestions`);
    }
    const interactive = process.stdout.isTTY;
    let ticketSource = values['for-source'];
    for (const plan of plans) {
      const belongsTo = values['for-source'] ?? (plan.mapping.source === 'servicepulse' ? ticketSource : undefined) ?? plan.mapping.source;
      const summary = await loadFile(db, {
        file: plan.file,
        shape: plan.shape,
        mapping: plan.mapping,
        source: belongsTo,
        timeZone: plan.timeZone,
        strict: values.strict,
        dryRun: values['dry-run'],
        onStep: interactive ? (step) => process.stdout.write(`\r\x1b[2K${basename(plan.file)}: ${stepLabels[step]}…`) : undefined,
      });
      if (interactive) process.stdout.write('\r\x1b[2K');
      if (plan.mapping.kind === 'tickets') ticketSource ??= belongsTo;
      console.log(formatSummary(summary, plan.mapping));
    }
  } catch (error) {
    if (error instanceof LoadError) fail(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

await main();
