// The Customers page in Chromium against the real server on the demo: the flagged customers shown are the ones the
// API lists (the demo's organisation file flags a few abusive or legal threat), the repeat contacters' count is the
// API's and a customer's ticket count opens that many of their tickets in the drill-down; a lead flags a repeat contacter, reloads the page and finds them among the flagged with their name and note,
// then unflags them. The repeat contacters come a page at a time ("show more"), asked with the filters in the URL.
// Screenshots in test-results/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlaggedCustomersResponse, RepeatContactersResponse } from '../../api/contracts.ts';
import { hasChromium, resultsDir, startBrowserRun, type BrowserRun } from '../support/browser.ts';

describe.runIf(hasChromium)('Customers page in Chromium', () => {
  let run: BrowserRun;
  beforeAll(async () => (run = await startBrowserRun()));
  afterAll(async () => run?.close());

  const isPath = (path: string) => (url: string) => new URL(url).pathname === path;

  /** The flagged list as the API gives it now, asked from here. */
  async function flaggedNow(): Promise<FlaggedCustomersResponse> {
    const response = await run.fetch(`/api/customers/flagged`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    return (await response.json()) as FlaggedCustomersResponse;
  }

  it('lists the flagged customers and the repeat contacters the API has; a flag set on the page is there after a reload', async () => {
    const { page, problems } = await run.open('/customers');
    const [flaggedAnswer, repeatAnswer] = await Promise.all([
      page.waitForResponse((r) => isPath('/api/customers/flagged')(r.url())).then(async (r) => (await r.json()) as FlaggedCustomersResponse),
      page.waitForResponse((r) => isPath('/api/customers/repeat')(r.url())).then(async (r) => (await r.json()) as RepeatContactersResponse),
    ]);

    // The demo's organisation file flags some customers abusive or legal threat; the page shows exactly the API's.
    const api = await flaggedNow();
    expect(api.customers.length).toBeGreaterThan(0);
    expect(flaggedAnswer.customers.map((c) => c.customer_id)).toEqual(api.customers.map((c) => c.customer_id));
    const flaggedRows = page.getByTestId('flagged-row');
    await flaggedRows.first().waitFor({ timeout: 30_000 });
    expect(await flaggedRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer')))).toEqual(api.customers.map((c) => c.customer_id));
    for (const customer of api.customers) {
      const shown = await page.locator(`[data-testid="flagged-row"][data-customer="${customer.customer_id}"] [data-testid="flag"]`)
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-flag')));
      expect(shown, customer.customer_id).toEqual(customer.flags.map((f) => f.flag));
    }

    // Repeat contacters: the count shown is the API's, a row per customer listed.
    expect(repeatAnswer.total).toBeGreaterThan(0);
    await page.getByTestId('repeat-row').first().waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId('repeat-total').getAttribute('data-value'))).toBe(repeatAnswer.total);
    expect(await page.getByTestId('repeat-row').count()).toBe(repeatAnswer.customers.length);
    await page.screenshot({ path: join(resultsDir, 'customers-light.png'), fullPage: true });

    // The list comes a page at a time: "show more" appends the API's next page, no customer twice.
    expect(repeatAnswer.next_cursor).not.toBeNull();
    const [more] = await Promise.all([
      page.waitForResponse((r) => isPath('/api/customers/repeat')(r.url()) && new URL(r.url()).searchParams.get('cursor') === repeatAnswer.next_cursor),
      page.getByTestId('repeat-more').click(),
    ]);
    const secondPage = (await more.json()) as RepeatContactersResponse;
    const bothPages = [...repeatAnswer.customers, ...secondPage.customers].map((c) => c.customer_id);
    await expect.poll(() => page.getByTestId('repeat-row').count(), { timeout: 20_000 }).toBe(bothPages.length);
    expect(await page.getByTestId('repeat-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer')))).toEqual(bothPages);
    expect(new Set(bothPages).size).toBe(bothPages.length);

    // The first repeat contacter's ticket count opens their tickets in the drill-down: as many as the count.
    const first = repeatAnswer.customers[0]!;
    const [drilled] = await Promise.all([
      page.waitForResponse((r) => isPath('/api/tickets')(r.url()) && new URL(r.url()).searchParams.get('requester') === first.customer_id),
      page.locator(`[data-testid="repeat-row"][data-customer="${first.customer_id}"] [data-testid="customer-tickets"]`).click(),
    ]);
    const page1 = (await drilled.json()) as { total: number; tickets: { ticket_id: number; requester_id: string | null }[] };
    expect(page1.total).toBe(first.tickets);
    expect(new Set(page1.tickets.map((t) => t.requester_id))).toEqual(new Set([first.customer_id]));
    const table = page.getByTestId('drilldown-table');
    await expect.poll(async () => Number(await table.getAttribute('aria-rowcount')) - 1, { timeout: 20_000 }).toBe(first.tickets);
    await page.getByTestId('drilldown').getByRole('button', { name: 'Close the tickets' }).click();
    await expect.poll(() => page.getByTestId('drilldown').isVisible()).toBe(false);

    // A lead flags a repeat contacter who has no warning flag yet, from the row's button.
    const flaggedIds = new Set(api.customers.map((c) => c.customer_id));
    const chosen = repeatAnswer.customers.find((c) => !flaggedIds.has(c.customer_id))!;
    expect(chosen).toBeDefined();
    await page.locator(`[data-testid="repeat-row"][data-customer="${chosen.customer_id}"] [data-testid="flag-pick"]`).click();
    expect(await page.getByTestId('flag-customer').inputValue()).toBe(chosen.customer_id);
    await page.getByTestId('flag-kind').selectOption('legal_threat');
    await page.getByTestId('flag-note').fill('Mentioned a lawyer on the phone');
    const [put] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/api/customers/${chosen.customer_id}/flags/legal_threat`)),
      page.getByTestId('flag-set').click(),
    ]);
    expect(put.status()).toBe(200);
    await page.getByTestId('flag-message').waitFor();
    expect(await page.getByTestId('flag-message').textContent()).toContain('Flagged');

    // After a reload the flagged list has them, with who and why, as the API has it.
    await page.reload();
    const row = page.locator(`[data-testid="flagged-row"][data-customer="${chosen.customer_id}"]`);
    await row.waitFor({ timeout: 30_000 });
    const flag = row.locator('[data-testid="flag"][data-flag="legal_threat"]');
    // Who flagged is the signed-in account.
    const me = (await (await run.fetch('/api/auth/me')).json()) as { user: { display_name: string } };
    expect(await flag.textContent()).toContain(`by ${me.user.display_name}`);
    expect(await flag.textContent()).toContain('Mentioned a lawyer on the phone');
    const after = await flaggedNow();
    const listed = after.customers.find((c) => c.customer_id === chosen.customer_id);
    expect(listed?.flags.map((f) => [f.flag, f.origin, f.set_by, f.note])).toEqual([['legal_threat', 'lead', me.user.display_name, 'Mentioned a lawyer on the phone']]);
    expect(await page.getByTestId('flagged-row').count()).toBe(after.customers.length);
    await page.screenshot({ path: join(resultsDir, 'customers-flagged.png'), fullPage: true });

    // Unflagging takes them off the list; the API keeps the flag in their history.
    await row.getByTestId('flag-pick').click();
    await page.getByTestId('flag-kind').selectOption('legal_threat');
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes(`/api/customers/${chosen.customer_id}/flags/legal_threat`)),
      page.getByTestId('flag-clear').click(),
    ]);
    expect(deleted.status()).toBe(200);
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    expect((await flaggedNow()).customers.map((c) => c.customer_id)).toEqual(api.customers.map((c) => c.customer_id));

    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the filters in the URL: the repeat contacters and their next page are asked with them', async () => {
    const { page, problems } = await run.open('/customers?requester_kind=external');
    const asked = (url: string) => isPath('/api/customers/repeat')(url) && new URL(url).searchParams.getAll('requester_kind').join() === 'external';
    const firstPage = (await (await page.waitForResponse((r) => asked(r.url()))).json()) as RepeatContactersResponse;
    await page.getByTestId('repeat-row').first().waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId('repeat-total').getAttribute('data-value'))).toBe(firstPage.total);
    // The demo's external repeat contacters (all but a few internal ones) fill more than one page.
    expect(firstPage.next_cursor).not.toBeNull();
    const [more] = await Promise.all([
      page.waitForResponse((r) => asked(r.url()) && new URL(r.url()).searchParams.get('cursor') === firstPage.next_cursor),
      page.getByTestId('repeat-more').click(),
    ]);
    expect(more.status()).toBe(200);
    expect(new URL(page.url()).searchParams.getAll('requester_kind')).toEqual(['external']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
