// The app's pages, in navigation order, each with the page id the API's `permissions.pages` names it by (the
// navigation shows only a role's pages). Links carry the current filters, so moving between pages keeps the view.
import type { PageId } from '../api/accounts';

export const pages = [
  { path: '/', label: 'Goals', id: 'goals' },
  { path: '/explore', label: 'Explore', id: 'explore' },
  { path: '/teams', label: 'Teams', id: 'teams' },
  { path: '/issues', label: 'Recurring problems', id: 'issues' },
  { path: '/feedback', label: 'Feedback', id: 'feedback' },
  { path: '/customers', label: 'Customers', id: 'customers' },
  { path: '/suggestions', label: 'Suggestions', id: 'suggestions' },
  { path: '/data', label: 'Data', id: 'data' },
  { path: '/report', label: 'Report', id: 'report' },
  { path: '/users', label: 'Users', id: 'users' },
] as const satisfies ReadonlyArray<{ path: string; label: string; id: PageId }>;

export type PagePath = (typeof pages)[number]['path'];

/** Whether `pathname` is the page at `path` (or below it). */
export function isCurrent(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}
