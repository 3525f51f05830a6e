// The dashboard as a person sees it: the real server with a small demo dataset, headless Chromium,
// and the numbers the chart draws compared with the numbers the API serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SeriesResponse } from '../../api/contracts.ts';
import { inCi as runningInCi } from '../helpers/ci.ts';
import { chromiumPath, hasChromium, resultsDir, useDemoBrowser, type DemoBrowser } from '../support/browser.ts';

const inCi = runningInCi();

if (!hasChromium) {
  const line = '!'.repeat(100);
  console.error(`\n${line}\n!! BROWSER TESTS NOT RUN: ${chromiumPath} is missing. Install it with: apt-get install -y chromium\n${line}\n`);
}

it.runIf(!hasChromium && inCi)('Chromium is installed (required in CI)', () => {
  expect.fail(`${chromiumPath} is missing: browser tests cannot be skipped in CI (.ci/run installs chromium).`);
});

/** Parses the chart's aria-label (format documented in web/src/lib/charts/options/metric-series.ts). */
function parseChartDescription(label: string): Map<string, Map<string, number>> {
  const series = new Map<string, Map<string, number>>();
  for (const match of label.matchAll(/(?:^|\. )([a-z_]+): ((?:\d{4}-\d{2}-\d{2} = \d+(?:, )?)+)/g)) {
    const points = new Map<string, number>();
    for (const point of match[2]!.matchAll(/(\d{4}-\d{2}-\d{2}) = (\d+)/g)) points.set(point[1]!, Number(point[2]));
    series.set(match[1]!, points);
  }
  return series;
}

describe.runIf(hasChromium)('dashboard in Chromium', () => {
  let base: string;
  let browser: Browser;
  let demo: DemoBrowser;
  useDemoBrowser((run) => ({ base, browser } = demo = run));

  async function openOverview(setup?: (page: Page) => Promise<unknown>, viewport = { width: 1200, height: 800 }) {
    const page = await demo.newPage({ viewport, acceptDownloads: true });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    // Anything the page's Content-Security-Policy blocks (a script, a style) is a problem too.
    await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`CSP ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
      ),
    );
    await setup?.(page);
    return { page, problems };
  }

  it('draws the weekly volume by channel with exactly the API numbers', async () => {
    const { page, problems } = await openOverview();
    const [seriesResponse, pageResponse] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/api/metrics/created'),
      page.goto(`${base}/explore`),
    ]);
    // The page runs under a policy that allows no inline script but its own (by hash) and no framing.
    const policy = (await pageResponse!.headerValue('content-security-policy')) ?? '';
    expect(policy).toMatch(/(^|; )script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(new URL(seriesResponse.url()).searchParams.get('by')).toBe('channel');
    const api = (await seriesResponse.json()) as SeriesResponse;
    // The default range is the 90 days up to the newest ticket: about a quarter of the year's 3,000.
    expect(api.total.value).toBeGreaterThan(300);

    const chart = page.getByTestId('volume-chart');
    await chart.and(page.locator('[data-rendered="true"]')).waitFor({ timeout: 30_000 });
    const shown = parseChartDescription((await chart.getAttribute('aria-label')) ?? '');

    const expected = new Map<string, Map<string, number>>();
    for (const row of api.rows) {
      if (!expected.has(row.group!)) expected.set(row.group!, new Map());
      expected.get(row.group!)!.set(row.period, row.value!);
    }
    expect([...shown.keys()].sort()).toEqual([...expected.keys()].sort());
    let drawnTotal = 0;
    for (const [group, points] of shown) {
      for (const [period, value] of points) {
        expect({ group, period, value }).toEqual({ group, period, value: expected.get(group)!.get(period) ?? 0 });
        drawnTotal += value;
      }
      for (const period of expected.get(group)!.keys()) expect(points.has(period)).toBe(true);
    }
    expect(drawnTotal).toBe(api.total.value);
    expect(Number(await page.getByTestId('volume-total').getAttribute('data-value'))).toBe(api.total.value);

    // The tooltip is HTML with style attributes, the one inline style the policy allows.
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await chart.locator('td', { hasText: /^Total$/ }).waitFor({ timeout: 10_000 });

    await page.screenshot({ path: join(resultsDir, 'dashboard-overview.png'), fullPage: true });

    // The CSV holds exactly what is drawn: a line per week and channel, the same values.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('week_start,channel,created,tickets,partial');
    const csvPoints = csv.slice(1).map((line) => line.split(','));
    expect(csvPoints.length).toBe([...shown.values()].reduce((n, points) => n + points.size, 0));
    for (const [period, channel, value] of csvPoints) expect(Number(value)).toBe(shown.get(channel!)!.get(period!));
    // The PNG is the chart with its title, range and filters.
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/^servicepulse-created-week-by-channel-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.png$/);
    expect(readFileSync((await pngDownload.path())!).subarray(1, 4).toString()).toBe('PNG');
    await pngDownload.saveAs(join(resultsDir, 'volume-export.png'));
    // The data table is the alternative: a row per week drawn.
    await page.getByRole('button', { name: 'Show table' }).click();
    const weeks = new Set([...shown.values()].flatMap((points) => [...points.keys()]));
    expect(await page.getByTestId('chart-table').locator('tbody tr').count()).toBe(weeks.size);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the problem and recovers with Retry when the API fails', async () => {
    let fail = true;
    const { page } = await openOverview((p) =>
      p.route('**/api/metrics/created**', (route) =>
        fail
          ? route.fulfill({
              status: 503,
              contentType: 'application/problem+json',
              body: JSON.stringify({ type: 'about:blank', status: 503, title: 'Database busy', detail: 'A load is running; try again.' }),
            })
          : route.continue(),
      ),
    );
    await page.goto(`${base}/explore`);
    const error = page.getByTestId('state-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Database busy');
    expect(await error.textContent()).toContain('A load is running; try again.');
    await page.screenshot({ path: join(resultsDir, 'dashboard-error.png') });
    fail = false;
    await error.getByRole('button', { name: /retry/i }).click();
    await page.locator('[data-testid="volume-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    // Another series request of the page may still be in the route's hands: closing under it is not this test's error.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });

  it('says so when the range has no tickets', async () => {
    const { page } = await openOverview((p) =>
      p.route('**/api/metrics/created**', async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as SeriesResponse;
        await route.fulfill({ response, json: { ...body, rows: [], total: { value: 0, tickets: 0 } } });
      }),
    );
    await page.goto(`${base}/explore`);
    await page.getByTestId('state-empty').waitFor();
    expect(await page.getByTestId('volume-chart').count()).toBe(0);
    // The period before's series may still be fetched by the route when the page closes (an unhandled rejection of
    // route.fetch otherwise fails the run).
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });

  /** The `from` and `to` of the next `/api/metrics/created` request. */
  /**
   * The range of the next weekly-volume answer. `endingOn` skips the comparison series of the period before (which
   * ends where the shown range starts) that a page still in flight may answer after a reload or a navigation.
   */
  function nextSeriesRange(page: Page, endingOn?: string | null) {
    return page
      .waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/metrics/created' && (endingOn === undefined || url.searchParams.get('to') === endingOn);
      })
      .then((response) => {
        const params = new URL(response.url()).searchParams;
        return { from: params.get('from'), to: params.get('to') };
      });
  }

  it('keeps the date range in the URL: a preset survives a reload, and back returns to the previous range', async () => {
    const { page, problems } = await openOverview();
    const [defaultRange] = await Promise.all([nextSeriesRange(page), page.goto(`${base}/explore`)]);
    const chart = page.locator('[data-testid="volume-chart"][data-rendered="true"]');
    await chart.waitFor({ timeout: 30_000 });
    // The default is the last 90 days, ending at the newest data: 90 days from `from` to `to` (exclusive).
    const days = (range: { from: string | null; to: string | null }) => (Date.parse(range.to!) - Date.parse(range.from!)) / 86_400_000;
    expect(days(defaultRange)).toBe(90);

    const [thirtyDays] = await Promise.all([nextSeriesRange(page, defaultRange.to), page.getByTestId('filter-range').selectOption('30d')]);
    expect(new URL(page.url()).searchParams.get('range')).toBe('30d');
    expect(thirtyDays.to).toBe(defaultRange.to);
    expect(days(thirtyDays)).toBe(30);
    await chart.waitFor({ timeout: 30_000 });
    const label30 = await page.getByTestId('volume-chart').getAttribute('aria-label');
    const rangeText = await page.getByTestId('filter-range-days').textContent();

    // A reload gives the same view from the URL alone.
    const [reloaded] = await Promise.all([nextSeriesRange(page, thirtyDays.to), page.reload()]);
    expect(reloaded).toEqual(thirtyDays);
    await page.locator('[data-testid="volume-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('filter-range').inputValue()).toBe('30d');
    expect(await page.getByTestId('filter-range-days').textContent()).toBe(rangeText);
    expect(await page.getByTestId('volume-chart').getAttribute('aria-label')).toBe(label30);

    // Back returns to the default range.
    const [back] = await Promise.all([nextSeriesRange(page, defaultRange.to), page.goBack()]);
    expect(back).toEqual(defaultRange);
    expect(new URL(page.url()).searchParams.get('range')).toBeNull();
    expect(await page.getByTestId('filter-range').inputValue()).toBe('90d');
    expect(problems).toEqual([]);
    await page.close();
  });

  /** The next `/api/overview` answer whose channels are `channels` (in any order). */
  function nextOverview(page: Page, channels: string[]) {
    return page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/overview' && [...url.searchParams.getAll('channel')].sort().join() === [...channels].sort().join();
    });
  }

  type OverviewAnswer = { headline: Array<{ key: string; value: number | null }> };
  const figureOf = (answer: OverviewAnswer, key: string) => answer.headline.find((figure) => figure.key === key)!.value;

  it('picks two channels in the filter bar: kept through a reload and back, the headline figures the API gives for both', async () => {
    const { page, problems } = await openOverview();
    await Promise.all([nextOverview(page, []), page.goto(`${base}/explore`)]);
    const button = page.getByTestId('filter-channel');
    expect(await button.textContent()).toContain('All channels');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // The button opens a labelled group of checkboxes; the first pick by mouse, the second by keyboard (Enter).
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const list = page.locator(`#${await button.getAttribute('aria-controls')}`);
    expect(await list.getAttribute('role')).toBe('group');
    await Promise.all([nextOverview(page, ['email']), list.getByRole('checkbox', { name: 'Email' }).click()]);
    expect(new URL(page.url()).searchParams.getAll('channel')).toEqual(['email']);
    await list.getByRole('checkbox', { name: 'Phone' }).focus();
    await Promise.all([nextOverview(page, ['email', 'phone']), page.keyboard.press('Enter')]);
    // In the options' order, whatever the order of the clicks: one pick, one URL.
    expect(new URL(page.url()).searchParams.getAll('channel')).toEqual(['phone', 'email']);
    expect(await list.getByRole('checkbox', { name: 'Phone' }).isChecked()).toBe(true);
    // Escape closes the list and gives the focus back to the button, which names both.
    await page.keyboard.press('Escape');
    expect(await list.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filter-channel');
    expect(await button.textContent()).toContain('Phone, Email');

    // A reload gives the same pick from the URL alone, and the headline figures the API gives for those two channels.
    const [reloaded] = await Promise.all([nextOverview(page, ['email', 'phone']), page.reload()]);
    const shownFrom = new URL(reloaded.url()).searchParams;
    expect(await button.textContent()).toContain('Phone, Email');
    expect(await button.getAttribute('data-picked')).toBe('phone,email');
    await button.click();
    expect(await list.getByRole('checkbox', { name: 'Email' }).isChecked()).toBe(true);
    expect(await list.getByRole('checkbox', { name: 'Phone' }).isChecked()).toBe(true);
    expect(await list.getByRole('checkbox', { name: 'Chat' }).isChecked()).toBe(false);
    expect(await list.getByRole('checkbox', { name: 'All channels' }).isChecked()).toBe(false);

    const ask = async (channels: string[]) => {
      const query = new URLSearchParams({ from: shownFrom.get('from')!, to: shownFrom.get('to')! });
      for (const channel of channels) query.append('channel', channel);
      const response = await demo.fetch(`/api/overview?${query}`, { headers: { accept: 'application/json' } });
      expect(response.status).toBe(200);
      return (await response.json()) as OverviewAnswer;
    };
    const [both, email, phone] = await Promise.all([ask(['email', 'phone']), ask(['email']), ask(['phone'])]);
    const created = page.getByTestId('headline-created');
    await created.waitFor();
    // Tickets created on either channel: the email ones plus the phone ones.
    expect(figureOf(both, 'created')).toBe(figureOf(email, 'created')! + figureOf(phone, 'created')!);
    expect(figureOf(both, 'created')).toBeGreaterThan(0);
    expect(Number(await created.getAttribute('data-value'))).toBe(figureOf(both, 'created'));
    expect(Number(await page.getByTestId('headline-first_response_time').getAttribute('data-value'))).toBe(figureOf(both, 'first_response_time'));
    await page.screenshot({ path: join(resultsDir, 'filter-multi-select.png') });

    // "All channels" clears the pick; back returns to the two channels.
    await Promise.all([nextOverview(page, []), list.getByRole('checkbox', { name: 'All channels' }).check()]);
    expect(new URL(page.url()).searchParams.getAll('channel')).toEqual([]);
    expect(await button.textContent()).toContain('All channels');
    await Promise.all([nextOverview(page, ['email', 'phone']), page.goBack()]);
    expect(await button.getAttribute('data-picked')).toBe('phone,email');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens every filter list inside a 390 px phone screen (dark)', async () => {
    const { page, problems } = await openOverview((p) => p.emulateMedia({ colorScheme: 'dark' }), { width: 390, height: 844 });
    await page.goto(`${base}/explore?channel=email&channel=chat&channel=phone`);
    await page.getByTestId('headline-created').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('filter-channel').textContent()).toContain('3 channels');
    for (const dimension of ['team', 'channel', 'priority', 'provider', 'requester_kind']) {
      const button = page.getByTestId(`filter-${dimension}`);
      await button.click();
      const list = page.locator(`#${await button.getAttribute('aria-controls')}`);
      await list.waitFor();
      const box = (await list.boundingBox())!;
      expect(box.x, dimension).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, dimension).toBeLessThanOrEqual(390);
      if (dimension === 'provider') await page.screenshot({ path: join(resultsDir, 'filter-multi-select-phone-dark.png') });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), dimension).toBeLessThanOrEqual(390);
      // A click elsewhere closes it.
      await page.getByRole('heading', { level: 1 }).click();
      expect(await list.isHidden(), dimension).toBe(true);
    }
    // By keyboard: Enter opens, Tab walks "All requesters", "External customers", "Internal", and the next Tab leaves
    // the list, which closes it.
    const requester = page.getByTestId('filter-requester_kind');
    await requester.focus();
    await page.keyboard.press('Enter');
    const requesterList = page.locator(`#${await requester.getAttribute('aria-controls')}`);
    const focusedLabel = () => page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim() ?? document.activeElement?.textContent?.trim());
    for (const expected of ['All requesters', 'External customers', 'Internal']) {
      await page.keyboard.press('Tab');
      expect(await focusedLabel()).toBe(expected);
    }
    await page.keyboard.press('Tab');
    expect(await requesterList.isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone without sideways scrolling, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await openOverview((p) => p.emulateMedia({ colorScheme }), { width: 390, height: 844 });
      await page.goto(`${base}/explore`);
      await page.locator('[data-testid="volume-chart"][data-rendered="true"]').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      await page.screenshot({ path: join(resultsDir, `explore-phone-${colorScheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('shows the not-found page for a page that does not exist', async () => {
    const { page } = await openOverview();
    await page.goto(`${base}/no-such-page`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toBe('Page not found');
    await page.close();
  });
});
