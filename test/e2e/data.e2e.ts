// The Data page's main task in a real browser against the real server: upload a small export with one bad row,
// follow its load to the end, and find the load and its reject in the history with the API's own numbers; the
// rejects download as CSV; an unrecognised file shows its columns and a mapping skeleton. Screenshots in light,
// dark and at 390 px under test-results/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportListResponse, ImportResponse, RejectsResponse } from '../../api/contracts.ts';
import { freePort, projectRoot, runServer, scratchDatabasePath, stopServer, waitForHealth, type ServerRun } from '../support/server-process.ts';
import { DemoSessions, type DemoAccount } from '../support/sign-in.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const resultsDir = join(projectRoot, 'test-results');

// A Zendesk export (the header of test/fixtures/small/tickets.csv): two good tickets and, on line 4, one created
// "yesterday", which is no timestamp and is rejected.
const header =
  'ID,Requester,Requester ID,Requester email,Organization,Submitter,Assignee,Group,Subject,Description,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Assigned at,Due date,Solved at,Group stations,Assignee stations,Reopens,Replies,Category,Subcategory,Customer type';
const tinyExport = [
  header,
  '90001,Ana,e1,ana@example.com,Acme,Ana,Ivo,Zagreb Support,Login fails,x,,Solved,Normal,Mail,question,2026-02-02 09:00:00,2026-02-02 10:00:00,,,2026-02-02 10:00:00,1,1,0,1,Access,Login,external',
  '90002,Ana,e1,ana@example.com,Acme,Ana,Ivo,Zagreb Support,Invoice,x,,Open,Low,Mail,question,2026-02-03 09:00:00,,,,,1,1,0,0,Billing,Invoice,external',
  '90003,Ana,e1,ana@example.com,Acme,Ana,Ivo,Zagreb Support,Bad date,x,,Open,Low,Mail,question,yesterday,,,,,1,1,0,0,Billing,Invoice,external',
].join('\n');

describe.runIf(existsSync(chromiumPath))('Data page in Chromium', () => {
  let server: ServerRun;
  let base: string;
  let browser: Browser;
  let files: string;
  /** Pages and API calls signed in as the demo's manager (imports are a manager's or an admin's). */
  let sessions: DemoSessions;

  beforeAll(async () => {
    const port = await freePort();
    const database = scratchDatabasePath();
    server = runServer({ PORT: String(port), SERVICEPULSE_DB: database, SERVICEPULSE_DEMO_SIZE: '1000' });
    base = await waitForHealth(server, port);
    sessions = new DemoSessions(base, database);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
    mkdirSync(resultsDir, { recursive: true });
    files = mkdtempSync(join(tmpdir(), 'servicepulse-data-e2e-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  });

  async function openData(options: { colorScheme?: 'light' | 'dark'; width?: number; as?: DemoAccount } = {}) {
    const page = await sessions.signInPage(await browser.newPage({ viewport: { width: options.width ?? 1200, height: 900 }, acceptDownloads: true }), options.as);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
    await page.goto(`${base}/data`);
    await page.getByTestId('import-history').locator('tbody tr').first().waitFor({ timeout: 30_000 });
    return { page, problems };
  }

  async function upload(page: Page, name: string, content: string) {
    const path = join(files, name);
    writeFileSync(path, content);
    await page.getByTestId('upload-file').setInputFiles(path);
    await page.getByTestId('upload-submit').click();
  }

  const getJson = async <T>(path: string): Promise<T> => (await (await sessions.fetch(path)).json()) as T;

  it('uploads an export and shows its load and its reject in the history, as the API has them', async () => {
    const { page, problems } = await openData();
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/imports' && r.request().method() === 'POST'),
      upload(page, 'tiny-export.csv', tinyExport),
    ]);
    expect(accepted.status()).toBe(202);
    const { id } = (await accepted.json()) as ImportResponse;

    await page.locator('[data-testid="upload-progress"][data-state="committed"]').waitFor({ timeout: 60_000 });
    const job = await getJson<ImportResponse>(`/api/imports/${id}`);
    expect(job).toMatchObject({ state: 'committed', file: 'tiny-export.csv', rows: { read: 3, inserted: 2, updated: 0, unchanged: 0, rejected: 1 } });
    expect(await page.getByTestId('upload-progress-text').textContent()).toBe('Committed: 3 read, 2 new, 0 updated, 0 unchanged, 1 rejected');
    expect(await page.locator('[data-testid="upload-progress"] progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(1);

    // The history lists the load first, with the API's counts and state.
    const history = await getJson<ImportListResponse>('/api/imports?limit=20');
    const load = history.imports.find((item) => item.load_id === job.load_id)!;
    expect(load.rows).toEqual(job.rows);
    const row = page.locator(`[data-testid="import-row"][data-load-id="${job.load_id}"]`);
    await row.waitFor();
    expect(await page.getByTestId('import-row').first().getAttribute('data-load-id')).toBe(String(job.load_id));
    expect(await row.locator('[data-state]').textContent()).toContain('Committed');
    for (const [column, value] of Object.entries(load.rows!)) expect(await row.locator(`[data-col="${column}"]`).textContent()).toBe(String(value));
    expect(await page.getByTestId('import-row').count()).toBe(history.imports.length);

    // Its reject, in the table and in the CSV, is the API's.
    const rejects = await getJson<RejectsResponse>(`/api/imports/${job.load_id}/rejects`);
    expect(rejects.total).toBe(1);
    const reject = rejects.rejects[0]!;
    expect(reject.line).toBe(4);
    const table = page.getByTestId('rejects-table');
    await table.waitFor();
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toEqual([String(reject.line), reject.column ?? '—', reject.value ?? '—', reject.reason]);
    expect(await table.locator('tbody tr').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rejects-download').click()]);
    expect(download.suggestedFilename()).toBe(`rejects-load-${job.load_id}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('line,column,value,reason');
    expect(csv.length).toBe(2);
    expect(csv[1]!.startsWith(`${reject.line},`)).toBe(true);

    // Closing the rejects and opening them again from the history's rejected count.
    await page.getByTestId('rejects').getByRole('button', { name: 'Close' }).click();
    await row.locator('[data-col="rejected"] button').click();
    await table.locator('tbody tr').first().waitFor();

    // Freshness: the last load is this one, as the history has it (the upload's own finished_at is stamped later,
    // when its job ends, than the stored load's).
    expect(await page.getByTestId('freshness-last-load').getAttribute('data-value')).toBe(load.finished_at);
    await page.screenshot({ path: join(resultsDir, 'data-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pages through more rejects than one page holds, in line order, as the API lists them', async () => {
    // Two good tickets, then 60 rows created "yesterday" (lines 4 to 63): more than the card's page of 50.
    const bad = Array.from({ length: 60 }, (_, i) =>
      `${90100 + i},Ana,e1,ana@example.com,Acme,Ana,Ivo,Zagreb Support,Bad date,x,,Open,Low,Mail,question,yesterday,,,,,1,1,0,0,Billing,Invoice,external`);
    const { page, problems } = await openData();
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/imports' && r.request().method() === 'POST'),
      upload(page, 'many-rejects.csv', [...tinyExport.split('\n').slice(0, 3), ...bad].join('\n')),
    ]);
    const { id } = (await accepted.json()) as ImportResponse;
    await page.locator('[data-testid="upload-progress"][data-state="committed"]').waitFor({ timeout: 60_000 });
    const job = await getJson<ImportResponse>(`/api/imports/${id}`);
    expect(job.rows).toMatchObject({ read: 62, rejected: 60 });

    const row = page.locator(`[data-testid="import-row"][data-load-id="${job.load_id}"]`);
    await row.locator('[data-col="rejected"] button').click();
    const lines = page.getByTestId('rejects-table').locator('tbody tr td:first-child');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(50);
    await page.getByTestId('rejects').getByRole('button', { name: 'Show more rejects' }).click();
    await page.getByTestId('rejects-table').locator('tbody tr').nth(59).waitFor();
    expect(await lines.allTextContents()).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 4)));
    // The last page is shown: nothing more to ask for.
    expect(await page.getByTestId('rejects').getByRole('button', { name: 'Show more rejects' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the columns found and a mapping skeleton for a file it does not recognise', async () => {
    const { page, problems } = await openData();
    await upload(page, 'cases.csv', 'Case Number,Opened,State\nC-1,2026-02-03 09:00:00,open\n');
    await page.getByTestId('upload-error').waitFor();
    expect(await page.getByTestId('upload-error').textContent()).toContain('Cannot load this file');
    const skeleton = page.getByTestId('mapping-skeleton');
    expect(await skeleton.locator('li').allTextContents()).toEqual(['Case Number', 'Opened', 'State']);
    expect(JSON.parse((await skeleton.locator('pre').textContent())!)).toMatchObject({
      kind: 'tickets',
      fields: { external_id: 'Case Number', created_at: 'Opened', status: 'State', channel: '<column holding channel>' },
    });
    // The one console error is the browser's note of the 422 answer itself.
    expect(problems.filter((text) => !/status of 422/.test(text))).toEqual([]);
    await page.close();
  });

  it('shows a refused calendar change beside its field, and saves a valid one', async () => {
    // Calendars are the admin's to change.
    const { page, problems } = await openData({ as: 'admin' });
    const form = page.getByTestId('calendar-form');
    await form.waitFor({ timeout: 30_000 });
    await page.getByTestId('calendar-mon').fill('08:00–12:00, 11:00–13:00');
    await form.getByRole('button', { name: 'Save calendar' }).click();
    await page.getByTestId('calendar-error').waitFor();
    expect(await page.getByTestId('calendar-mon').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.form-error').first().textContent()).toContain('08:00–12:00 overlaps 11:00–13:00');

    await page.getByTestId('calendar-mon').fill('08:00–12:00, 13:00–17:00');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => /\/api\/teams\/[^/]+\/calendar$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT'),
      form.getByRole('button', { name: 'Save calendar' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    const answer = (await saved.json()) as { calendar: { weekly: Record<string, [string, string][]> }; tickets_recomputed: number };
    expect(answer.calendar.weekly.mon).toEqual([['08:00', '12:00'], ['13:00', '17:00']]);
    await page.getByTestId('calendar-saved').waitFor();
    expect(problems.filter((text) => !/status of 400/.test(text))).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone without sideways scrolling, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await openData({ colorScheme, width: 390 });
      await page.getByTestId('calendar-form').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      await page.screenshot({ path: join(resultsDir, `data-phone-${colorScheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
    const { page } = await openData({ colorScheme: 'dark' });
    await page.getByTestId('calendar-form').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(resultsDir, 'data-dark.png'), fullPage: true });
    await page.close();
  });
});
