// The Feedback page in Chromium against the real server: the survey trends draw, the comments shown are the API's
// (count and order), a search narrows them to the API's answer for it, each links to its ticket; screenshots in
// light, dark and at 390 px.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentsResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, startBrowserRun, type BrowserRun } from '../support/browser.ts';

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
