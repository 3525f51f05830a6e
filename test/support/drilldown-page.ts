// The drill-down dialog as the browser tests read it: its query (from the URL's `drill` parameter), its total,
// and the rows it lists once scrolled to the end (rows load as the list scrolls; only a window is rendered).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The `drill` parameter of the page's URL as the API query it names (null when there is none). */
export function drillQuery(page: Page): URLSearchParams | null {
  const drill = new URL(page.url()).searchParams.get('drill');
  return drill === null ? null : new URLSearchParams(drill);
}

/** Waits until the dialog's header says `expected` tickets, then until scrolling to the end lists exactly as many rows. */
export async function expectDrilledTickets(page: Page, expected: number): Promise<void> {
  const total = page.getByTestId('drilldown-total');
  await expect.poll(async () => Number(await total.getAttribute('data-value')), { timeout: 20_000 }).toBe(expected);
  const table = page.getByTestId('drilldown-table');
  expect(Number(await table.getAttribute('aria-rowcount'))).toBe(expected + 1);
  if (expected === 0) return;
  await expect.poll(async () => {
    await table.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    const pending = await table.getByText('Loading…').count();
    const last = table.locator('[data-testid="drilldown-row"]').last();
    return pending === 0 ? Number(await last.getAttribute('aria-rowindex')) - 1 : -1;
  }, { timeout: 20_000 }).toBe(expected);
}

/**
 * Clicks `points` (page coordinates) in turn until one opens the drill-down, as a person clicks a chart's bar; true
 * when one did. A hit bar opens the dialog at once on a quiet machine and took over a second on a busy one, so each
 * click is given `wait` before the next place is tried.
 */
export async function clickUntilDrilldown(page: Page, points: Iterable<readonly [number, number]>, wait = 2_500): Promise<boolean> {
  const dialog = page.getByTestId('drilldown');
  for (const [x, y] of points) {
    await page.mouse.click(x, y);
    if (await dialog.waitFor({ state: 'visible', timeout: wait }).then(() => true, () => false)) return true;
  }
  return false;
}
