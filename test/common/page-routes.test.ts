// The dashboard's pages from its route folders, and which request paths they serve.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageRouteMatcher, pageRoutesOf } from '../../common/page-routes.ts';

function routesTree(pages: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'servicepulse-routes-'));
  writeFileSync(join(root, '+layout.svelte'), '');
  writeFileSync(join(root, '+error.svelte'), '');
  for (const page of pages) {
    mkdirSync(join(root, page), { recursive: true });
    writeFileSync(join(root, page, '+page.svelte'), '');
  }
  return root;
}

describe('page routes', () => {
  it('are the folders with a +page file, groups left out of the path', () => {
    const root = routesTree(['', 'explore', 'tickets/[id]', '(print)/report', 'docs/[...rest]']);
    // A folder of components without a page is no route.
    mkdirSync(join(root, 'teams/parts'), { recursive: true });
    writeFileSync(join(root, 'teams/parts/Card.svelte'), '');
    expect(pageRoutesOf(root)).toEqual(['/', '/docs/[...rest]', '/explore', '/report', '/tickets/[id]']);
  });

  const isPage = pageRouteMatcher(['/', '/explore', '/tickets/[id]', '/docs/[...rest]', '/teams/[[team]]', '/v[version]']);
  it.each([
    ['/', true], ['/explore', true], ['/explore/', true], ['/tickets/123', true], ['/tickets/a%20b', true],
    ['/docs', true], ['/docs/a/b/c', true], ['/teams', true], ['/teams/zagreb', true], ['/v2', true],
    ['/nope', false], ['/explorer', false], ['/tickets', false], ['/tickets/1/extra', false], ['/teams/a/b', false],
    ['/%E0%A4%A', false], ['/v', false],
  ])('%s → %s', (path, expected) => {
    expect(isPage(path)).toBe(expected);
  });
});
