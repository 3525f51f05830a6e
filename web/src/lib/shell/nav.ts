// The app's pages, in navigation order. Links carry the current filters, so moving between pages keeps the view.
export const pages = [
  { path: '/', label: 'Goals' },
  { path: '/explore', label: 'Explore' },
  { path: '/teams', label: 'Teams' },
  { path: '/issues', label: 'Recurring problems' },
  { path: '/feedback', label: 'Feedback' },
  { path: '/customers', label: 'Customers' },
  { path: '/data', label: 'Data' },
  { path: '/report', label: 'Report' },
] as const;

export type PagePath = (typeof pages)[number]['path'];

/** Whether `pathname` is the page at `path` (or below it). */
export function isCurrent(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}
