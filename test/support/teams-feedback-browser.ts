// The Teams and Feedback browser tests' shared set-up: the real server on a small demo dataset, headless Chromium,
// and a page that records console errors and uncaught exceptions (the pattern of test/e2e/dashboard.e2e.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, projectRoot, runServer, scratchDatabasePath, stopServer, waitForHealth, type ServerRun } from './server-process.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const resultsDir = join(projectRoot, 'test-results');
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserRun {
  base: string;
  open(path: string, options?: { colorScheme?: 'light' | 'dark'; width?: number }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

export async function startBrowserRun(demoSize = '3000'): Promise<BrowserRun> {
  const port = await freePort();
  const server: ServerRun = runServer({ PORT: String(port), SERVICEPULSE_DB: scratchDatabasePath(), SERVICEPULSE_DEMO_SIZE: demoSize });
  const base = await waitForHealth(server, port);
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  mkdirSync(resultsDir, { recursive: true });
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
    async close() {
      await browser.close();
      await stopServer(server);
    },
  };
}
