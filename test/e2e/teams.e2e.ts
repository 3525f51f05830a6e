// The Teams page in Chromium against the real server: the comparison shows each team's overview figures, the
// backlog its open count, the heatmap draws; a heatmap cell and a trend point open their tickets, as many as the
// API's figure; screenshots in light, dark and at 390 px.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeatmapResponse, OverviewResponse, SeriesResponse, TicketsResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, startBrowserRun, type BrowserRun } from '../support/browser.ts';
import { drillQuery, expectDrilledTickets } from '../support/drilldown-page.ts';

// The figures as the page writes them (web/src/lib/format.ts), restated here so the root type-check need not
// follow the web's sources: counts grouped, percentages to one decimal, scores to two, durations "1 h 5 min".
const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
function shown(value: number | null, unit: string): string {
  if (value === null) return '–';
  if (unit === 'percent') return `${value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  if (unit === 'score') return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (unit !== 'minutes') return grouped.format(value);
  const minutes = Math.round(value);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  const hours = Math.round(minutes / 60);
  return hours % 24 === 0 ? `${hours / 24} d` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

describe.runIf(hasChromium)('Teams page in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => (run = await startBrowserRun()));
  afterAll(async () => run?.close());

  it("shows each team's key figures, the backlog and the heatmap as the API has them", async () => {
    const { page, problems } = await run.open('/teams');
    const backlogAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/backlog');
    const teams = ((await (await run.fetch(`/api/teams`)).json()) as { teams: { team_id: string; name: string }[] }).teams;

    const table = page.getByTestId('comparison-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody th').allTextContents()).toEqual(teams.map((t) => t.name));

    // The first team's row is the overview narrowed to that team, over the page's range.
    const overviewUrl = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('/api/overview')));
    const params = new URL(overviewUrl!).searchParams;
    params.delete('team');
    params.set('team', teams[0]!.team_id);
    const overview = (await (await run.fetch(`/api/overview?${params}`)).json()) as OverviewResponse;
    const figure = (key: string) => overview.headline.find((f) => f.key === key)!;
    const expected = [
      grouped.format(figure('created').value ?? 0),
      ...['first_response_time', 'resolution_time', 'first_contact_resolution', 'escalation_rate', 'sla_first_response_attainment', 'csat'].map((key) =>
        shown(figure(key).value, figure(key).metric.unit),
      ),
    ];
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(expected);

    // Its tickets created open in place: as many as the overview's figure, narrowed to that team.
    await table.locator('tbody tr').first().locator('td').first().getByRole('button').click();
    await page.getByTestId('drilldown').waitFor({ state: 'visible', timeout: 10_000 });
    expect(drillQuery(page)!.getAll('team')).toEqual([teams[0]!.team_id]);
    await expectDrilledTickets(page, figure('created').value!);
    await page.keyboard.press('Escape');
    await expect.poll(() => drillQuery(page)).toBeNull();
    // Survey answers are not tickets: the CSAT figure is no button.
    expect(await table.locator('tbody tr').first().locator('td').last().getByRole('button').count()).toBe(0);

    const backlog = (await (await backlogAnswer).json()) as { open: number; oldest_per_assignee: unknown[] };
    await page.getByTestId('backlog-open').waitFor();
    expect(Number(await page.getByTestId('backlog-open').getAttribute('data-value'))).toBe(backlog.open);
    expect(await page.getByTestId('backlog-oldest').locator('tbody tr').count()).toBe(backlog.oldest_per_assignee.length);

    const heatmap = page.locator('[data-testid="heatmap-chart"][data-rendered="true"]');
    await heatmap.waitFor({ timeout: 30_000 });
    expect(await heatmap.getAttribute('aria-label')).toMatch(/^First response median by hour and weekday, \w+: \d+ hour slots with tickets\. Slowest: /);

    // Comparing providers instead is kept in the URL.
    await page.getByTestId('compare-by').selectOption('provider');
    await page.waitForURL(/compare=provider/);
    await table.locator('tbody th', { hasText: 'In-house' }).waitFor();
    await page.screenshot({ path: join(resultsDir, 'teams-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  /** The API's total for a drill-down's query (the dialog's `drill` parameter without its count, basis and title). */
  async function apiTotal(query: URLSearchParams): Promise<number> {
    const params = new URLSearchParams(query);
    for (const name of ['n', 'basis', 'title']) params.delete(name);
    params.set('limit', '1');
    return ((await (await run.fetch(`/api/tickets?${params}`, { headers: { accept: 'application/json' } })).json()) as TicketsResponse).total;
  }

  it('a click on a heatmap cell lists the tickets created in that hour and weekday, as many as the cell; back closes them', async () => {
    // All the data: cells of several tickets.
    const { page, problems } = await run.open('/teams?range=all');
    const answer = await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metrics/first_response_time/heatmap');
    const heatmap = (await answer.json()) as HeatmapResponse;
    const chart = page.locator('[data-testid="heatmap-chart"][data-rendered="true"]');
    await chart.waitFor({ timeout: 60_000 });
    const channel = await page.getByTestId('heatmap-channel').inputValue();
    // The busiest cell of the channel shown; its centre on the chart's grid (charts/options/heatmap.ts: 44 px left,
    // 12 right, 8 top, 78 bottom; 24 hours across, Monday to Sunday down).
    const cell = heatmap.cells.filter((c) => c.channel === channel).sort((a, b) => b.tickets - a.tickets)[0]!;
    expect(cell.tickets).toBeGreaterThan(1);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + 44 + ((cell.hour + 0.5) * (box.width - 56)) / 24, box.y + 8 + ((cell.weekday - 0.5) * (box.height - 86)) / 7);

    await page.getByTestId('drilldown').waitFor({ state: 'visible', timeout: 10_000 });
    const query = drillQuery(page)!;
    expect([query.get('weekday'), query.get('hour'), query.getAll('channel')]).toEqual([String(cell.weekday), String(cell.hour), [channel]]);
    await expectDrilledTickets(page, cell.tickets);
    expect(await apiTotal(query)).toBe(cell.tickets);
    await page.screenshot({ path: join(resultsDir, 'teams-heatmap-drilldown-light.png') });

    // Back closes it and leaves the page as it was.
    await page.goBack();
    await expect.poll(() => page.getByTestId('drilldown').isVisible()).toBe(false);
    expect(drillQuery(page)).toBeNull();
    expect(new URL(page.url()).search).toBe('?range=all');

    // The table alternative: a button for each slot with tickets (none for an empty one); the first is the
    // channel's earliest slot of the week.
    const card = page.getByTestId('heatmap');
    await card.getByRole('button', { name: 'Show table' }).click();
    const buttons = card.getByTestId('chart-table').locator('tbody button');
    const ofChannel = heatmap.cells.filter((c) => c.channel === channel).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
    expect(await buttons.count()).toBe(ofChannel.length);
    await buttons.first().click();
    await page.getByTestId('drilldown').waitFor({ state: 'visible', timeout: 10_000 });
    expect([drillQuery(page)!.get('weekday'), drillQuery(page)!.get('hour')]).toEqual([String(ofChannel[0]!.weekday), String(ofChannel[0]!.hour)]);
    await expectDrilledTickets(page, ofChannel[0]!.tickets);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a point of the teams' first-response trend lists the tickets it was measured over", async () => {
    const { page, problems } = await run.open('/teams');
    const answer = await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/metrics/first_response_time' && new URL(r.url()).searchParams.get('by') === 'team');
    const series = (await answer.json()) as SeriesResponse;
    const card = page.getByTestId('compare-trend');
    await card.locator('[data-rendered="true"]').waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Show table' }).click();
    // The first cell with a value (a "–" is a week without a measured ticket).
    const button = card.getByTestId('chart-table').locator('tbody td button').filter({ hasNotText: '–' }).first();
    await button.click();
    await page.getByTestId('drilldown').waitFor({ state: 'visible', timeout: 10_000 });
    const query = drillQuery(page)!;
    const from = query.get('from')!;
    const team = query.getAll('team');
    expect(team).toHaveLength(1);
    // The point's week is the last one starting on or before the drill-down's first day (a partial first week starts before the range).
    const period = series.rows.map((r) => r.period).filter((p) => p <= from).sort().at(-1);
    const row = series.rows.find((r) => r.period === period && r.group === team[0])!;
    expect(row.tickets).toBeGreaterThan(0);
    await expectDrilledTickets(page, row.tickets);
    expect(await apiTotal(query)).toBe(row.tickets);
    await page.keyboard.press('Escape');
    await expect.poll(() => drillQuery(page)).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await run.open('/teams', { colorScheme, width: 390 });
      await page.locator('[data-testid="heatmap-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
      await page.getByTestId('comparison-table').waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(resultsDir, `teams-phone-${colorScheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
    const { page } = await run.open('/teams', { colorScheme: 'dark' });
    await page.locator('[data-testid="heatmap-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('comparison-table').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(resultsDir, 'teams-dark.png'), fullPage: true });
    await page.close();
  });
});
