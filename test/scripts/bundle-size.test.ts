// The first page's JavaScript: what index.html loads plus the landing route's page and its static imports, once each.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { landingNode, measureInitialJs, scriptsOfPage } from '../../scripts/bundle-size.ts';

function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('initial JavaScript of a build', () => {
  const page = `<html><head>
    <link href="/_app/immutable/entry/start.js" rel="modulepreload">
    <link href="/_app/immutable/chunks/shared.js" rel="modulepreload">
    <link href="/_app/immutable/assets/0.css" rel="stylesheet">
  </head><body><script>Promise.all([import("/_app/immutable/entry/start.js"), import("/_app/immutable/entry/app.js")])</script></body></html>`;

  it('reads the preloads and start-up imports of index.html', () => {
    expect(scriptsOfPage(page)).toEqual(['_app/immutable/entry/start.js', '_app/immutable/chunks/shared.js', '_app/immutable/entry/app.js']);
  });

  it('finds the landing route in the generated dictionary', () => {
    expect(landingNode('export const dictionary = {\n\t\t"/": [2],\n\t\t"/explore": [3]\n\t};')).toBe(2);
    expect(landingNode('export const dictionary = { "/teams": [4], "/": [~5, [1]] };')).toBe(5);
    expect(landingNode('export const dictionary = {};')).toBeNull();
  });

  it('adds the landing page and its static imports, counting a shared chunk once and leaving other routes out', () => {
    const web = mkdtempSync(join(tmpdir(), 'servicepulse-bundle-'));
    write(web, 'build/index.html', page);
    // Sizes 10, 20, 30, 40, 50 and 1,000 bytes.
    write(web, 'build/_app/immutable/entry/start.js', 'x'.repeat(10));
    write(web, 'build/_app/immutable/chunks/shared.js', 'x'.repeat(20));
    write(web, 'build/_app/immutable/entry/app.js', 'x'.repeat(30));
    write(web, 'build/_app/immutable/nodes/2.js', 'x'.repeat(40));
    write(web, 'build/_app/immutable/chunks/charts.js', 'x'.repeat(50));
    write(web, 'build/_app/immutable/nodes/3.js', 'x'.repeat(1000));
    write(web, '.svelte-kit/generated/client-optimized/app.js', 'export const dictionary = { "/": [2], "/teams": [3] };');
    write(web, '.svelte-kit/output/client/.vite/manifest.json', JSON.stringify({
      '.svelte-kit/generated/client-optimized/nodes/2.js': { file: '_app/immutable/nodes/2.js', imports: ['_shared.js', '_charts.js'] },
      '.svelte-kit/generated/client-optimized/nodes/3.js': { file: '_app/immutable/nodes/3.js', imports: ['_shared.js'] },
      '_shared.js': { file: '_app/immutable/chunks/shared.js' },
      '_charts.js': { file: '_app/immutable/chunks/charts.js', imports: ['_shared.js'] },
    }));
    const measured = measureInitialJs(web);
    expect(measured.files).toEqual([
      '_app/immutable/chunks/charts.js', '_app/immutable/chunks/shared.js', '_app/immutable/entry/app.js', '_app/immutable/entry/start.js', '_app/immutable/nodes/2.js',
    ]);
    expect(measured.raw).toBe(10 + 20 + 30 + 40 + 50);
  });
});
