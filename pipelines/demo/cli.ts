// Generates the demo data set.
//   npx tsx pipelines/demo/cli.ts --size 60000 --out data/demo [--seed N] [--months 12] [--end 2026-11-16|today]
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_END, DEFAULT_SEED, generateDemo } from './generate.ts';

const usage = 'usage: npx tsx pipelines/demo/cli.ts --size 60000 --out data/demo [--seed N] [--months 12] [--end YYYY-MM-DD|today]';

function fail(message: string): never {
  console.error(`demo: ${message}\n${usage}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) fail(`--${name} must be an integer, got "${value}"`);
  return Number(value);
}

function endDate(value: string | undefined): Date {
  if (value === undefined) return DEFAULT_END;
  if (value === 'today') {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  const date = new Date(value + 'T00:00:00Z');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    fail(`--end must be a real date YYYY-MM-DD or "today", got "${value}"`);
  }
  return date;
}

let args;
try {
  args = parseArgs({
    options: {
      size: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      months: { type: 'string' },
      end: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
if (!args.out) fail('--out is required');
const tickets = integer('size', args.size, 60000);
if (tickets < 1) fail('--size must be at least 1');
const seed = integer('seed', args.seed, DEFAULT_SEED);
const months = integer('months', args.months, 12);
const end = endDate(args.end);

const started = performance.now();
try {
  const manifest = await generateDemo({ tickets, seed, months, end, outDir: args.out });
  const seconds = (performance.now() - started) / 1000;
  console.log(`demo data: ${tickets} tickets, ${months} months ending ${end.toISOString().slice(0, 10)}, seed ${seed}, ${seconds.toFixed(2)} s`);
  const rows: Record<string, number | null> = {
    organisation: null, tickets: manifest.counts.tickets, events: manifest.counts.events, feedback: manifest.counts.feedback,
  };
  for (const [kind, file] of Object.entries(manifest.files)) {
    const { size } = await stat(file);
    const count = rows[kind];
    console.log(`  ${file}  ${(size / 1024 / 1024).toFixed(1)} MB${count === null || count === undefined ? '' : `, ${count} rows`}`);
  }
} catch (error) {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
}
