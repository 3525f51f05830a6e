// Accounts in Chromium against the real server on the demo (issue 13 §1, §3): signing in (a wrong password is said
// so; `next` brings the person back to the page they asked for), a role's navigation and the panel on a page it may
// not open, another team's figures refused to an agent, signing out ending the session on the server, and the admin's
// Users page (add an account, an API token shown once, revoked). Screenshots of the sign-in and Users pages, light, dark and at 390 px, in test-results/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, resultsDir, startDemoBrowser, type DemoBrowser } from '../support/browser.ts';
import { demoPassword, sessionCookieName } from '../support/sign-in.ts';

describe.runIf(hasChromium)('Accounts in Chromium', () => {
  let run: DemoBrowser;
  beforeAll(async () => (run = await startDemoBrowser()));
  afterAll(async () => run?.stop());

  const pathOf = (page: Page) => {
    const url = new URL(page.url());
    return `${url.pathname}${url.search}`;
  };

  /** A page nobody is signed in on, recording uncaught errors (a 401's console line is expected here, not a problem). */
  async function anonymousPage(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
    const page = await run.browser.newPage({ viewport: { width: options.width ?? 1200, height: 860 }, colorScheme: options.colorScheme ?? 'light' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    return { page, problems };
  }

  async function signInOnPage(page: Page, username: string, password: string) {
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('sends an anonymous visit to sign-in; a wrong password is said (announced, focused) and a right one returns to the page asked for', async () => {
    const { page, problems } = await anonymousPage();
    await page.goto(`${run.base}/teams?range=30d`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(pathOf(page)).toBe(`/sign-in?next=${encodeURIComponent('/teams?range=30d')}`);
    // The first field has the focus; the navigation is not shown to nobody.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-username');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    await signInOnPage(page, 'lead', 'not the password');
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('Wrong user name or password');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-in-error');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await signInOnPage(page, 'lead', demoPassword(run.database, 'lead'));
    await page.waitForURL((url) => url.pathname === '/teams');
    expect(pathOf(page)).toBe('/teams?range=30d');
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBeTruthy();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says when to try again once an account has failed too often (429, the server’s sentence)', async () => {
    const { page, problems } = await anonymousPage();
    await page.goto(`${run.base}/sign-in`);
    const error = page.getByTestId('sign-in-error');
    // The server takes 5 failures per account in 15 minutes (api/auth/rate-limit.ts); the 6th try is refused unread.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signInOnPage(page, 'e2e.throttled', `wrong ${attempt}`);
      await expect.poll(() => error.textContent()).toContain('Wrong user name or password');
      await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':enabled')).waitFor();
    }
    await signInOnPage(page, 'e2e.throttled', 'wrong 6');
    await expect.poll(() => error.textContent()).toContain('Too many sign-in attempts');
    expect(await error.textContent()).toMatch(/try again/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an agent only their pages: no Users in the navigation, and /users opened directly says their role may not open it', async () => {
    const page = await run.newPage({ viewport: { width: 1200, height: 860 } }, 'agent');
    const usersAsked: string[] = [];
    page.on('request', (request) => new URL(request.url()).pathname.startsWith('/api/users') && usersAsked.push(request.url()));
    await page.goto(`${run.base}/users`);
    const panel = page.getByTestId('not-allowed');
    await panel.waitFor();
    expect((await panel.textContent())?.replace(/\s+/g, ' ')).toContain('Your role (agent) can’t open Users');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
    expect(links.length).toBeGreaterThan(0);
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Data');
    // Not a page drawn and refused piece by piece: nothing asked the users' route.
    expect(usersAsked).toEqual([]);
    // The server refuses the agent too (the panel is not the only guard).
    expect((await run.fetch('/api/users', {}, 'agent')).status).toBe(403);
    await page.close();

    // An admin's navigation has Users, and the page lists the accounts.
    const admin = await run.newPage({ viewport: { width: 1200, height: 860 } }, 'admin');
    await admin.goto(`${run.base}/users`);
    await admin.getByTestId('users-table').waitFor();
    expect(await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(1);
    await admin.close();
  });

  it('refuses an agent another team’s figures: Teams is not their page, and Explore asked for another team says the scope, not its numbers', async () => {
    const page = await run.newPage({ viewport: { width: 1200, height: 860 } }, 'agent');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const refused: string[] = [];
    page.on('response', (response) => response.status() === 403 && refused.push(new URL(response.url()).pathname));

    await page.goto(`${run.base}/teams?team=london`);
    const panel = page.getByTestId('not-allowed');
    await panel.waitFor();
    expect((await panel.textContent())?.replace(/\s+/g, ' ')).toContain('Your role (agent) can’t open Teams');

    // The demo agent is in Zagreb; London in the URL is refused by the API (403 problem) and said on the card.
    await page.goto(`${run.base}/explore?team=london`);
    const card = page.getByTestId('explorer-card');
    const error = card.getByTestId('state-error');
    await error.waitFor();
    expect(await error.locator('.message-title').textContent()).toBe('Outside your scope');
    expect(await error.locator('.message-detail').textContent()).toMatch(/An agent sees the figures of their own team \(Zagreb Support\) only\.$/);
    expect(await page.getByTestId('volume-chart').count()).toBe(0);
    expect(await page.getByTestId('volume-total').count()).toBe(0);
    expect(refused.some((path) => path.startsWith('/api/metrics/'))).toBe(true);

    // Their own team in the URL draws the figures: the refusal is the scope's, not a broken page.
    await page.goto(`${run.base}/explore?team=zagreb`);
    await page.locator('[data-testid="volume-chart"][data-rendered="true"]').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ends the session on signing out: Back and a reopened page go to sign-in, and the old cookie is refused', async () => {
    const { page, problems } = await anonymousPage();
    await page.goto(`${run.base}/sign-in`);
    await signInOnPage(page, 'manager', demoPassword(run.database, 'manager'));
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${run.base}/explore`);
    await page.getByTestId('volume-chart').waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === sessionCookieName)!;
    expect(cookie.httpOnly).toBe(true);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect((await page.context().cookies()).some((c) => c.name === sessionCookieName)).toBe(false);

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/explore');
    await page.goto(`${run.base}/teams`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(pathOf(page)).toBe('/sign-in?next=%2Fteams');
    expect((await page.request.get(`${run.base}/api/auth/me`)).status()).toBe(401);
    // Revoked on the server, not only forgotten by the browser: the cookie sent again is refused.
    const replayed = await fetch(`${run.base}/api/auth/me`, { headers: { cookie: `${sessionCookieName}=${cookie.value}` } });
    expect(replayed.status).toBe(401);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets an admin add an account, create an API token shown once, and revoke it', async () => {
    const page = await run.newPage({ viewport: { width: 1200, height: 900 } }, 'admin');
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${run.base}/users`);
    await page.getByTestId('users-table').waitFor();

    const form = page.getByTestId('add-user');
    await form.getByLabel('User name').fill('e2e.agent');
    await form.getByLabel('Name shown').fill('Edda Two');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByLabel('Team').selectOption({ label: 'Zagreb Support' });
    await form.getByLabel('First password').fill('a long enough password');
    await form.getByRole('button', { name: 'Add user' }).click();
    expect(await page.getByTestId('add-user-message').textContent()).toContain('Added e2e.agent (agent)');
    const added = page.locator('[data-testid="user-row"][data-username="e2e.agent"]');
    await added.waitFor();
    expect(await added.locator('[data-col="role"]').textContent()).toBe('agent');
    // The new account signs in with that password.
    const signIn = await fetch(`${run.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'e2e.agent', password: 'a long enough password' }),
    });
    expect(signIn.status).toBe(200);

    const tokens = page.getByTestId('tokens');
    await tokens.getByLabel('Name').fill('nightly export');
    await tokens.getByLabel('Role').selectOption('manager');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const value = await page.getByTestId('token-value').inputValue();
    expect(value).toMatch(/^sp_/);
    // The token works as a manager's Bearer token, without a cookie or CSRF token.
    expect((await fetch(`${run.base}/api/goals`, { headers: { authorization: `Bearer ${value}` } })).status).toBe(200);
    const row = page.locator('[data-testid="token-row"][data-name="nightly export"]');
    await row.waitFor();
    expect(await page.getByTestId('tokens-table').textContent()).not.toContain(value);
    await page.screenshot({ path: join(resultsDir, 'users-light.png'), fullPage: true });

    await row.getByTestId('token-revoke').click();
    await page.getByTestId('tokens-message').waitFor();
    // The list says so, and offers no second revoke.
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('Revoked');
    expect(await row.getByTestId('token-revoke').count()).toBe(0);
    expect((await fetch(`${run.base}/api/goals`, { headers: { authorization: `Bearer ${value}` } })).status).toBe(401);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the sign-in and Users pages in light, dark and at a 390 px phone (screenshots)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1200, 390]) {
        const name = `${colorScheme}${width === 390 ? '-phone' : ''}`;
        const { page } = await anonymousPage({ width, colorScheme });
        await page.goto(`${run.base}/sign-in`);
        await signInOnPage(page, 'nobody', 'wrong password');
        await page.getByTestId('sign-in-error').waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(resultsDir, `sign-in-${name}.png`), fullPage: true });
        await page.close();

        const admin = await run.newPage({ viewport: { width, height: 860 }, colorScheme }, 'admin');
        await admin.goto(`${run.base}/users`);
        await admin.getByTestId('users-table').waitFor();
        await admin.getByTestId('tokens').locator('[data-testid="state-loading"]').waitFor({ state: 'detached' });
        expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (width === 390) {
          await admin.getByTestId('user-menu').click();
          await admin.screenshot({ path: join(resultsDir, `users-${name}-menu.png`) });
          await admin.getByTestId('user-menu').click();
        }
        await admin.screenshot({ path: join(resultsDir, `users-${name}.png`), fullPage: true });
        await admin.close();
      }
    }
  });
});
