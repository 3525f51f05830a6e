// The JavaScript the dashboard's first page loads, compressed, against its budget (PRODUCT.md §9: 350 KB). Run after
// `vite build` by `npm run build:web`; exits 1 above the budget. The first page is what web/build/index.html loads
// (its module scripts and modulepreloads) plus the landing route's page and every module those import statically:
// the route's own chunk is fetched before anything shows, though index.html does not name it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const budgetBytes = 350_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
}

export interface InitialJs {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** The scripts index.html names: modulepreload links and the start-up's `import("…")`s, as paths under the build. */
export function scriptsOfPage(html: string): string[] {
  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => /rel\s*=\s*["']?modulepreload/i.test(tag))
    .map((tag) => /href\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]);
  const imports = [...html.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)].map((match) => match[1]);
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]);
  return [...new Set([...preloads, ...imports, ...sources].filter((path): path is string => Boolean(path)).map((path) => path.replace(/^\//, '')))];
}

/** The landing route's page node: SvelteKit's generated dictionary names it first for "/" (`"/": [2]`, `~2` with a server load). */
export function landingNode(generatedApp: string): number | null {
  const match = /"\/"\s*:\s*\[\s*(~?)(\d+)/.exec(generatedApp);
  return match ? Number(match[2]) : null;
}

/** A manifest entry's file and the files of everything it imports statically. */
function withStaticImports(manifest: Record<string, ManifestChunk>, key: string, into: Set<string>) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
}

function compressedSize(path: string, suffix: '.gz' | '.br'): number {
  if (existsSync(path + suffix)) return statSync(path + suffix).size;
  const bytes = readFileSync(path);
  return suffix === '.gz' ? gzipSync(bytes, { level: 9 }).length : brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Measures the first page's JavaScript of a built dashboard (`web/`: its build/ and .svelte-kit/). */
export function measureInitialJs(webDir: string): InitialJs {
  const build = join(webDir, 'build');
  const files = new Set(scriptsOfPage(readFileSync(join(build, 'index.html'), 'utf8')).filter((file) => file.endsWith('.js')));
  const manifestPath = join(webDir, '.svelte-kit/output/client/.vite/manifest.json');
  const appPath = join(webDir, '.svelte-kit/generated/client-optimized/app.js');
  if (existsSync(manifestPath) && existsSync(appPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    const node = landingNode(readFileSync(appPath, 'utf8'));
    const key = Object.keys(manifest).find((name) => name.endsWith(`/nodes/${node}.js`));
    if (node !== null && key) withStaticImports(manifest, key, files);
  }
  const list = [...files].sort();
  const sum = (size: (path: string) => number) => list.reduce((total, file) => total + size(join(build, file)), 0);
  return { files: list, raw: sum((path) => statSync(path).size), gzip: sum((path) => compressedSize(path, '.gz')), brotli: sum((path) => compressedSize(path, '.br')) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const measured = measureInitialJs(fileURLToPath(new URL('../web/', import.meta.url)));
  const verdict = measured.gzip <= budgetBytes ? 'within' : 'OVER';
  console.log(
    `Initial JavaScript: ${kb(measured.gzip)} gzip, ${kb(measured.brotli)} brotli (${kb(measured.raw)} raw, ${measured.files.length} files); ` +
      `${verdict} the ${kb(budgetBytes)} budget.`,
  );
  if (measured.gzip > budgetBytes) {
    for (const file of measured.files) console.error(`  ${file}`);
    process.exit(1);
  }
}
