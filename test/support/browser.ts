// The browser tests' shared set-up: the real server on a small demo dataset and Debian's headless Chromium
// (`startDemoBrowser`), and for the simpler tests a page that records console errors and uncaught exceptions
// (`startBrowserRun`).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, projectRoot, runServer, scratchDatabasePath, stopServer, waitForHealth, type ServerRun } from './server-process.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const resultsDir = join(projectRoot, 'test-results');
export const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserRun {
  base: string;
  open(path: string, options?: { colorScheme?: 'light' | 'dark'; width?: number }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export interface DemoBrowser {
  server: ServerRun;
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** The real server on a fresh database with a demo of `demoSize` tickets, and Chromium; `stop` ends both. */
export async function startDemoBrowser(demoSize = '3000'): Promise<DemoBrowser> {
  const port = await freePort();
  const server = runServer({ PORT: String(port), SERVICEPULSE_DB: scratchDatabasePath(), SERVICEPULSE_DEMO_SIZE: demoSize });
  const base = await waitForHealth(server, port);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  mkdirSync(resultsDir, { recursive: true });
  return {
    server, base, browser,
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
  const { base, browser, stop } = await startDemoBrowser(demoSize);
  return {
    base,
    async open(path, options = {}) {
      const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: 900 }, acceptDownloads: true });
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
