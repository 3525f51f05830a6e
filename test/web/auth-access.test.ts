// Which page a path is, who may open it, where signing in leads (web/src/lib/auth/access.ts). Expected values are the
// contract's page ids written out by hand (docs/accounts.md), not read from the navigation list.
import { describe, expect, it } from 'vitest';
import { accessOf, homeOf, mayOpen, pagesFor, safeNext, signInHref } from '../../web/src/lib/auth/access';

describe('page access', () => {
  it('names each page by its contract id, a page below a page by its parent', () => {
    expect(accessOf('/')).toEqual({ kind: 'page', id: 'goals', label: 'Goals' });
    expect(accessOf('/users')).toEqual({ kind: 'page', id: 'users', label: 'Users' });
    expect(accessOf('/issues/42')).toEqual({ kind: 'page', id: 'issues', label: 'Recurring problems' });
    expect(accessOf('/data')).toEqual({ kind: 'page', id: 'data', label: 'Data' });
  });

  it('lets anyone open sign-in, and anyone signed in their account, a ticket and an unknown path (the 404 page)', () => {
    expect(accessOf('/sign-in')).toEqual({ kind: 'public' });
    expect(accessOf('/account/password')).toEqual({ kind: 'signed-in' });
    expect(accessOf('/tickets/7')).toEqual({ kind: 'signed-in' });
    expect(accessOf('/no-such-page')).toEqual({ kind: 'signed-in' });
    // Not a prefix match on text: '/usersettings' is not the Users page.
    expect(accessOf('/usersettings')).toEqual({ kind: 'signed-in' });
  });

  it('opens only the pages of the role; the navigation lists them in the app’s order', () => {
    const agent = ['suggestions', 'feedback', 'overview', 'teams'] as const;
    expect(mayOpen('/users', agent)).toBe(false);
    expect(mayOpen('/', agent)).toBe(false);
    expect(mayOpen('/teams', agent)).toBe(true);
    expect(mayOpen('/tickets/3', agent)).toBe(true);
    expect(pagesFor(agent).map((p) => p.path)).toEqual(['/teams', '/feedback', '/suggestions']);
    expect(homeOf(agent)).toBe('/teams');
    expect(homeOf(['users'])).toBe('/users');
    expect(homeOf([])).toBe('/account/password');
  });

  it('lands an agent on the suggestions board, other roles on their first page', () => {
    const pagesOfAgent = ['overview', 'explore', 'feedback', 'goals', 'issues', 'suggestions'] as const;
    expect(homeOf(pagesOfAgent, 'agent')).toBe('/suggestions');
    expect(homeOf(pagesOfAgent, 'lead')).toBe('/');
    expect(homeOf(['goals', 'suggestions'], 'manager')).toBe('/');
    // An agent whose pages lack the board (a changed table) still lands somewhere they may open.
    expect(homeOf(['feedback'], 'agent')).toBe('/feedback');
    expect(accessOf('/suggestions/inbox')).toEqual({ kind: 'page', id: 'suggestions', label: 'Suggestions' });
  });
});

describe('where signing in leads', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNext('/teams?range=30d&team=t1')).toBe('/teams?range=30d&team=t1');
    expect(safeNext('/issues/3#tickets')).toBe('/issues/3#tickets');
  });

  it('refuses another site, a scheme, a protocol-relative or backslash path, control characters and sign-in itself', () => {
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'teams', '/te\nams', '/sign-in', '/sign-in?next=/x', '', null]) {
      expect(safeNext(next), String(next)).toBeNull();
    }
  });

  it('sends an anonymous visit to sign-in with the page to come back to (none for the landing page)', () => {
    expect(signInHref('/users?x=1')).toBe('/sign-in?next=%2Fusers%3Fx%3D1');
    expect(signInHref('/')).toBe('/sign-in');
    expect(signInHref('/sign-in')).toBe('/sign-in');
  });
});
