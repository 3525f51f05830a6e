// The browser tests' shared set-up: the real server on a small demo dataset and Debian's headless Chromium
// (`startDemoBrowser`), and for the simpler tests a page that records console errors and uncaught exceptions
// (`startBrowserRun`). Every page and API call is signed in as a demo account (./sign-in.ts): the manager unless a
// test says otherwise.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, projectRoot, runServer, scratchDatabasePath, stopServer, waitForHealth, type ServerRun } from './server-process.ts';
import { DemoSessions, type DemoAccount } from './sign-in.ts';

export type { DemoAccount };

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const resultsDir = join(projectRoot, 'test-results');
export const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserRun {
  base: string;
  /** A page signed in `as` a demo account (default the manager) at `path`. */
  open(path: string, options?: { colorScheme?: 'light' | 'dark'; width?: number; as?: DemoAccount | 'anonymous' }): Promise<{ page: Page; problems: string[] }>;
  /** The server's `path` fetched as a demo account (default the manager). */
  fetch: DemoSessions['fetch'];
  close(): Promise<void>;
}

export interface DemoBrowser {
  server: ServerRun;
  base: string;
  browser: Browser;
  /** The database file (its demo accounts' passwords are beside it). */
  database: string;
  sessions: DemoSessions;
  /** A new page signed in `as` a demo account (default the manager). */
  newPage(options?: BrowserContextOptions, as?: DemoAccount | 'anonymous'): Promise<Page>;
  /** The server's `path` fetched as a demo account (default the manager). */
  fetch: DemoSessions['fetch'];
  stop(): Promise<void>;
}

/** The real server on a fresh database with a demo of `demoSize` tickets, and Chromium; `stop` ends both. */
export async function startDemoBrowser(demoSize = '3000'): Promise<DemoBrowser> {
  const port = await freePort();
  const database = scratchDatabasePath();
  const server = runServer({ PORT: String(port), SERVICEPULSE_DB: database, SERVICEPULSE_DEMO_SIZE: demoSize });
  const base = await waitForHealth(server, port);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  mkdirSync(resultsDir, { recursive: true });
  const sessions = new DemoSessions(base, database);
  return {
    server, base, browser, database, sessions,
    newPage: async (options, as) => sessions.signInPage(await browser.newPage(options), as),
    fetch: (path, init, as) => sessions.fetch(path, init, as),
    async stop() {
      await browser.close();
      await stopServer(server);
    },
  };
}

/**
 * The demo server and Chromium for the enclosing `describe`: started before its tests (handed to `started`, which
 * keeps what it needs), stopped after them.
 */
export function useDemoBrowser(started: (run: DemoBrowser) => void, demoSize?: string): void {
  let run: DemoBrowser | undefined;
  beforeAll(async () => {
    run = await startDemoBrowser(demoSize);
    started(run);
  });
  afterAll(async () => {
    await run?.stop();
  });
}

export async function startBrowserRun(demoSize = '3000'): Promise<BrowserRun> {
  const { base, newPage, fetch, stop } = await startDemoBrowser(demoSize);
  return {
    base,
    fetch,
    async open(path, options = {}) {
      const page = await newPage({ viewport: { width: options.width ?? 1200, height: 900 }, acceptDownloads: true }, options.as);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      await page.goto(`${base}${path}`);
      return { page, problems };
    },
    close: stop,
  };
}
