// The Goals page and the monthly report as a manager uses them: the real server with a small demo dataset, headless
// Chromium; a goal created in the editor is scored with exactly the API's numbers, and the report prints every goal
// with the values the API gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GoalListResponse, IssueListResponse, SeriesResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, useDemoBrowser, type DemoBrowser } from '../support/browser.ts';
import { drillQuery, expectDrilledTickets } from '../support/drilldown-page.ts';

type GoalReport = {
  goal: { version: number };
  versions: Array<{ version: number; target: number }>;
  periods: Array<{ period_start: string; value: number | null; status: string }>;
  current: { period_start: string; period_end: string; value_so_far: number | null; tickets: number; status: string } | null;
};

describe.runIf(hasChromium)('goals pages in Chromium', () => {
  let base: string;
  let browser: Browser;
  let demo: DemoBrowser;
  useDemoBrowser((run) => ({ base, browser } = demo = run));

  async function api<T>(path: string): Promise<T> {
    const response = await demo.fetch(path, { headers: { accept: 'application/json' } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  async function open(path: string, colorScheme: 'light' | 'dark' = 'light', viewport = { width: 1200, height: 900 }) {
    const page = await demo.newPage({ viewport, colorScheme });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${base}${path}`);
    return { page, problems };
  }

  const editor = (page: Page) => page.getByTestId('goal-editor');
  const field = (page: Page, name: string) => editor(page).locator(`[name="${name}"]`);
  const fieldAlert = (page: Page, name: string) => editor(page).locator(`label:has([name="${name}"]) [role="alert"]`);

  let createdId = 0;

  it('creates a goal on two channels in the editor, previews it against past periods, and scores it with the API numbers', async () => {
    const { page, problems } = await open('/');
    await page.getByTestId('goal-cards').or(page.getByTestId('state-empty')).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'New goal' }).click();
    await field(page, 'name').fill('E2E email or chat first response');
    await field(page, 'metric').selectOption('first_response_time');
    await field(page, 'stat').selectOption('p50');
    // A quarter: the demo's data ends in November, so this quarter (open until December 31) has data so far.
    await field(page, 'period').selectOption('quarter');
    // The scope: email or chat, picked in the channel list (the second pick by keyboard); Escape closes the list.
    const channels = editor(page).getByTestId('goal-scope-channel');
    expect(await channels.textContent()).toContain('All channels');
    await channels.click();
    await editor(page).getByRole('checkbox', { name: 'Email' }).check();
    const [previewResponse] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metrics/first_response_time' && new URL(r.url()).searchParams.getAll('channel').sort().join() === 'chat,email'),
      editor(page).getByRole('checkbox', { name: 'Chat' }).press('Space'),
    ]);
    await page.keyboard.press('Escape');
    expect(await channels.getAttribute('aria-expanded')).toBe('false');
    expect(await channels.textContent()).toContain('Email, Chat');
    expect(await page.getByTestId('goal-preview-scope').textContent()).toBe('Channel: Email or Chat');
    await field(page, 'target').fill('4');

    // The preview: the count of past quarters that would have met "median ≤ 4 h", counted here from the API's series.
    const series = (await previewResponse.json()) as SeriesResponse;
    expect(series.grain).toBe('quarter');
    const withData = series.rows.filter((row) => row.value !== null);
    const met = withData.filter((row) => row.value! <= 240).length;
    await page.getByTestId('goal-preview').and(page.locator('[data-rendered="true"]')).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('goal-preview-met').textContent()).toContain(`${met} of ${withData.length} past quarter`);
    expect(await page.getByTestId('goal-preview').getAttribute('aria-label')).toContain('Target <= 4 h');

    // A target the API refuses (10,000 h is more than a year of minutes): its problem shows beside the target field.
    await field(page, 'target').fill('10000');
    await page.getByRole('button', { name: 'Create goal' }).click();
    await expect.poll(() => fieldAlert(page, 'target').textContent(), { timeout: 10_000 }).toMatch(/^target: first_response_time is minutes; a target is from 0 to/);

    await field(page, 'target').fill('4');
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/goals' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Create goal' }).click(),
    ]);
    expect(created.status()).toBe(201);
    const stored = (await created.json()) as { goal_id: number; scope: Record<string, string[]> };
    createdId = stored.goal_id;
    expect(stored.scope).toEqual({ channel: ['email', 'chat'] });

    const card = page.locator(`[data-testid="goal-card"][data-goal-id="${createdId}"]`);
    await card.waitFor({ timeout: 30_000 });
    const report = await api<GoalReport>(`/api/goals/${createdId}`);
    expect(report.current).not.toBeNull();
    expect(report.current!.value_so_far).not.toBeNull();
    expect(Number(await card.getByTestId('goal-current-value').getAttribute('data-value'))).toBe(report.current!.value_so_far);
    // The goal's value is the metric's over either channel: the series API's median for the open quarter.
    const current = report.current!;
    const quarter = await api<SeriesResponse>(`/api/metrics/first_response_time?grain=quarter&stat=p50&from=${current.period_start}&to=${current.period_end}&channel=email&channel=chat`);
    expect(quarter.total.value).toBe(current.value_so_far);
    expect(await card.textContent()).toContain('Email or Chat');
    // The status is a word and an icon: the badge carries the API's status and its word.
    const words: Record<string, string> = { met: 'Met', at_risk: 'At risk', missed: 'Missed', no_data: 'No data' };
    const badge = card.locator('.figure [data-status]').first();
    expect(await badge.getAttribute('data-status')).toBe(report.current!.status);
    expect(await badge.textContent()).toContain(words[report.current!.status]);
    expect(await badge.locator('svg path').count()).toBe(1);
    // A card asks for its sparkline's history once it is near the screen, as a reader scrolling to it would bring it.
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('goal-sparkline').and(page.locator('[data-rendered="true"]')).waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('goal-projection').textContent()).toMatch(/Projected: .+\(.+\)/);
    // "Tickets behind it" lists the open quarter's email and chat tickets in place: as many as the goal API measured.
    expect(report.current!.tickets).toBeGreaterThan(0);
    await card.getByTestId('goal-drill').click();
    await page.getByTestId('drilldown').waitFor({ state: 'visible', timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    const query = drillQuery(page)!;
    expect([query.get('metric'), query.get('stat'), query.getAll('channel'), query.get('from'), query.get('to')]).toEqual(
      ['first_response_time', 'p50', ['email', 'chat'], report.current!.period_start, report.current!.period_end],
    );
    await expectDrilledTickets(page, report.current!.tickets);
    await page.screenshot({ path: join(resultsDir, 'goals-drilldown-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => drillQuery(page)).toBeNull();
    // Closed (and history stepped back), the keyboard is where it was: on the button that opened it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('goal-drill');
    // The same measure and quarter in Explore, one link away.
    const explore = new URL((await card.getByTestId('goal-explore').getAttribute('href'))!, base);
    expect(explore.pathname).toBe('/explore');
    expect(Object.fromEntries(explore.searchParams)).toMatchObject({ metric: 'first_response_time', grain: 'quarter' });
    expect(explore.searchParams.getAll('channel')).toEqual(['email', 'chat']);

    await page.screenshot({ path: join(resultsDir, 'goals-light.png'), fullPage: true });
    // The one failed request the browser logs is the refused target above.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await page.close();
  });

  it('edits the goal into a new version and shows it in the history', async () => {
    const { page, problems } = await open('/');
    const card = page.locator(`[data-testid="goal-card"][data-goal-id="${createdId}"]`);
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Edit' }).click();
    expect(await field(page, 'target').inputValue()).toBe('4');
    await field(page, 'target').fill('5');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/goals/${createdId}` && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Save as new version' }).click(),
    ]);
    expect(saved.status()).toBe(200);
    const report = await api<GoalReport>(`/api/goals/${createdId}`);
    expect(report.versions.map((v) => [v.version, v.target])).toEqual([[1, 240], [2, 300]]);
    const edited = page.locator(`[data-testid="goal-card"][data-goal-id="${createdId}"]`);
    await expect.poll(() => edited.textContent(), { timeout: 30_000 }).toContain('version 2');
    await edited.getByRole('button', { name: 'History' }).click();
    await expect.poll(() => edited.locator('.history').textContent()).toMatch(/Version 1, from .*Version 2, from/s);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone and the dark theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await open('/', colorScheme, { width: 390, height: 844 });
      const card = page.locator(`[data-testid="goal-card"][data-goal-id="${createdId}"]`);
      await card.scrollIntoViewIfNeeded();
      await card.getByTestId('goal-sparkline').and(page.locator('[data-rendered="true"]')).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'New goal' }).click();
      await field(page, 'target').fill('4');
      await page.getByTestId('goal-preview').and(page.locator('[data-rendered="true"]')).waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The scope's lists open inside the screen (the right-hand one towards the left).
      for (const dimension of ['channel', 'priority']) {
        const button = editor(page).getByTestId(`goal-scope-${dimension}`);
        await button.click();
        const box = (await page.locator(`#${await button.getAttribute('aria-controls')}`).boundingBox())!;
        expect(box.x, dimension).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, dimension).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        if (dimension === 'priority') await editor(page).screenshot({ path: join(resultsDir, `goals-editor-phone-${colorScheme}.png`) });
        await page.keyboard.press('Escape');
      }
      await page.screenshot({ path: join(resultsDir, `goals-phone-${colorScheme}.png`), fullPage: true });
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.screenshot({ path: join(resultsDir, `goals-${colorScheme}-wide.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('prints the monthly report with every goal at the values the API gives, then archives a goal', async () => {
    // A monthly goal too, so the report's month can be checked against the goal's own judged period.
    const monthly = await demo.fetch(`/api/goals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'E2E monthly FCR', metric: 'first_contact_resolution', comparator: '>=', target: 50, period: 'month', starts_on: '2026-01-01' }),
    });
    expect(monthly.status).toBe(201);
    const monthlyId = ((await monthly.json()) as { goal_id: number }).goal_id;

    const { page, problems } = await open('/report');
    const { goals } = await api<GoalListResponse>('/api/goals');
    await expect.poll(() => page.getByTestId('report-goal').count(), { timeout: 30_000 }).toBe(goals.length);

    // The default month is the last complete month of data: the month of the data's last day when that is its
    // month's last day, else the month before.
    const extent = await api<{ last_day: string }>('/api/data/extent');
    const newestDay = new Date(`${extent.last_day}T00:00:00Z`);
    const monthEnds = new Date(newestDay.getTime() + 86_400_000).getUTCDate() === 1;
    const reportStart = new Date(Date.UTC(newestDay.getUTCFullYear(), newestDay.getUTCMonth() - (monthEnds ? 0 : 1), 1));
    const reportMonth = reportStart.toISOString().slice(0, 7);
    const nextMonth = new Date(Date.UTC(reportStart.getUTCFullYear(), reportStart.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    expect(await page.getByTestId('report-month').inputValue()).toBe(reportMonth);

    for (const goal of goals) {
      const query = new URLSearchParams({ grain: 'month', from: `${reportMonth}-01`, to: nextMonth, hours: goal.hours });
      if (goal.stat !== 'value') query.set('stat', goal.stat);
      for (const [dimension, values] of Object.entries(goal.scope)) for (const value of values) query.append(dimension, value);
      const month = await api<SeriesResponse>(`/api/metrics/${goal.metric}?${query}`);
      const row = page.locator(`[data-testid="report-goal"][data-goal-id="${goal.goal_id}"]`);
      const shown = await row.getByTestId('report-value').getAttribute('data-value');
      expect({ goal: goal.name, value: shown === '' ? null : Number(shown) }).toEqual({ goal: goal.name, value: month.total.value });
      expect(await row.getByTestId('report-status').textContent()).toMatch(/Met|Missed|No data/);
    }
    // The monthly goal's report month as the goal API judged it.
    const judged = (await api<GoalReport>(`/api/goals/${monthlyId}`)).periods.find((p) => p.period_start === `${reportMonth}-01`)!;
    const monthlyRow = page.locator(`[data-testid="report-goal"][data-goal-id="${monthlyId}"]`);
    expect(Number(await monthlyRow.getByTestId('report-value').getAttribute('data-value'))).toBe(judged.value);
    expect(await monthlyRow.locator('[data-testid="report-status"] [data-status]').getAttribute('data-status')).toBe(judged.status);
    // The month's top recurring problems, as GET /api/issues ranks them over that month (flags judged per month).
    const top = await api<IssueListResponse>(`/api/issues?from=${reportMonth}-01&to=${nextMonth}&grain=month&sort=volume&limit=5`);
    expect(top.issues.length).toBeGreaterThan(0);
    const issueRows = page.getByTestId('report-issue');
    await expect.poll(() => issueRows.count(), { timeout: 30_000 }).toBe(top.issues.length);
    const listed = await issueRows.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-issue-id')), Number(r.querySelector('[data-testid="report-issue-tickets"]')!.getAttribute('data-value'))]));
    expect(listed).toEqual(top.issues.map((issue) => [issue.issue_id, issue.tickets]));

    await expect.poll(() => page.getByTestId('report-trend').and(page.locator('[data-rendered="true"]')).count(), { timeout: 30_000 }).toBe(goals.length);
    await page.screenshot({ path: join(resultsDir, 'report-light.png'), fullPage: true });

    // Printed: no navigation, no controls; the PDF holds the goals.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('report-month').isVisible()).toBe(false);
    expect(await page.getByTestId('report-goal').first().isVisible()).toBe(true);
    const pdfPath = join(resultsDir, 'report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Three sections, each starting a page: at least three pages.
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
    await page.close();

    // Archived from its card (after a confirmation), the monthly goal leaves the scorecards and GET /api/goals.
    const goalsPage = await open('/');
    const monthlyCard = goalsPage.page.locator(`[data-testid="goal-card"][data-goal-id="${monthlyId}"]`);
    await monthlyCard.waitFor({ timeout: 30_000 });
    // As a manager sees the card before archiving it: scrolled to, its history drawn (a card asks for it near the
    // screen; asked for while the goal is being archived, it would be refused).
    await monthlyCard.scrollIntoViewIfNeeded();
    await monthlyCard.getByTestId('goal-sparkline').and(goalsPage.page.locator('[data-rendered="true"]')).waitFor({ timeout: 30_000 });
    goalsPage.page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([
      goalsPage.page.waitForResponse((r) => new URL(r.url()).pathname === `/api/goals/${monthlyId}` && r.request().method() === 'DELETE' && r.status() === 204),
      monthlyCard.getByRole('button', { name: 'Archive' }).click(),
    ]);
    await monthlyCard.waitFor({ state: 'detached', timeout: 30_000 });
    expect((await api<GoalListResponse>('/api/goals')).goals.map((g) => g.goal_id)).not.toContain(monthlyId);
    expect(goalsPage.problems).toEqual([]);
    await goalsPage.page.close();
    const remaining = goals.length - 1;

    for (const [colorScheme, viewport, name] of [['dark', { width: 1200, height: 900 }, 'report-dark.png'], ['light', { width: 390, height: 844 }, 'report-phone.png']] as const) {
      const view = await open('/report', colorScheme, viewport);
      await expect.poll(() => view.page.getByTestId('report-goal').count(), { timeout: 30_000 }).toBe(remaining);
      expect(await view.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await view.page.screenshot({ path: join(resultsDir, name), fullPage: true });
      expect(view.problems).toEqual([]);
      await view.page.close();
    }
  });
});
