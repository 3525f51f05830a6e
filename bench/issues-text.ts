// `npm run bench -- issues-text [--tickets N]`: speed of the per-ticket text step of issue grouping
// (pipelines/issues/text.ts), tickets per second on one core, over the demo's subjects and descriptions (all four
// languages, with greetings, sign-offs, ids, URLs) and over the Comcast complaint titles (short English titles).
// It runs in this process: the step is pure TypeScript, no database. Prints figures; asserts nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateDemo } from '../pipelines/demo/generate.ts';
import { ticketTerms } from '../pipelines/issues/text.ts';
import { repoRoot } from './child.ts';

const comcastCsv = join(repoRoot, '..', 'shared', 'datasets', 'comcast_consumer_complaints', 'Comcast_telecom_complaints_data.csv');

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log('usage: npm run bench -- issues-text [--tickets N]   (demo tickets to generate, default 20000)');
    return 0;
  }
  const at = argv.indexOf('--tickets');
  const tickets = at >= 0 ? Number(argv[at + 1]) : 20_000;
  if (!Number.isInteger(tickets) || tickets <= 0) {
    console.error('issues-text: --tickets takes a positive whole number');
    return 1;
  }
  const folder = await mkdtemp(join(tmpdir(), 'sp-bench-issues-text-'));
  try {
    const manifest = await generateDemo({ tickets, outDir: folder });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const demo = (await db.runAndReadAll(
      `SELECT coalesce("Subject", '') AS s, coalesce("Description", '') AS d FROM read_csv($f, header = true, all_varchar = true)`,
      { f: manifest.files.tickets },
    )).getRowObjectsJson().map((r) => [String(r.s), String(r.d)] as const);
    report('demo subjects + descriptions', demo);
    if (existsSync(comcastCsv)) {
      const titles = (await db.runAndReadAll(
        `SELECT coalesce("Customer Complaint", '') AS s FROM read_csv($f, header = true, all_varchar = true)`,
        { f: comcastCsv },
      )).getRowObjectsJson().map((r) => [String(r.s), ''] as const);
      report('Comcast complaint titles', titles);
      report('Comcast complaint titles, fallback en', titles, 'en');
    } else console.log(`(Comcast titles skipped: ${comcastCsv} is not here)`);
    console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
    return 0;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function report(label: string, rows: readonly (readonly [string, string])[], fallbackLanguage?: string): void {
  const options = fallbackLanguage ? { fallbackLanguage } : {};
  for (const [s, d] of rows) ticketTerms(s, d, options); // warm-up: JIT, stemmer memos
  const rounds = Math.max(1, Math.ceil(200_000 / rows.length));
  const languages = new Map<string, number>();
  let empty = 0;
  let terms = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const [s, d] of rows) {
      const t = ticketTerms(s, d, options);
      if (r === 0) {
        languages.set(t.language, (languages.get(t.language) ?? 0) + 1);
        if (t.reason) empty++;
        terms += t.terms.length;
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const n = rows.length * rounds;
  const chars = rows.reduce((sum, [s, d]) => sum + s.length + d.length, 0) / rows.length;
  const top = [...languages].sort((a, b) => b[1] - a[1]).map(([l, c]) => `${l} ${((100 * c) / rows.length).toFixed(1)}%`).join(', ');
  console.log(`${label}: ${rows.length} tickets (${chars.toFixed(0)} chars on average) × ${rounds} rounds`);
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
  console.log(
    `  ${Math.round(n / cpuSeconds).toLocaleString('en')} tickets/s of CPU time on one core (${((cpuSeconds / n) * 1e6).toFixed(1)} µs each); ` +
      `wall clock ${Math.round(n / seconds).toLocaleString('en')}/s (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
  console.log(`  ${(terms / rows.length).toFixed(1)} terms per ticket; ${empty} without terms; languages: ${top}`);
}
