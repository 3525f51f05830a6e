// The Feedback page in Chromium against the real server: the survey trends draw, the comments shown are the API's
// (count and order), a search narrows them to the API's answer for it, each links to its ticket; each survey's answers
// per score are the API's, and a bar or a trend point opens as many tickets as it stands for; screenshots in light,
// dark and at 390 px.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentsResponse, ScoreDistributionResponse, SeriesResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, startBrowserRun, type BrowserRun } from '../support/browser.ts';
import { clickUntilDrilldown } from '../support/drilldown-page.ts';

describe.runIf(hasChromium)('Feedback page in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => (run = await startBrowserRun()));
  afterAll(async () => run?.close());

  const isComments = (url: string) => new URL(url).pathname === '/api/feedback/comments';

  it('lists the comments the API has, searches them and links each to its ticket', async () => {
    const { page, problems } = await run.open('/feedback');
    const answer = (await (await page.waitForResponse((r) => isComments(r.url()))).json()) as CommentsResponse;
    expect(answer.total).toBeGreaterThan(0);
    const list = page.getByTestId('comments-list');
    await list.locator('li').first().waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId('comments-total').getAttribute('data-value'))).toBe(answer.total);
    expect(await list.locator('blockquote').allTextContents()).toEqual(answer.comments.map((c) => c.comment));
    const links = await list.getByTestId('comment-ticket').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(answer.comments.filter((c) => c.ticket_id !== null).map((c) => `/tickets/${c.ticket_id}`));

    // Search for a word of the first comment, CSAT only, scores 1 to 3.
    const word = answer.comments[0]!.comment.split(/\s+/).find((w) => w.length > 4) ?? answer.comments[0]!.comment.split(/\s+/)[0]!;
    await page.getByTestId('comments-q').fill(word);
    await page.getByTestId('comments-search').getByLabel('CSAT', { exact: true }).check();
    await page.getByTestId('comments-score-min').fill('1');
    await page.getByTestId('comments-score-max').fill('3');
    const [searched] = await Promise.all([page.waitForResponse((r) => isComments(r.url())), page.getByRole('button', { name: 'Search' }).click()]);
    const query = new URL(searched.url()).searchParams;
    expect([query.get('q'), query.getAll('kind'), query.get('score_min'), query.get('score_max')]).toEqual([word, ['csat'], '1', '3']);
    const narrowed = (await searched.json()) as CommentsResponse;
    await page.waitForFunction((total) => document.querySelector('[data-testid="comments-total"]')?.getAttribute('data-value') === String(total), narrowed.total);
    for (const comment of narrowed.comments) {
      expect(comment.kind).toBe('csat');
      expect(comment.comment.toLowerCase()).toContain(word.toLowerCase());
    }
    expect(await list.locator('li').count()).toBe(narrowed.comments.length);

    await page.locator('[data-testid="trend-csat"] [data-rendered="true"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(resultsDir, 'feedback-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  /** What the page asked the API for (path starting with `prefix`), asked again from here: the same answer, read independently. */
  async function sameAnswer<T>(page: Page, prefix: string): Promise<T> {
    const asked = await page.evaluate((p) => performance.getEntriesByType('resource').map((e) => e.name).find((n) => new URL(n).pathname.startsWith(p)), prefix);
    expect(asked, prefix).toBeTruthy();
    const url = new URL(asked!);
    const response = await run.fetch(`${url.pathname}${url.search}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** The drill-down dialog's rows once scrolled to the end (rows load as the list scrolls; only a window is rendered). */
  async function drilledRows(page: Page): Promise<number> {
    const table = page.getByTestId('drilldown-table');
    let rows = -1;
    await expect.poll(async () => {
      await table.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      const last = table.locator('[data-testid="drilldown-row"]').last();
      if ((await table.getByText('Loading…').count()) > 0 || (await last.count()) === 0) return -1;
      rows = Number(await last.getAttribute('aria-rowindex')) - 1;
      return rows === Number(await table.getAttribute('aria-rowcount')) - 1 ? rows : -1;
    }, { timeout: 20_000 }).toBeGreaterThan(0);
    return rows;
  }

  async function closeDialog(page: Page): Promise<void> {
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close the tickets' }).click();
    await expect.poll(() => page.getByTestId('drilldown').isVisible()).toBe(false);
  }

  it('shows each survey’s answers per score as the API counts them; a bar opens as many tickets as it shows', async () => {
    const { page, problems } = await run.open('/feedback');
    for (const key of ['csat', 'nps', 'ces']) {
      const chart = page.locator(`[data-testid="distribution-${key}-chart"][data-rendered="true"]`);
      await chart.waitFor({ timeout: 30_000 });
      const answer = await sameAnswer<ScoreDistributionResponse>(page, `/api/feedback/${key}/distribution`);
      const trend = await sameAnswer<SeriesResponse>(page, `/api/metrics/${key}`);
      expect(answer.answers).toBeGreaterThan(0);
      // The answers are the trend's: the same base, range and filters.
      expect(answer.answers).toBe(trend.total.tickets);
      expect(Number(await page.getByTestId(`distribution-${key}-answers`).getAttribute('data-value'))).toBe(answer.answers);
      // The chart's description lists every bar: "<label> = <answers> (<band>)", in the API's order.
      const description = (await chart.getAttribute('aria-label'))!;
      const shown = [...description.matchAll(/(?:\. |, )([^=,.]+?) = (\d{1,3}(?:,\d{3})*)(?!\d)/g)].map((m) => Number(m[2]!.replaceAll(',', '')));
      expect(shown).toEqual(answer.scales.flatMap((s) => s.scores.map((x) => x.answers)));
    }

    // NPS as a table: the same counts, and a cell of the busiest score opens its tickets.
    const nps = await sameAnswer<ScoreDistributionResponse>(page, '/api/feedback/nps/distribution');
    const card = page.getByTestId('distribution-nps');
    await card.getByRole('button', { name: 'Show table' }).click();
    const cells = await card.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()]));
    const scores = nps.scales[0]!.scores;
    expect(cells).toEqual(scores.map((x) => [x.label, x.answers.toLocaleString('en-GB')]));
    const busiest = scores.reduce((a, b) => (b.answers > a.answers ? b : a));
    await card.locator('tbody tr').nth(scores.indexOf(busiest)).locator('td').first().getByRole('button').click();
    await page.getByTestId('drilldown').waitFor({ state: 'visible' });
    await expect.poll(async () => Number(await page.getByTestId('drilldown-total').getAttribute('data-value')), { timeout: 15_000 }).toBe(busiest.answers);
    expect(await drilledRows(page)).toBe(busiest.answers);
    await page.screenshot({ path: join(resultsDir, 'feedback-drilldown-light.png') });
    await closeDialog(page);
    await card.getByRole('button', { name: 'Show chart' }).click();

    // A click on a bar of the chart: the dialog names the score; its rows are that bar's answers.
    const chart = page.getByTestId('distribution-nps-chart');
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const places = [0.95, 0.87, 0.78, 0.7, 0.61, 0.53].flatMap((fraction) =>
      [34, 44, 60].map((above) => [box.x + box.width * fraction, box.y + box.height - above] as const),
    );
    const opened = await clickUntilDrilldown(page, places);
    expect(opened, 'a bar was hit').toBe(true);
    const title = (await page.getByTestId('drilldown').locator('h2').textContent())!;
    const score = Number(/^NPS (\d+) of 10/.exec(title)?.[1]);
    const bar = scores.find((x) => x.score === score)!;
    expect(bar.answers).toBeGreaterThan(0);
    expect(await drilledRows(page)).toBe(bar.answers);
    await closeDialog(page);

    // A trend point (through its table cell, the keyboard's way): its answers' tickets.
    const trendCard = page.getByTestId('trend-csat');
    const csat = await sameAnswer<SeriesResponse>(page, '/api/metrics/csat');
    await trendCard.getByRole('button', { name: 'Show table' }).click();
    const point = csat.rows.filter((r) => r.tickets > 0).at(-2)!;
    const month = new Date(`${point.period}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await trendCard.locator('tbody tr', { has: page.locator('th', { hasText: month }) }).locator('td').first().getByRole('button').click();
    await page.getByTestId('drilldown').waitFor({ state: 'visible' });
    expect(await drilledRows(page)).toBe(point.tickets);
    await closeDialog(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await run.open('/feedback', { colorScheme, width: 390 });
      await page.getByTestId('comments-list').locator('li').first().waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(resultsDir, `feedback-phone-${colorScheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
    const { page } = await run.open('/feedback', { colorScheme: 'dark' });
    await page.getByTestId('comments-list').locator('li').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(resultsDir, 'feedback-dark.png'), fullPage: true });
    await page.close();
  });
});
