// The Explore page as a person uses it: click a bar of the chart, get the tickets behind it, and check their
// number is the bar's value (the API's series and its ticket pages); sort, download them, open one; choose a
// duration and see its distribution and definition. Screenshots in light, dark and at 390 px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DistributionResponse, GoalListResponse, SeriesResponse, TicketDetailResponse, TicketsResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, useDemoBrowser, type DemoBrowser } from '../support/browser.ts';
import { clickUntilDrilldown, drillQuery, expectDrilledTickets } from '../support/drilldown-page.ts';

describe.runIf(hasChromium)('Explore in Chromium', () => {
  let base: string;
  let browser: Browser;
  let demo: DemoBrowser;
  useDemoBrowser((run) => ({ base, browser } = demo = run));

  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
    const page = await demo.newPage({ viewport: { width: options.width ?? 1200, height: 860 }, acceptDownloads: true, colorScheme: options.colorScheme ?? 'light' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const seriesAsked: string[] = [];
    page.on('request', (request) => new URL(request.url()).pathname === '/api/metrics/created' && seriesAsked.push(request.url()));
    const [series] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/api/metrics/created'),
      page.goto(`${base}${path}`),
    ]);
    const body = (await series.json()) as SeriesResponse;
    await page.locator('[data-testid="volume-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    // Each series once: the range's, then the period before's (a re-asked series would be a wasted query).
    await expect.poll(() => seriesAsked.length).toBe(2);
    expect(new Set(seriesAsked).size).toBe(2);
    return { page, problems, series: body };
  }

  /** Clicks low in the plot, left to right, until a bar's bottom segment is hit and the drill-down opens. */
  async function clickABar(page: Page): Promise<void> {
    const chart = page.getByTestId('volume-chart');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const places = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74].flatMap((fraction) =>
      [56, 70, 90].map((above) => [box.x + box.width * fraction, box.y + box.height - above] as const),
    );
    if (await clickUntilDrilldown(page, places)) return;
    await page.screenshot({ path: join(resultsDir, 'explore-no-bar-hit.png') });
    throw new Error('no bar was hit');
  }

  /** Every ticket behind a drill-down, through the API's pages (an independent count of the point's tickets). */
  async function countTickets(query: URLSearchParams): Promise<number> {
    let count = 0;
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(query);
      params.set('limit', '1000');
      if (cursor) params.set('cursor', cursor);
      const page = (await (await demo.fetch(`/api/tickets?${params}`, { headers: { accept: 'application/json' } })).json()) as TicketsResponse;
      count += page.tickets.length;
      cursor = page.next_cursor;
    } while (cursor);
    return count;
  }

  it('drills from a bar to its tickets: as many rows as the bar’s value, sortable, downloadable, each linked to its facts', async () => {
    const { page, problems, series } = await open('/explore');
    await clickABar(page);
    const dialog = page.getByTestId('drilldown');
    const from = (await dialog.getAttribute('data-from'))!;
    const filters = JSON.parse((await dialog.getAttribute('data-filters'))!) as Record<string, string[]>;
    const channel = filters.channel![0]!;
    // The bar's period is the last one starting on or before the drill-down's first day (a partial first period
    // starts before the range).
    const period = series.rows.map((r) => r.period).filter((p) => p <= from).sort().at(-1);
    const row = series.rows.find((r) => r.group === channel && r.period === period)!;
    const value = row.value!;
    expect(value).toBeGreaterThan(0);

    // The header's total is the bar's value …
    const total = page.getByTestId('drilldown-total');
    await expect.poll(async () => Number(await total.getAttribute('data-value')), { timeout: 15_000 }).toBe(value);
    const table = page.getByTestId('drilldown-table');
    expect(Number(await table.getAttribute('aria-rowcount'))).toBe(value + 1);
    // … and so is the number of rows once scrolled to the end (rows load as the list scrolls; only a window is rendered).
    await expect.poll(async () => {
      await table.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      const last = await table.locator('[data-testid="drilldown-row"]').last();
      const pending = await table.getByText('Loading…').count();
      return pending === 0 ? Number(await last.getAttribute('aria-rowindex')) - 1 : -1;
    }, { timeout: 20_000 }).toBe(value);
    expect(await table.locator('[data-testid="drilldown-row"]').count()).toBeLessThan(Math.max(value, 60));
    // An independent count through the API's pages agrees.
    const query = new URLSearchParams({ metric: 'created', from, to: (await dialog.getAttribute('data-to'))!, channel });
    expect(await countTickets(query)).toBe(value);

    await page.screenshot({ path: join(resultsDir, 'explore-drilldown-light.png') });

    // Sorting by creation, newest first: the first row is the API's newest ticket of the point.
    await table.evaluate((element) => element.scrollTo(0, 0));
    const created = table.getByRole('columnheader', { name: /Created/ });
    await created.getByRole('button').click();
    await expect.poll(() => created.getAttribute('aria-sort')).toBe('descending');
    query.set('sort', '-created_at');
    query.set('limit', '1');
    const newest = ((await (await demo.fetch(`/api/tickets?${query}`, { headers: { accept: 'application/json' } })).json()) as TicketsResponse).tickets[0]!;
    const firstLink = table.locator('[data-testid="drilldown-row"]').first().getByRole('link');
    await expect.poll(() => firstLink.textContent()).toBe(newest.external_id);

    // The CSV is the API's export of every ticket behind the bar: a header and one line per ticket.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.startsWith('ticket_id,')).toBe(true);
    expect(lines.length - 1).toBe(value);

    // A ticket's link opens its facts page.
    await firstLink.click();
    await page.waitForURL(new RegExp(`/tickets/${newest.ticket_id}$`));
    await page.getByRole('heading', { level: 1, name: `Ticket ${newest.external_id}` }).waitFor();
    // Its facts are the API's: a duration row per duration metric, a verdict per rate.
    const detail = (await (await demo.fetch(`/api/tickets/${newest.ticket_id}`)).json()) as TicketDetailResponse;
    await page.getByTestId('ticket-facts').waitFor();
    expect(await page.getByTestId('ticket-durations').locator('tbody tr').count()).toBe(detail.durations.length);
    expect(await page.getByTestId('ticket-rates').locator(':scope > li').count()).toBe(detail.rates.length);
    await page.screenshot({ path: join(resultsDir, 'ticket-facts-light.png'), fullPage: true });
    // The same facts in the dark theme, and at phone width (every duration row still there).
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(resultsDir, 'ticket-facts-dark.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId('ticket-durations').locator('tbody tr').count()).toBe(detail.durations.length);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(resultsDir, 'ticket-facts-phone-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('explores a duration: its statistic in the URL, the distribution, the definition; a headline opens its tickets', async () => {
    const { page, problems } = await open('/explore');
    await Promise.all([
      page.waitForURL(/metric=first_response_time/),
      page.getByTestId('explorer-metric').selectOption('first_response_time'),
    ]);
    await page.getByTestId('explorer-stat').selectOption('p90');
    await page.waitForURL(/stat=p90/);
    await page.locator('[data-testid="explorer-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="distribution-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('distribution-stats').textContent()).toMatch(/^Median .+ · p90 .+ · mean .+ tickets measured/);
    await page.getByTestId('explorer-definition').locator('summary').click();
    expect(await page.getByTestId('explorer-definition').textContent()).toContain('Definition.');

    // A reload gives the same choice from the URL.
    await page.reload();
    await page.locator('[data-testid="explorer-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('explorer-metric').inputValue()).toBe('first_response_time');
    expect(await page.getByTestId('explorer-stat').inputValue()).toBe('p90');
    await page.screenshot({ path: join(resultsDir, 'explore-duration-light.png'), fullPage: true });

    // The headline of tickets created opens them all; its count is the figure.
    const figure = page.getByTestId('headline-created');
    const value = Number(await figure.getAttribute('data-value'));
    await figure.getByRole('button').click();
    await expect.poll(async () => Number(await page.getByTestId('drilldown-total').getAttribute('data-value')), { timeout: 15_000 }).toBe(value);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('drilldown').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a distribution bucket lists its tickets, as many as the bar; a reload reopens them from the URL, Close removes them', async () => {
    const page = await demo.newPage({ viewport: { width: 1200, height: 860 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metrics/first_response_time/distribution'),
      page.goto(`${base}/explore?metric=first_response_time&range=all`),
    ]);
    const distribution = (await answer.json()) as DistributionResponse;
    const chart = page.locator('[data-testid="distribution-chart"][data-rendered="true"]');
    await chart.waitFor({ timeout: 30_000 });
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // Low in the plot, at the centre of each bucket with tickets (the y axis's labels take some 30–50 px on the left),
    // until a bar is hit.
    const withTickets = distribution.buckets.map((b, i) => [b, i] as const).filter(([b]) => b.tickets > 0);
    const places = withTickets.flatMap(([, i]) =>
      [40, 30, 50].map((axis) => {
        const left = box.x + 8 + axis;
        return [left + ((i + 0.5) * (box.x + box.width - 8 - left)) / distribution.buckets.length, box.y + box.height - 34] as const;
      }),
    );
    await clickUntilDrilldown(page, places);
    const query = drillQuery(page)!;
    expect(query).not.toBeNull();
    const bucket = distribution.buckets.find((b) => String(b.from_minutes) === query.get('from_minutes'))!;
    expect(query.get('to_minutes')).toBe(bucket.to_minutes === null ? null : String(bucket.to_minutes));
    expect(bucket.tickets).toBeGreaterThan(0);
    await expectDrilledTickets(page, bucket.tickets);
    // Independently: the range's measured tickets without the bucket's bounds, their minutes counted here.
    const unbounded = new URLSearchParams({ metric: 'first_response_time', from: query.get('from')!, to: query.get('to')!, hours: query.get('hours')! });
    const minutes: number[] = [];
    let cursor: string | null = null;
    do {
      if (cursor) unbounded.set('cursor', cursor);
      unbounded.set('limit', '1000');
      const body = (await (await demo.fetch(`/api/tickets?${unbounded}`, { headers: { accept: 'application/json' } })).json()) as TicketsResponse;
      minutes.push(...body.tickets.map((t) => t.value as number));
      cursor = body.next_cursor;
    } while (cursor);
    expect(minutes.filter((m) => m >= bucket.from_minutes && (bucket.to_minutes === null || m < bucket.to_minutes)).length).toBe(bucket.tickets);
    await page.screenshot({ path: join(resultsDir, 'explore-distribution-drilldown-light.png') });

    // A reload (or the link shared) reopens the same tickets.
    const url = page.url();
    await page.reload();
    await page.getByTestId('drilldown').waitFor({ state: 'visible', timeout: 30_000 });
    expect(page.url()).toBe(url);
    await expectDrilledTickets(page, bucket.tickets);
    // Closing removes the parameter and keeps the rest of the view.
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close the tickets' }).click();
    await expect.poll(() => drillQuery(page)).toBeNull();
    expect(await page.getByTestId('drilldown').isVisible()).toBe(false);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ metric: 'first_response_time', range: 'all' });
    // The table alternative: each bucket with tickets is a button in both its columns (tickets, share).
    const card = page.getByTestId('distribution-card');
    await card.getByRole('button', { name: 'Show table' }).click();
    expect(await card.getByTestId('chart-table').locator('tbody button').count()).toBe(2 * withTickets.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the target of a goal judging the same measure over the same scope, and none for another scope', async () => {
    const { goals } = (await (await demo.fetch(`/api/goals`)).json()) as GoalListResponse;
    const filterable = ['team', 'channel', 'priority', 'provider', 'requester_kind'];
    const goal = goals.find((g) => g.archived_at === null && g.variant === null && Object.keys(g.scope).every((name) => filterable.includes(name)) && Object.keys(g.scope).length > 0)!;
    expect(goal).toBeDefined();
    const params = new URLSearchParams({ metric: goal.metric, by: 'none', grain: goal.period });
    if (goal.stat !== 'value') params.set('stat', goal.stat);
    if (goal.hours === 'business') params.set('hours', 'business');
    for (const [name, values] of Object.entries(goal.scope)) for (const value of values) params.append(name, value);
    const page = await demo.newPage({ viewport: { width: 1200, height: 860 } });
    await page.goto(`${base}/explore?${params}`);
    const total = page.getByTestId('explorer-total');
    await page.locator('[data-testid="explorer-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).toMatch(/target: /);
    await page.getByTestId('explorer-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(resultsDir, 'explore-goal-target-light.png') });
    // Without the scope's filters the goal does not judge what is drawn.
    const wider = new URLSearchParams(params);
    for (const name of Object.keys(goal.scope)) wider.delete(name);
    await page.goto(`${base}/explore?${wider}`);
    await page.locator('[data-testid="explorer-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    const unscoped = goals.some((g) => g.archived_at === null && g.metric === goal.metric && Object.keys(g.scope).length === 0);
    if (!unscoped) expect(await total.textContent()).not.toMatch(/target: /);
    await page.close();
  });

  it('by agent: the data table heads each agent by the name the API gave, the unassigned as “Unassigned”', async () => {
    const page = await demo.newPage({ viewport: { width: 1200, height: 860 } });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metrics/created' && new URL(r.url()).searchParams.get('by') === 'agent'),
      page.goto(`${base}/explore?metric=created&by=agent&grain=quarter&range=all`),
    ]);
    const series = (await answer.json()) as SeriesResponse;
    const names = series.group_names ?? {};
    expect(Object.keys(names).length).toBeGreaterThan(0);
    await page.locator('[data-testid="explorer-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    const card = page.getByTestId('explorer-card');
    await card.getByRole('button', { name: 'Show table' }).click();
    const headers = (await card.getByTestId('chart-table').locator('thead th').allTextContents()).map((text) => text.trim());
    const groups = [...new Set(series.rows.map((row) => row.group))];
    for (const group of groups) expect(headers).toContain(group === null ? 'Unassigned' : (names[group] ?? group));
    for (const id of Object.keys(names)) if (names[id] !== id) expect(headers).not.toContain(id);
    await page.close();
  });

  it('fits a 390 px phone in light and dark, drill-down included; dark on a desktop too', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await open('/explore', { colorScheme, width: 390 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(resultsDir, `explore-explorer-phone-${colorScheme}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Show table' }).click();
      await page.getByTestId('chart-table').locator('tbody button').first().click();
      await page.getByTestId('drilldown-row').first().getByRole('link').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(resultsDir, `explore-drilldown-phone-${colorScheme}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
    const { page } = await open('/explore', { colorScheme: 'dark' });
    await clickABar(page);
    await page.getByTestId('drilldown-row').first().getByRole('link').waitFor();
    await page.screenshot({ path: join(resultsDir, 'explore-drilldown-dark.png') });
    await page.close();
  });
});
