// The Teams page in Chromium against the real server: the comparison shows each team's overview figures, the
// backlog its open count, the heatmap draws; screenshots in light, dark and at 390 px.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, startBrowserRun, type BrowserRun } from '../support/browser.ts';

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
    const teams = ((await (await fetch(`${run.base}/api/teams`)).json()) as { teams: { team_id: string; name: string }[] }).teams;

    const table = page.getByTestId('comparison-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody th').allTextContents()).toEqual(teams.map((t) => t.name));

    // The first team's row is the overview narrowed to that team, over the page's range.
    const overviewUrl = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('/api/overview')));
    const params = new URL(overviewUrl!).searchParams;
    params.delete('team');
    params.set('team', teams[0]!.team_id);
    const overview = (await (await fetch(`${run.base}/api/overview?${params}`)).json()) as OverviewResponse;
    const figure = (key: string) => overview.headline.find((f) => f.key === key)!;
    const expected = [
      grouped.format(figure('created').value ?? 0),
      ...['first_response_time', 'resolution_time', 'first_contact_resolution', 'escalation_rate', 'sla_first_response_attainment', 'csat'].map((key) =>
        shown(figure(key).value, figure(key).metric.unit),
      ),
    ];
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(expected);

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
