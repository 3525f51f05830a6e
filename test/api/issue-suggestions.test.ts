// An issue's page lists the suggestions linked to it (GET /api/issues/:id `suggestions`): id, title, status and
// votes, most votes first; an anonymous one names no author here, whoever asks (the answer is cached per scope, not per
// person: the board names the author to the author and to managers).
// Issues set by hand (test/helpers/issue-fixture.ts); the suggestions and votes made here, so every count is known.
import { describe, expect, it } from 'vitest';
import { setHandIssues } from '../helpers/issue-fixture.ts';
import { useSuggestionApp } from '../helpers/suggestion-app.ts';

const fixture = useSuggestionApp(
  { ana: ['agent', 'zagreb'], ivo: ['agent', 'zagreb'], iva: ['lead', 'zagreb'], maja: ['manager', null] },
  '2026-01-20T12:00:00Z',
  setHandIssues,
);

type Linked = { suggestion_id: number; title: string; status: string; votes: number; anonymous: boolean; author: { display_name: string } | null };
const range = 'from=2026-01-01&to=2026-01-20';

async function linked(who: string, issue: number): Promise<Array<[string, number, string | null]>> {
  const { status, body } = await fixture.call<{ suggestions: Linked[] }>(who, 'GET', `/api/issues/${issue}?${range}`);
  expect(status).toBe(200);
  return body.suggestions.map((s) => [s.title, s.votes, s.author?.display_name ?? null]);
}

describe('an issue’s linked suggestions', () => {
  it('lists those linked to it, most votes first, each author as the asker may see them', async () => {
    const submit = async (who: string, body: object) => (await fixture.call(who, 'POST', '/api/suggestions', body)).body.suggestion_id;
    const macro = await submit('ana', { title: 'Refund macro', body: 'One reply for refunds.', issue_id: 1, anonymous: true });
    const invoices = await submit('ivo', { title: 'Invoice FAQ', body: 'A page customers can read.', issue_id: 1 });
    await submit('ivo', { title: 'Reset link', body: 'Self-service resets.', issue_id: 2 });
    await submit('ana', { title: 'Unlinked', body: 'About nothing in particular.' });
    for (const who of ['iva', 'maja', 'ana']) expect((await fixture.call(who, 'POST', `/api/suggestions/${invoices}/vote`)).status).toBe(200);
    expect((await fixture.call('maja', 'POST', `/api/suggestions/${macro}/vote`)).status).toBe(200);

    // Invoice FAQ: 3 votes (iva, maja, ana); Refund macro: 1 (maja), anonymous. Ivo asks first, so a cached answer
    // naming the author would reach the others (and a fresh one per person would differ).
    for (const who of ['ivo', 'iva', 'maja', 'ana']) expect(await linked(who, 1), who).toEqual([['Invoice FAQ', 3, 'ivo'], ['Refund macro', 1, null]]);
    expect(await linked('maja', 2)).toEqual([['Reset link', 0, 'ivo']]);
    const { body } = await fixture.call<{ suggestions: Linked[] }>('ivo', 'GET', `/api/issues/1?${range}`);
    expect(body.suggestions.map((s) => [s.suggestion_id, s.status, s.anonymous])).toEqual([[invoices, 'new', false], [macro, 'new', true]]);
  });
});
