// Every page against the issue's "Everywhere" bars, in Chromium on the demo: WCAG 2 A and AA (colour contrast among
// them) by axe-core in the light and the dark theme; at a 390 px phone no sideways scrolling and no control
// outside the screen; and the keyboard reaching the filter bar, the cards' actions and the drill-down dialog.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueListResponse, SuggestionListResponse, TicketsResponse } from '../../api/contracts.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, startBrowserRun, type BrowserRun, type DemoAccount } from '../support/browser.ts';

/** Waits until the page has nothing left to load: every card near the screen asks when scrolled to, so scroll down it. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const height = await page.evaluate(() => document.scrollingElement!.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid="state-loading"]').first().waitFor({ state: 'detached', timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * At a phone's width: how far the page scrolls sideways, and every visible control (link, button, field, focusable
 * region) that lies outside the screen horizontally. A control inside a box that scrolls sideways (a wide table)
 * counts where that box is: it is reached by scrolling the box, not the page.
 */
async function phoneOverflow(page: Page): Promise<{ scrollWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (element: Element) => {
      const overflow = getComputedStyle(element).overflowX;
      return (overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth;
    };
    const describe = (element: Element) => {
      const id = element.getAttribute('data-testid') ?? element.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()} "${name}"${id ? ` in ${id}` : ''}`;
    };
    const controls = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    const outside: string[] = [];
    for (const control of controls) {
      if (control.getClientRects().length === 0 || getComputedStyle(control).visibility === 'hidden') continue;
      if (control.closest('.visually-hidden, .skip-link, dialog:not([open])')) continue;
      let box: Element = control;
      for (let parent = control.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (scrollsSideways(parent)) box = parent;
      }
      const rect = box.getBoundingClientRect();
      if (rect.left < -0.5 || rect.right > width + 0.5) outside.push(`${describe(control)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, outside };
  });
}

/** Where the focused element is: the nearest element with a test id, or the landmark around it. */
function focusedPlace(page: Page): Promise<{ place: string; text: string }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return { place: 'body', text: '' };
    const place = active.closest('[data-testid]')?.getAttribute('data-testid') ?? active.closest('header, nav, main, dialog')?.tagName.toLowerCase() ?? '?';
    return { place, text: (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 60) };
  });
}

describe.runIf(hasChromium)('Accessibility of every page in Chromium', () => {
  let run: BrowserRun;
  /** Each page as the role whose page it is (the manager's unless said): sign-in before anyone signs in, a page refused. */
  let pages: { path: string; as?: DemoAccount | 'anonymous' }[];
  beforeAll(async () => {
    run = await startBrowserRun();
    const tickets = (await (await run.fetch('/api/tickets?limit=1', { headers: { accept: 'application/json' } })).json()) as TicketsResponse;
    const issues = (await (await run.fetch('/api/issues?limit=1', { headers: { accept: 'application/json' } })).json()) as IssueListResponse;
    const implemented = (await (await run.fetch('/api/suggestions?status=implemented&limit=50')).json()) as SuggestionListResponse;
    pages = [
      ...['/', '/explore', '/teams', '/issues', `/issues/${issues.issues[0]!.issue_id}`, '/feedback', '/customers', '/data', '/report', `/tickets/${tickets.tickets[0]!.ticket_id}`, '/account/password'].map((path) => ({ path })),
      { path: '/sign-in', as: 'anonymous' },
      { path: '/users', as: 'admin' },
      { path: '/users', as: 'agent' },
      { path: '/suggestions', as: 'agent' },
      { path: '/suggestions/inbox' },
      // An implemented one with its impact chart.
      { path: `/suggestions/${implemented.items.find((s) => s.issue_id !== null)!.suggestion_id}` },
    ];
  });
  afterAll(async () => run?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`meets WCAG 2 AA (axe-core, colour contrast included) on every page in the ${colorScheme} theme`, async () => {
      const found: string[] = [];
      for (const { path, as } of pages) {
        const { page } = await run.open(path, { colorScheme, as });
        await settle(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        found.push(...(await axeViolations(page)).map((line) => `${path}${as ? ` as ${as}` : ''} ${line}`));
        // The states a page opens into: the goal editor with its live preview, the drill-down dialog.
        if (path === '/') {
          await page.getByRole('button', { name: 'New goal' }).click();
          await page.getByTestId('goal-editor').waitFor();
          await page.waitForLoadState('networkidle');
          found.push(...(await axeViolations(page)).map((line) => `${path} (goal editor) ${line}`));
        }
        if (path === '/explore') {
          await page.getByTestId('headline-created').locator('button').click();
          await page.getByTestId('drilldown-row').first().waitFor({ timeout: 30_000 });
          found.push(...(await axeViolations(page)).map((line) => `${path} (drill-down) ${line}`));
        }
        await page.close();
      }
      expect(found).toEqual([]);
      // Seventeen pages, two opened states, axe on each: beyond the default two minutes on the shared 2-core machine.
    }, 420_000);
  }

  it('fits a 390 × 844 phone on every page: no sideways page scrolling, no control off the screen, WCAG 2 AA there too', async () => {
    const found: string[] = [];
    for (const { path, as } of pages) {
      const { page } = await run.open(path, { width: 390, as });
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      const { scrollWidth, outside } = await phoneOverflow(page);
      if (scrollWidth > 390) found.push(`${path}: the page is ${scrollWidth} px wide`);
      found.push(...outside.map((line) => `${path}: ${line}`));
      found.push(...(await axeViolations(page)).map((line) => `${path} ${line}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("reaches the filter bar, the figures and the cards' actions by keyboard in that order; the drill-down opens, keeps focus, and Escape returns it", async () => {
    const { page, problems } = await run.open('/explore');
    await settle(page);
    const visited: { place: string; text: string }[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      visited.push(await focusedPlace(page));
    }
    const first = (test: (stop: { place: string; text: string }) => boolean) => visited.findIndex(test);
    const order = {
      skipLink: first((v) => v.text === 'Skip to content'),
      nav: first((v) => v.place === 'nav'),
      filterBar: first((v) => v.place === 'filter-bar'),
      figure: first((v) => v.place.startsWith('headline-')),
      cardAction: first((v) => v.text === 'Download CSV'),
    };
    expect(order.skipLink, JSON.stringify(visited)).toBe(0);
    expect(Object.values(order).every((index) => index >= 0), JSON.stringify({ order, visited })).toBe(true);
    expect(order.nav).toBeLessThan(order.filterBar);
    expect(order.filterBar).toBeLessThan(order.figure);
    expect(order.figure).toBeLessThan(order.cardAction);

    // A headline figure by keyboard: Enter opens its tickets, focus moves into the dialog and stays there.
    for (let i = 0; (await focusedPlace(page)).place !== 'headline-created' && i < 120; i++) await page.keyboard.press('Shift+Tab');
    expect((await focusedPlace(page)).place).toBe('headline-created');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('drilldown');
    await dialog.waitFor({ state: 'visible' });
    // The table's one tab stop, a row's ticket link, once the rows are drawn: on a busy machine the first row can be
    // there a moment before its link takes tabindex 0.
    await page.getByTestId('drilldown-row').locator('a[tabindex="0"]').first().waitFor({ timeout: 30_000 });
    // The page behind is inert: Tab goes round the dialog's controls (and, past its last, to the browser's own).
    const inDialog: { place: string; text: string }[] = [];
    for (let i = 0; i < 16; i++) {
      inDialog.push(await focusedPlace(page));
      await page.keyboard.press('Tab');
    }
    expect(inDialog.filter((stop) => stop.place !== 'drilldown' && stop.place !== 'body' && !stop.place.startsWith('drilldown-')), JSON.stringify(inDialog)).toEqual([]);
    expect(inDialog[0]?.place, JSON.stringify(inDialog)).not.toBe('body');
    // One ticket link is a tab stop, however many rows: the rest are reached with the arrow keys.
    const links = inDialog.filter((stop) => stop.place === 'drilldown-row');
    expect(links.length, JSON.stringify(inDialog)).toBeGreaterThan(0);
    expect(new Set(links.map((stop) => stop.text)).size, JSON.stringify(inDialog)).toBe(1);
    const rowLinks = page.getByTestId('drilldown-row').locator('a');
    const firstTwo = [await rowLinks.nth(0).textContent(), await rowLinks.nth(1).textContent()];
    for (let i = 0; (await focusedPlace(page)).place !== 'drilldown-row' && i < 16; i++) await page.keyboard.press('Tab');
    expect(await focusedPlace(page)).toMatchObject({ place: 'drilldown-row', text: firstTwo[0]!.trim() });
    await page.keyboard.press('ArrowDown');
    expect(await focusedPlace(page)).toMatchObject({ place: 'drilldown-row', text: firstTwo[1]!.trim() });
    await page.keyboard.press('ArrowUp');
    expect(await focusedPlace(page)).toMatchObject({ place: 'drilldown-row', text: firstTwo[0]!.trim() });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedPlace(page)).toMatchObject({ place: 'headline-created' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names teams and providers, never their ids: the Teams trend by team and by provider, the drill-down’s Team column', async () => {
    const teams = ((await (await run.fetch('/api/teams')).json()) as { teams: { team_id: string; name: string }[] }).teams;
    const names = new Map(teams.map((t) => [t.team_id, t.name]));
    const { page, problems } = await run.open('/teams');
    const trend = page.getByTestId('compare-trend');
    const trendHeaders = async () => {
      await trend.locator('[data-rendered="true"]').waitFor({ timeout: 60_000 });
      await trend.getByRole('button', { name: 'Show table' }).click();
      const headers = await trend.getByTestId('chart-table').locator('thead th').allTextContents();
      await trend.getByRole('button', { name: 'Show chart' }).click();
      return headers.slice(1).filter((header) => header !== 'Total');
    };
    const byTeam = await trendHeaders();
    expect(byTeam.length).toBeGreaterThan(0);
    expect(byTeam.every((header) => [...names.values()].includes(header)), byTeam.join(', ')).toBe(true);
    await page.getByTestId('compare-by').selectOption('provider');
    await page.waitForURL(/compare=provider/);
    const byProvider = await trendHeaders();
    expect(byProvider.length).toBeGreaterThan(0);
    expect(byProvider.every((header) => ['In-house', 'Outsourced', 'Independent'].includes(header)), byProvider.join(', ')).toBe(true);
    await page.close();

    const explore = await run.open('/explore');
    await settle(explore.page);
    await explore.page.getByTestId('headline-created').locator('button').click();
    await explore.page.getByTestId('drilldown-row').first().waitFor({ timeout: 30_000 });
    const headers = await explore.page.getByTestId('drilldown-table').locator('[role="columnheader"]').allTextContents();
    const teamColumn = headers.findIndex((header) => header.trim() === 'Team');
    const shownTeams = await explore.page.getByTestId('drilldown-row').evaluateAll((rows, c) => rows.map((row) => row.querySelectorAll('[role="cell"]')[c]?.textContent?.trim() ?? ''), teamColumn);
    expect(teamColumn).toBeGreaterThan(0);
    expect(shownTeams.filter((team) => team !== '–' && ![...names.values()].includes(team))).toEqual([]);
    expect(shownTeams.some((team) => team !== '–')).toBe(true);
    expect([...problems, ...explore.problems]).toEqual([]);
    await explore.page.close();
  });

  it('shows the drill-down inside a 390 px phone: its wide table scrolls within the dialog, every control on the screen', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await run.open('/explore', { width: 390, colorScheme });
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      await page.getByTestId('headline-created').locator('button').click();
      await page.getByTestId('drilldown-row').first().waitFor({ timeout: 30_000 });
      const { scrollWidth, outside } = await phoneOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(390);
      expect(outside).toEqual([]);
      // The table is wider than the phone and scrolls inside itself: its last column is reached by scrolling it.
      const table = page.getByTestId('drilldown-table');
      expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
