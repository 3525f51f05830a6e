// Which page a URL is, whether a role may open it, and where signing in leads: pure, so it is tested without a browser.
// The server decides what each role may read (every /api route checks it); this only keeps the navigation to the
// pages a role may open and says so on a page it may not, instead of drawing charts of refused requests.
import type { PageId, Role } from '../api/accounts';
import { isCurrent, pages } from '../shell/nav';

export const signInPath = '/sign-in';

/** Pages every signed-in person may open whatever their role (their own account; a ticket, which the API scopes). */
const everyonesPaths = ['/account', '/tickets'];

export type PageAccess = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'page'; id: PageId; label: string };

/** What opening `pathname` needs: nothing (sign-in), any session, or a page id in the role's `permissions.pages`. */
export function accessOf(pathname: string): PageAccess {
  if (pathname === signInPath) return { kind: 'public' };
  if (everyonesPaths.some((path) => isCurrent(path, pathname))) return { kind: 'signed-in' };
  const found = pages.find((p) => isCurrent(p.path, pathname));
  // A path that is no page at all is the error page's to answer (404), for anyone signed in.
  return found ? { kind: 'page', id: found.id, label: found.label } : { kind: 'signed-in' };
}

/** Whether a person with `allowed` pages may open `pathname`. */
export function mayOpen(pathname: string, allowed: readonly PageId[]): boolean {
  const access = accessOf(pathname);
  return access.kind !== 'page' || allowed.includes(access.id);
}

/** The navigation's pages for a role: only those it may open, in the app's order. */
export function pagesFor(allowed: readonly PageId[]) {
  return pages.filter((p) => allowed.includes(p.id));
}

/** Roles whose landing page is not their first page: the suggestions board is the agent's (issue 13 §3). */
const landingPageOf: Partial<Record<Role, PageId>> = { agent: 'suggestions' };

/** Where to land with no `next`: the role's landing page if it may open it, else its first page, else the account page. */
export function homeOf(allowed: readonly PageId[], role?: Role): string {
  const landing = role === undefined ? undefined : landingPageOf[role];
  const own = landing && allowed.includes(landing) ? pages.find((p) => p.id === landing) : undefined;
  return own?.path ?? pagesFor(allowed)[0]?.path ?? '/account/password';
}

/**
 * The `next` of `/sign-in?next=…` if it is a path of this app, else null: only a path starting with one `/` (not `//`
 * or `/\`, which browsers read as another host), so a link cannot send a person who signs in to another site.
 */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/[\u0000-\u001f]/.test(next)) return null;
  const path = next.split(/[?#]/)[0]!;
  return path === signInPath ? null : next;
}

/** The sign-in page's address that comes back to `path` (with its query) after signing in. */
export function signInHref(path: string): string {
  return path === '/' || path === signInPath ? signInPath : `${signInPath}?next=${encodeURIComponent(path)}`;
}
