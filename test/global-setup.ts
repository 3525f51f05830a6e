// Every scratch folder and database the tests make goes under one folder per run, removed when the run ends (a run
// used to leave about 400 MB in the system's temp folder). Tests make their folders with mkdtemp(tmpdir()), and
// tmpdir() reads TMPDIR, which the test workers and the processes they start inherit from this one.
//
// The web tests import web/src, whose tsconfig extends web/.svelte-kit/tsconfig.json: that file, and the route
// types, are written by `svelte-kit sync`, which a fresh clone has never run ("Tsconfig not found"). Running it
// here, every run, also keeps the generated types in step with the routes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('../web/', import.meta.url));

function syncSvelteKit(): void {
  const kit = dirname(createRequire(web).resolve('@sveltejs/kit/package.json'));
  execFileSync(process.execPath, [join(kit, 'svelte-kit.js'), 'sync'], { cwd: web, stdio: 'inherit' });
}

export default function setup(): () => void {
  syncSvelteKit();
  const systemTemp = tmpdir();
  const runFolder = mkdtempSync(join(systemTemp, 'servicepulse-tests-'));
  process.env.TMPDIR = runFolder;
  return () => {
    process.env.TMPDIR = systemTemp;
    rmSync(runFolder, { recursive: true, force: true, maxRetries: 3 });
  };
}
