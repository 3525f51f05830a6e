// The route × role table of docs/accounts.md, rendered from the declaration (access.ts): `npm run docs:access`
// writes it, and test/api/access.test.ts fails when the document's copy differs.
import { roles, routeAccess, type RouteAccess } from './access.ts';

export const tableStart = '<!-- access table: npm run docs:access -->';
export const tableEnd = '<!-- end of access table -->';

function cell(access: RouteAccess, role: (typeof roles)[number] | 'anonymous'): string {
  if (access.who === 'public') return 'yes';
  if (role === 'anonymous') return '401';
  return access.who === 'signed-in' || access.who.includes(role) ? 'yes' : '403';
}

export function accessTableMarkdown(): string {
  const header = `| route | what it does | ${roles.join(' | ')} | anonymous |`;
  const rule = `|---|---|${roles.map(() => '---').join('|')}|---|`;
  const rows = Object.entries(routeAccess as Record<string, RouteAccess>).map(
    ([route, access]) => `| \`${route}\` | ${access.does} | ${[...roles, 'anonymous' as const].map((role) => cell(access, role)).join(' | ')} |`,
  );
  return [tableStart, header, rule, ...rows, tableEnd].join('\n');
}
