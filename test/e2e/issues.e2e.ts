// The Recurring problems pages in Chromium against the real server on the demo, in the default range as on the first
// start: the list shows a rising problem, its Rising filter finds the demo's payment outage (checked against the
// generator's own subjects), with the API's count; its page lists that many tickets; a rename is shown,
// survives a reload and is in the history with who made it; ticked tickets split into a new problem and merged back
// land where the pages say; screenshots in light, dark and at 390 px.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IssueListResponse, TicketsResponse } from '../../api/contracts.ts';
import { issues as demoProblems } from '../../pipelines/demo/vocabulary.ts';
import { hasChromium, resultsDir, useDemoBrowser, type DemoBrowser } from '../support/browser.ts';
import { expectDrilledTickets } from '../support/drilldown-page.ts';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Whether a ticket's subject is one the generator writes for the payment outage (pipelines/demo/vocabulary.ts, every
 * language): its templates with each {slot} as any text, allowing the prefixes (a repeat's "Re:", "URGENT:") and
 * the case changes it applies (pipelines/demo/texts.ts). Independent of the grouping: it is the generator's truth.
 */
const outageSubjects = demoProblems
  .filter((problem) => problem.spike === 'outage')
  .flatMap((problem) => [...Object.values(problem.text).flatMap((text) => text?.subjects ?? []), ...Object.values(problem.pairs ?? {}).flatMap((pairs) => (pairs ?? []).map(([s]) => s))])
  .map((template) => new RegExp(`${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+')}$`, 'i'));
const isOutageSubject = (subject: string | null) => subject !== null && outageSubjects.some((pattern) => pattern.test(subject.trim()));

describe.runIf(hasChromium)('Recurring problems in Chromium', () => {
  let run: DemoBrowser;
  // 20,000 tickets: at the default 3,000 (eight a day) the outage's share of its two days is only 4 to 12 tickets,
  // depending on the weekday the seeding date gives it (4 for a demo ending on a Monday, its second wave on a Saturday),
  // too few for the rising test to tell from chance; at 20,000 it was 54 to 104 over fourteen seeding dates tried.
  useDemoBrowser((started) => (run = started), '20000');

  async function api<T>(path: string): Promise<T> {
    const response = await run.fetch(path, { headers: { accept: 'application/json' } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ page: Page; problems: string[] }> {
    const page = await run.newPage({ viewport: { width: options.width ?? 1200, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
    await page.goto(`${run.base}${path}`);
    return { page, problems };
  }

  /**
   * The page's default range, as a lead meets it on the first start: the 90 days ending with the data's last day
   * (web/src/lib/filters/presets.ts). The demo's payment outage falls in that day's week
   * (pipelines/demo/organisation.ts), the week the flags judge.
   */
  async function defaultRange(): Promise<{ from: string; to: string }> {
    const { last_day } = await api<{ last_day: string }>('/api/data/extent');
    const lastMs = Date.parse(`${last_day}T00:00:00Z`);
    return { from: isoDay(lastMs - 89 * DAY), to: isoDay(lastMs + DAY) };
  }

  let issueId = 0;
  let apiRange = '';
  const newName = 'This week’s outage (renamed in e2e)';

  it('finds the rising demo problem in the default list with the API’s count, and its page lists that many tickets', async () => {
    const { from, to } = await defaultRange();
    apiRange = `from=${from}&to=${to}`;
    const expected = await api<IssueListResponse>(`/api/issues?${apiRange}&flag=rising`);
    expect(expected.total).toBeGreaterThan(0);
    // No range in the URL: the page's default, as on the first start.
    const { page, problems } = await open('/issues');
    const table = page.getByTestId('issues-table');
    await table.locator('[data-testid="issue-row"]').first().waitFor({ timeout: 60_000 });
    // Before any choice the list already says, in words, that something is rising this week.
    expect(await table.locator('[data-flag="rising"]').count()).toBeGreaterThan(0);

    // The Rising filter: its words in the URL, the API asked for the rising ones, the rows the API's in its order.
    const [answered] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/issues' && new URL(r.url()).searchParams.get('flag') === 'rising'),
      page.getByTestId('issues-flag').getByRole('radio', { name: 'Rising' }).check(),
    ]);
    await page.waitForURL(/flag=rising/);
    const list = (await answered.json()) as IssueListResponse;
    expect(list.issues.map((i) => i.issue_id)).toEqual(expected.issues.map((i) => i.issue_id));
    await expect.poll(() => table.locator('[data-testid="issue-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-issue-id'))))).toEqual(
      list.issues.map((i) => i.issue_id),
    );
    expect(Number(await page.getByTestId('issues-total').getAttribute('data-value'))).toBe(list.total);

    // One rising problem is the outage's: most of its tickets carry a subject the generator wrote for it.
    const outageShares = await Promise.all(
      list.issues.map(async (issue) => {
        const tickets = await api<TicketsResponse>(`/api/issues/${issue.issue_id}/tickets?${apiRange}&limit=1000`);
        expect(tickets.total).toBe(issue.tickets);
        return tickets.tickets.filter((t) => isOutageSubject(t.subject)).length / tickets.tickets.length;
      }),
    );
    const outage = outageShares.findIndex((share) => share >= 0.5);
    expect(outage, `outage subjects' share per rising problem: ${outageShares.join(', ')}`).toBeGreaterThanOrEqual(0);
    const rising = list.issues[outage]!;
    issueId = rising.issue_id;

    // Its row: the badge in words, the count and the sparkline the API's.
    const row = table.locator(`[data-testid="issue-row"][data-issue-id="${issueId}"]`);
    expect(await row.locator('[data-flag="rising"]').textContent()).toContain('Rising');
    expect(Number(await row.getByTestId('issue-tickets').getAttribute('data-value'))).toBe(rising.tickets);
    expect(await row.getByTestId('issue-tickets').textContent()).toBe(rising.tickets.toLocaleString('en-GB'));
    expect(await row.getByTestId('issue-sparkline').getAttribute('aria-label')).toContain(`: ${rising.sparkline.map((p) => p.tickets).join(', ')};`);
    await page.screenshot({ path: join(resultsDir, 'issues-light.png'), fullPage: true });

    // Opened: its page keeps the default range, and its ticket table lists as many tickets as the list said.
    await row.getByTestId('issue-link').click();
    await page.waitForURL(new RegExp(`/issues/${issueId}(\\?|$)`));
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe(rising.name);
    await expectDrilledTickets(page, rising.tickets);
    await page.getByTestId('issue-trend').locator('[data-rendered="true"]').waitFor({ timeout: 30_000 });
    const trend = (await page.getByTestId('issue-trend-chart').getAttribute('aria-label'))!;
    const drawn = [...(/Tickets: ([^.]+)\./.exec(trend)?.[1] ?? '').matchAll(/= (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(drawn).toBe(rising.tickets);
    expect(await page.getByTestId('issue-flag-rising').getAttribute('data-flagged')).toBe('true');
    await page.screenshot({ path: join(resultsDir, 'issue-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renames the problem: the new name is shown, survives a reload, is in the list and in the history with who did it', async () => {
    expect(issueId).toBeGreaterThan(0);
    // Who acts is the signed-in account (the manager's, as every page here): the history names them.
    const me = await api<{ user: { display_name: string } }>('/api/auth/me');
    const { page, problems } = await open(`/issues/${issueId}`);
    const actions = page.getByTestId('issue-actions');
    await actions.waitFor({ timeout: 60_000 });
    expect(await actions.getByTestId('action-who').textContent()).toContain(me.user.display_name);

    await actions.getByTestId('action-name').fill(newName);
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH'),
      actions.getByTestId('action-rename').getByRole('button', { name: 'Rename' }).click(),
    ]);
    expect(patched.status()).toBe(200);
    // No name typed, no `by` sent: the server takes who from the session.
    expect(JSON.parse(patched.request().postData()!)).toEqual({ name: newName });
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe(newName);
    await expect.poll(() => page.getByTestId('action-status').textContent()).toContain('Renamed');

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe(newName);
    const edit = page.getByTestId('issue-history').locator('[data-kind="rename"]');
    await expect.poll(() => edit.count(), { timeout: 15_000 }).toBe(1);
    expect(await edit.textContent()).toContain(newName);
    expect(await edit.textContent()).toContain(me.user.display_name);
    expect((await api<{ issue: { name: string } }>(`/api/issues/${issueId}`)).issue.name).toBe(newName);

    await page.goto(`${run.base}/issues?flag=rising`);
    const link = page.locator(`[data-testid="issue-row"][data-issue-id="${issueId}"]`).getByTestId('issue-link');
    await expect.poll(() => link.textContent(), { timeout: 30_000 }).toBe(newName);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('splits ticked tickets into a new problem, then merges that one back: each page lists where the tickets are', async () => {
    expect(issueId).toBeGreaterThan(0);
    const before = await api<TicketsResponse>(`/api/issues/${issueId}/tickets?${apiRange}&limit=1000`);
    const { page, problems } = await open(`/issues/${issueId}`);
    await expectDrilledTickets(page, before.total);

    // Tick the first two rows (the table's default order: created, oldest first) and split them off.
    await page.getByTestId('drilldown-pick').nth(0).check();
    await page.getByTestId('drilldown-pick').nth(1).check();
    // The ticked tickets, read from the rows whose box is checked: the table may redraw its rows while more pages
    // arrive, so a row read before ticking need not be the one ticked.
    const tickedRows = page.locator('[data-testid="drilldown-row"]:has([data-testid="drilldown-pick"]:checked)');
    await expect.poll(() => tickedRows.count()).toBe(2);
    const ticked = await tickedRows.evaluateAll((rows) => rows.map((row) => row.querySelector('a')!.textContent));
    await page.getByTestId('action-move-to').selectOption('new');
    await page.getByTestId('action-split-name').fill('Split off in e2e');
    const [moved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/issues/${issueId}/tickets/move`)),
      page.getByTestId('action-move').getByRole('button', { name: 'Move' }).click(),
    ]);
    const split = (await moved.json()) as { to_issue: number; created: boolean; moved_tickets: number };
    expect([moved.status(), split.created, split.moved_tickets]).toEqual([200, true, 2]);
    await expectDrilledTickets(page, before.total - 2);
    const splitTickets = await api<TicketsResponse>(`/api/issues/${split.to_issue}/tickets?${apiRange}`);
    expect(splitTickets.tickets.map((t) => t.external_id).sort()).toEqual([...ticked].map((t) => t!.trim()).sort());

    // The new problem's page: its two tickets; merged back, the page goes to the original, which has them all again.
    await page.goto(`${run.base}/issues/${split.to_issue}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Split off in e2e');
    await expectDrilledTickets(page, 2);
    await page.getByTestId('action-merge-into').selectOption(String(issueId));
    await page.getByTestId('action-merge').getByRole('button', { name: 'Merge' }).click();
    await page.getByTestId('action-merge').getByRole('button', { name: 'Yes, merge' }).click();
    await page.waitForURL(new RegExp(`/issues/${issueId}(\\?|$)`), { timeout: 15_000 });
    await expectDrilledTickets(page, before.total);
    await page.goto(`${run.base}/issues/${split.to_issue}`);
    await expect.poll(() => page.getByTestId('issue-merged').textContent(), { timeout: 30_000 }).toContain(`problem ${issueId}`);
    expect(await page.getByTestId('issue-actions').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone, in light and dark', async () => {
    expect(issueId).toBeGreaterThan(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, path] of [['issues', '/issues?flag=rising'], ['issue', `/issues/${issueId}`]] as const) {
        const { page, problems } = await open(path, { colorScheme, width: 390 });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByTestId(name === 'issues' ? 'issue-row' : 'drilldown-row').first().waitFor({ timeout: 60_000 });
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(resultsDir, `${name}-390-${colorScheme}.png`), fullPage: true });
        if (colorScheme === 'dark') await page.setViewportSize({ width: 1200, height: 900 });
        if (colorScheme === 'dark') await page.screenshot({ path: join(resultsDir, `${name}-dark.png`), fullPage: true });
        expect(problems).toEqual([]);
        await page.close();
      }
    }
  });
});
