// The suggestions loop in Chromium against the real server on the demo (issue 13 §3): an agent signs in, lands on the
// board and submits; a second agent votes; the manager finds it in the inbox with how long it has waited, answers and
// accepts it (a decline without a reason first, whose problem shows beside the reason); the first agent sees the
// answer. Markup in a title and body is shown as text and never runs; an implemented demo suggestion linked to a
// recurring problem shows its impact chart with the API's verdict. Screenshots of the board and the inbox, light,
// dark and at 390 px, in test-results/.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestionDetailResponse, SuggestionImpactResponse, SuggestionListResponse } from '../../api/contracts.ts';
import { axeViolations } from '../support/axe.ts';
import { hasChromium, resultsDir, startDemoBrowser, type DemoAccount, type DemoBrowser } from '../support/browser.ts';
import { demoPassword } from '../support/sign-in.ts';

describe.runIf(hasChromium)('Suggestions in Chromium', () => {
  let run: DemoBrowser;
  beforeAll(async () => (run = await startDemoBrowser()));
  afterAll(async () => run?.stop());

  /** A page signed in as `as`, recording uncaught errors. */
  async function pageAs(as: DemoAccount | 'anonymous', options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
    const page = await run.newPage({ viewport: { width: options.width ?? 1200, height: 900 }, colorScheme: options.colorScheme ?? 'light' }, as);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    return { page, problems };
  }

  const item = (page: Page, testId: string, id: number): Locator => page.locator(`[data-testid="${testId}"][data-id="${id}"]`);

  async function apiJson<T>(path: string, as: DemoAccount): Promise<T> {
    const response = await run.fetch(path, {}, as);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** Submits a suggestion through the board's form (linked to the `issue` picker's option of that index) and returns its id (the API's newest of the agent's own). */
  async function submitOnBoard(page: Page, title: string, body: string, issue?: number): Promise<number> {
    const form = page.getByTestId('submit-suggestion');
    await form.getByTestId('submit-title').fill(title);
    await form.getByTestId('submit-body').fill(body);
    if (issue !== undefined) {
      // The picker's options come from GET /api/issues once the dashboard's range is known.
      await expect.poll(() => form.getByTestId('submit-issue').locator('option').count()).toBeGreaterThan(issue);
      await form.getByTestId('submit-issue').selectOption({ index: issue });
    }
    await form.getByTestId('submit-button').click();
    await expect.poll(() => form.getByTestId('submit-done').textContent()).toBe(`Submitted “${title}”.`);
    const mine = await apiJson<SuggestionListResponse>('/api/suggestions?mine=true&sort=newest&limit=1', 'agent');
    expect(mine.items[0]!.title).toBe(title);
    return mine.items[0]!.suggestion_id;
  }

  let submittedId = 0;
  const title = `Show the customer's last three tickets beside the reply box (${Date.now()})`;

  it('an agent lands on the board, submits; a second agent votes; the manager answers and accepts it; the agent sees the answer', async () => {
    // Signing in with no page asked for lands an agent on the board.
    const { page: agent, problems } = await pageAs('anonymous');
    await agent.goto(`${run.base}/`);
    await agent.waitForURL((url) => url.pathname === '/sign-in');
    await agent.getByLabel('User name').fill('agent');
    await agent.getByLabel('Password').fill(demoPassword(run.database, 'agent'));
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.waitForURL((url) => url.pathname === '/suggestions');
    expect(await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Suggestions' }).getAttribute('aria-current')).toBe('page');
    // The agent has no inbox tab.
    expect(await agent.getByTestId('suggestions-tab').count()).toBe(0);

    // A title over the API's limit is refused beside the title field, in the API's words.
    const form = agent.getByTestId('submit-suggestion');
    await form.getByTestId('submit-title').fill('x'.repeat(201));
    await form.getByTestId('submit-body').fill('Too long a title.');
    await form.getByTestId('submit-button').click();
    await expect.poll(() => form.getByTestId('submit-title-error').textContent()).toBe('title: at most 200 characters (this one has 201).');
    expect(await form.getByTestId('submit-title').getAttribute('aria-invalid')).toBe('true');

    submittedId = await submitOnBoard(agent, title, 'When I answer, I keep opening their history in another tab.\nThe last three would do.', 1);
    // Linked to the recurring problem picked (the list's first, the one with most tickets), as the API stored it.
    const picked = Number(await agent.getByTestId('submit-issue').locator('option').nth(1).getAttribute('value'));
    expect((await apiJson<SuggestionDetailResponse>(`/api/suggestions/${submittedId}`, 'agent')).issue_id).toBe(picked);
    const onBoard = item(agent, 'suggestion', submittedId);
    await onBoard.waitFor();
    expect(await onBoard.getByTestId('suggestion-title').textContent()).toBe(title);
    expect(await onBoard.getByTestId('suggestion-status').getAttribute('data-value')).toBe('new');
    expect(await onBoard.getByTestId('vote-count').textContent()).toBe('0');
    // "Only mine" lists the agent's own: as many as the API counts for them, this one among them.
    await agent.getByTestId('board-mine').check();
    await agent.waitForURL((url) => url.searchParams.get('mine') === '1');
    const mineTotal = (await apiJson<SuggestionListResponse>('/api/suggestions?mine=true&limit=1', 'agent')).total;
    await expect.poll(() => agent.getByTestId('suggestions-total').getAttribute('data-value')).toBe(String(mineTotal));
    await item(agent, 'suggestion', submittedId).waitFor();
    expect(await agent.getByTestId('suggestion-author').allTextContents()).toEqual(Array(mineTotal).fill(await agent.getByTestId('user-name').textContent().then((n) => `${n} (you)`)));
    await agent.getByTestId('board-mine').uncheck();

    // A second agent votes for it: the count says 1 and the button is pressed; the API agrees.
    const { page: agent2, problems: problems2 } = await pageAs('agent2');
    await agent2.goto(`${run.base}/suggestions`);
    const theirs = item(agent2, 'suggestion', submittedId);
    await theirs.waitFor();
    await theirs.getByTestId('vote-button').click();
    await expect.poll(() => theirs.getByTestId('vote-count').textContent()).toBe('1');
    expect(await theirs.getByTestId('vote-button').getAttribute('aria-pressed')).toBe('true');
    const afterVote = await apiJson<SuggestionDetailResponse>(`/api/suggestions/${submittedId}`, 'agent2');
    expect([afterVote.votes, afterVote.voted]).toEqual([1, true]);
    await agent2.close();

    // The manager's inbox lists it, never answered, with how long it has waited (it was just submitted).
    const { page: manager, problems: managerProblems } = await pageAs('manager');
    await manager.goto(`${run.base}/suggestions/inbox`);
    const waiting = item(manager, 'inbox-item', submittedId);
    await waiting.waitFor();
    expect(await waiting.getByTestId('inbox-waiting').textContent()).toMatch(/^waiting (under a minute|[1-9]\d? minutes?)$/);
    // The order, worked out here from every open suggestion: never answered first, then oldest first (ids break ties).
    const open = await apiJson<SuggestionListResponse>('/api/suggestions?status=new,under_review,accepted,in_progress&limit=200', 'manager');
    const expected = [...open.items]
      .sort((a, b) => Number(a.first_response_at !== null) - Number(b.first_response_at !== null) || a.created_at.localeCompare(b.created_at) || a.suggestion_id - b.suggestion_id)
      .map((s) => s.suggestion_id);
    const inboxIds = await manager.getByTestId('inbox-item').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-id'))));
    expect(inboxIds).toEqual(expected);

    await waiting.getByTestId('inbox-answer').click();
    const move = waiting.getByTestId('move-form');
    await move.waitFor();
    // Declining without a reason: the API's 422 is shown beside the reason field, and nothing moved.
    await move.getByTestId('move-to').selectOption('declined');
    await move.getByTestId('move-submit').click();
    const reasonError = move.locator('[id$="-reason-error"]');
    await reasonError.waitFor();
    const refused = await run.fetch(`/api/suggestions/${submittedId}/move`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: 'declined' }) }, 'manager');
    expect(refused.status).toBe(422);
    expect(await reasonError.textContent()).toBe(((await refused.json()) as { detail: string }).detail);

    // new → under_review → accepted, the answer given with the second move.
    await move.getByTestId('move-to').selectOption('under_review');
    await move.getByTestId('move-submit').click();
    await expect.poll(() => waiting.getByTestId('move-done').textContent()).toBe('Moved to Under review.');
    await expect.poll(() => move.getByTestId('move-to').inputValue()).toBe('accepted');
    const answer = 'Good idea: we will add the last three tickets to the side panel next sprint.';
    await move.getByTestId('move-response').fill(answer);
    await move.getByTestId('move-submit').click();
    await expect.poll(() => waiting.getByTestId('move-done').textContent()).toBe('Moved to Accepted.');
    expect(await waiting.getByTestId('suggestion-status').getAttribute('data-value')).toBe('accepted');
    // The manager's view of the suggestion has its audit trail: what this test did, in order, the answer's text kept.
    await manager.goto(`${run.base}/suggestions/${submittedId}`);
    const trail = manager.getByTestId('audit-trail');
    await trail.getByText('Show every change').click();
    const events = trail.getByTestId('audit-event');
    expect(await events.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')))).toEqual(['create', 'vote', 'move', 'move', 'response']);
    expect(await events.nth(3).textContent()).toContain('moved it from Under review to Accepted');
    expect(await events.nth(4).textContent()).toContain(answer);
    await manager.close();

    // The author reloads the board and sees the status and the answer, marked as the latest response.
    await agent.reload();
    const answered = item(agent, 'suggestion', submittedId);
    await answered.waitFor();
    expect(await answered.getByTestId('suggestion-status').getAttribute('data-value')).toBe('accepted');
    const response = answered.getByTestId('suggestion-response');
    expect(await response.locator('.text').textContent()).toBe(answer);
    expect(await response.textContent()).toContain('Latest response');
    expect(await response.textContent()).toContain('Helena Matić');
    // The audit trail is the managers' (it names anonymous authors): not on the agent's view of it.
    await agent.goto(`${run.base}/suggestions/${submittedId}`);
    await agent.getByTestId('suggestion-detail').waitFor();
    expect(await agent.getByTestId('audit-trail').count()).toBe(0);
    await agent.goto(`${run.base}/suggestions`);
    // …and in the Accepted tab.
    await agent.getByTestId('status-tabs').getByRole('radio', { name: /^Accepted/ }).check();
    await agent.waitForURL((url) => url.searchParams.get('status') === 'accepted');
    await item(agent, 'suggestion', submittedId).waitFor();
    await agent.close();
    expect([...problems, ...problems2, ...managerProblems]).toEqual([]);
  });

  it('gives a lead their team’s open suggestions in the inbox, and tells an agent the inbox is not theirs', async () => {
    const { page: lead, problems } = await pageAs('lead');
    await lead.goto(`${run.base}/suggestions/inbox`);
    await lead.getByTestId('inbox-item').first().waitFor();
    const me = await apiJson<{ user: { team_id: string } }>('/api/auth/me', 'lead');
    const expected = await apiJson<SuggestionListResponse>(`/api/suggestions?status=new,under_review,accepted,in_progress&team=${me.user.team_id}&limit=200`, 'manager');
    expect(expected.total).toBeGreaterThan(0);
    const ids = await lead.getByTestId('inbox-item').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-id'))));
    expect(ids.sort((a, b) => a - b)).toEqual(expected.items.map((s) => s.suggestion_id).sort((a, b) => a - b));
    await lead.close();

    const { page: agent, problems: agentProblems } = await pageAs('agent');
    await agent.goto(`${run.base}/suggestions/inbox`);
    await agent.getByTestId('inbox-not-allowed').waitFor();
    expect(await agent.getByTestId('inbox-item').count()).toBe(0);
    await agent.close();
    expect([...problems, ...agentProblems]).toEqual([]);
  });

  it('shows markup in a title and a body as literal text on the board and the suggestion’s page; none of it runs', async () => {
    const { page, problems } = await pageAs('agent');
    await page.goto(`${run.base}/suggestions`);
    await page.getByTestId('submit-suggestion').waitFor();
    const xssTitle = '<script>window.__xss=1</script>';
    const xssBody = '<img src=x onerror="window.__xss=2"> and <b>bold</b>';
    const id = await submitOnBoard(page, xssTitle, xssBody);
    const onBoard = item(page, 'suggestion', id);
    await onBoard.waitFor();
    expect(await onBoard.getByTestId('suggestion-title').textContent()).toBe(xssTitle);
    expect(await onBoard.getByTestId('suggestion-body').textContent()).toBe(xssBody);
    expect(await onBoard.locator('img, script, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

    await onBoard.getByTestId('suggestion-title').click();
    await page.waitForURL((url) => url.pathname === `/suggestions/${id}`);
    const detail = page.getByTestId('suggestion-detail');
    await detail.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(xssTitle);
    expect(await detail.getByTestId('suggestion-body').textContent()).toBe(xssBody);
    // A comment with markup is text too.
    await detail.getByTestId('comment-input').fill(xssBody);
    await detail.getByTestId('comment-submit').click();
    const comment = detail.getByTestId('comment').last();
    await expect.poll(() => comment.getByTestId('comment-body').textContent()).toBe(xssBody);
    expect(await detail.locator('[data-testid="suggestion-card"] img, [data-testid="comments"] img, [data-testid="comments"] b').count()).toBe(0);
    expect(await page.title()).toBe(`${xssTitle} · ServicePulse`);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an implemented demo suggestion’s impact chart with the API’s verdict', async () => {
    const implemented = await apiJson<SuggestionListResponse>('/api/suggestions?status=implemented&limit=50', 'agent');
    const linked = implemented.items.find((s) => s.issue_id !== null);
    expect(linked, 'the demo has an implemented suggestion linked to a recurring problem').toBeDefined();
    const impact = await apiJson<SuggestionImpactResponse>(`/api/suggestions/${linked!.suggestion_id}/impact`, 'agent');
    expect(impact.before.length + impact.after.length).toBeGreaterThan(0);

    const { page, problems } = await pageAs('agent');
    await page.goto(`${run.base}/suggestions/${linked!.suggestion_id}`);
    const card = page.getByTestId('impact');
    const chart = card.getByTestId('impact-chart');
    await chart.and(page.locator('[data-rendered="true"]')).waitFor();
    expect(await card.getByTestId('impact-verdict').textContent()).toBe(impact.message);
    expect(await card.getByTestId('impact-verdict').getAttribute('data-status')).toBe(impact.status);
    // What is drawn is the API's weeks: the chart's description lists them (format in suggestion-impact.ts).
    const label = (await chart.getAttribute('aria-label')) ?? '';
    expect(label).toContain(`${impact.source!.label}, ${impact.before.length} weeks before and ${impact.after.length} after ${impact.implemented_on}.`);
    expect(label).toContain(`Before: ${impact.before.map((w) => `${w.week} = ${w.value ?? 'no value'}`).join(', ')}.`);
    expect(label).toContain(`After: ${impact.after.map((w) => `${w.week} = ${w.value ?? 'no value'}`).join(', ')}.`);
    expect(await page.getByTestId('suggestion-implemented-on').textContent()).toContain('Implemented on');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, 'suggestion-impact-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the board and the inbox in light, dark and at a 390 px phone (screenshots), meeting WCAG 2 AA (axe)', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1200, 390]) {
        const name = `${colorScheme}${width === 390 ? '-phone' : ''}`;
        const { page: agent } = await pageAs('agent', { width, colorScheme });
        await agent.goto(`${run.base}/suggestions`);
        await agent.getByTestId('suggestion').first().waitFor();
        await agent.locator('[data-testid="status-tab"][data-status="new"]').filter({ hasText: /\(\d+\)/ }).waitFor();
        expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        found.push(...(await axeViolations(agent)).map((line) => `board ${name}: ${line}`));
        await agent.screenshot({ path: join(resultsDir, `suggestions-board-${name}.png`), fullPage: true });
        await agent.close();

        const { page: manager } = await pageAs('manager', { width, colorScheme });
        await manager.goto(`${run.base}/suggestions/inbox`);
        const first = manager.getByTestId('inbox-item').first();
        await first.waitFor();
        await first.getByTestId('inbox-answer').click();
        await first.getByTestId('move-form').waitFor();
        expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        found.push(...(await axeViolations(manager)).map((line) => `inbox ${name}: ${line}`));
        await manager.screenshot({ path: join(resultsDir, `suggestions-inbox-${name}.png`), fullPage: true });
        await manager.close();
      }
    }
    expect(found).toEqual([]);
  });
});
