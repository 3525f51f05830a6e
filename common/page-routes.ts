// The dashboard's pages, derived from SvelteKit's route folders (web/src/routes) at build time, so the server can
// answer 404 for a path no page serves. A route is a folder holding a +page file; `(group)` folders add no segment,
// `[id]` is one segment, `[[id]]` an optional one, `[...rest]` any number. A parameter matcher (`[id=integer]`) cannot
// be run here, so its segment takes any value and the page itself answers a value its matcher refuses.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The file the build writes into web/build, read by the server at start. */
export const pageRoutesFile = 'page-routes.json';

const pageFile = /^\+page(@[^.]*)?\.(svelte|ts|js)$/;

/** Route patterns as SvelteKit writes them (`/`, `/tickets/[id]`), sorted. */
export function pageRoutesOf(routesDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && pageFile.test(entry.name))) {
      routes.push(`/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join('/')}`);
    }
    for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name), [...segments, entry.name]);
  };
  if (existsSync(routesDir)) walk(routesDir, []);
  return routes.sort();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternRegex(route: string): RegExp {
  const parts = route.split('/').filter(Boolean).map((segment) => {
    if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return '(?:/.*)?';
    if (/^\[\[[^\]]+\]\]$/.test(segment)) return '(?:/[^/]+)?';
    // A segment may mix text and parameters (`v[version]`): each parameter is a run of anything but a slash.
    return `/${segment.split(/(\[[^\]]+\])/).map((piece) => (/^\[[^\]]+\]$/.test(piece) ? '[^/]+' : escape(piece))).join('')}`;
  });
  return new RegExp(`^${parts.join('') || '/'}$`);
}

/** A matcher over the routes: whether a request path is one of the dashboard's pages (a trailing slash allowed). */
export function pageRouteMatcher(routes: readonly string[]): (path: string) => boolean {
  const patterns = routes.map(patternRegex);
  return (path) => {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
    let decoded: string;
    try {
      decoded = decodeURIComponent(trimmed);
    } catch {
      return false;
    }
    return patterns.some((pattern) => pattern.test(decoded) || pattern.test(trimmed));
  };
}
