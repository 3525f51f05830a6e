// `npm run bench -- web [--size 1m|N] [--keep DIR] [--path /] [--ready CSS] [--cold-starts 3] [--runs 5]`: how soon a
// dashboard page is interactive in Debian's Chromium (playwright-core) against the real server on a large database.
// Cold: a fresh server for each run (its answers not cached yet) and a fresh browser context (no HTTP cache). Warm: one
// server, a fresh browser context each run. "Interactive" is the moment the page's main content (`--ready`) is drawn
// and the main thread next runs a task, measured from navigation start in the page's own clock.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { keptDatabase, prepareDatabase } from './api-data.ts';
import { startServer, stopServers } from './api-server.ts';

const usage = 'usage: npm run bench -- web [--size 1m|N] [--keep DIR] [--path /] [--ready CSS] [--cold-starts 3] [--runs 5]';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Goals page is ready when its scorecards (or its empty state) are drawn. */
const defaultReady = '[data-page-ready]';

interface Timing {
  interactive: number;
  firstContentfulPaint: number | null;
}

async function measure(browser: Browser, url: string, ready: string): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(ready, { timeout: 60_000 });
    return await page.evaluate(
      () =>
        new Promise<Timing>((done) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              done({ interactive: performance.now(), firstContentfulPaint: paint ? paint.startTime : null });
            }, 0),
          ),
        ),
    );
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);

function summary(label: string, timings: Timing[]): string {
  const interactive = timings.map((t) => t.interactive);
  const paints = timings.map((t) => t.firstContentfulPaint).filter((v): v is number => v !== null);
  return `${label.padEnd(34)} interactive median ${ms(median(interactive))}, slowest ${ms(Math.max(...interactive))}; ` +
    `first paint median ${ms(paints.length ? median(paints) : null)} (${timings.length} runs: ${interactive.map((v) => Math.round(v)).join(', ')} ms)`;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string', default: '1m' },
      keep: { type: 'string' },
      path: { type: 'string', default: '/' },
      ready: { type: 'string', default: defaultReady },
      'cold-starts': { type: 'string', default: '3' },
      runs: { type: 'string', default: '5' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!existsSync(chromiumPath)) {
    console.error(`bench web: ${chromiumPath} is missing; install it with apt-get install -y chromium`);
    return 1;
  }
  const tickets = values.size === '1m' ? 1_000_000 : values.size === '10m' ? 10_000_000 : Number(values.size);
  if (!Number.isInteger(tickets) || tickets < 100) {
    console.error(`bench web: --size must be 1m, 10m or a number of tickets; ${usage}`);
    return 1;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'servicepulse-bench-web-'));
  const dbPath = values.keep ? keptDatabase(resolve(values.keep), tickets) : join(scratch, 'web.duckdb');
  if (values.keep) await mkdir(values.keep, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  try {
    const prepared = await prepareDatabase(dbPath, tickets, { reuse: Boolean(values.keep), end: new Date(), log: (line) => console.log(line) });
    if (prepared.seedSeconds !== null) console.log(`demo generated and loaded in ${prepared.seedSeconds.toFixed(1)} s`);
    console.log(`page ${values.path} at ${tickets.toLocaleString('en')} tickets, ready at "${values.ready}"`);
    const cold: Timing[] = [];
    for (let run = 0; run < Number(values['cold-starts']); run++) {
      const server = await startServer(dbPath, { SERVICEPULSE_IMPORT_DIR: join(scratch, 'imports') });
      try {
        cold.push(await measure(browser, `${server.origin}${values.path}`, values.ready));
      } finally {
        await server.stop();
      }
    }
    console.log(summary('cold (fresh server, fresh browser)', cold));
    const server = await startServer(dbPath, { SERVICEPULSE_IMPORT_DIR: join(scratch, 'imports') });
    try {
      await measure(browser, `${server.origin}${values.path}`, values.ready);
      const warm: Timing[] = [];
      for (let run = 0; run < Number(values.runs); run++) warm.push(await measure(browser, `${server.origin}${values.path}`, values.ready));
      console.log(summary('warm (same server, fresh browser)', warm));
    } finally {
      await server.stop();
    }
    return 0;
  } finally {
    stopServers();
    await browser.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
