// Builds the dashboard when web/build is missing or older than its sources, so `npm start` and the
// browser tests always serve the current dashboard without rebuilding it every time. The build's own output
// (bundler listings, sizes) is kept back and shown only when the build fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'web/build/index.html');
// The route list is the build's last step: a build without it stopped short or predates it.
const builtRoutes = join(root, 'web/build/page-routes.json');
const sources = ['web/src', 'web/static', 'web/svelte.config.js', 'web/vite.config.ts', 'api/contracts.ts', 'package-lock.json',
  'scripts/write-page-routes.ts', 'scripts/bundle-size.ts',
  // Pure modules outside web/ that the dashboard bundles or its build runs.
  'common', 'pipelines/mapping/skeleton.ts', 'pipelines/mapping/canonical.ts', 'pipelines/mapping/closest.ts'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

const builtAt = existsSync(builtIndex) && existsSync(builtRoutes) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestChange(join(root, source))));
if (builtAt < changedAt) {
  console.log(builtAt === 0 ? 'Building the dashboard (first start)…' : 'Dashboard sources changed: rebuilding…');
  const result = spawnSync('npm', ['run', '--silent', 'build:web'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error('servicepulse: building the dashboard failed (its output is above; `npm run build:web` runs it alone).');
    process.exit(result.status ?? 1);
  }
}
