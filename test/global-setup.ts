// Every scratch folder and database the tests make goes under one folder per run, removed when the run ends (a run
// used to leave about 400 MB in the system's temp folder). Tests make their folders with mkdtemp(tmpdir()), and
// tmpdir() reads TMPDIR, which the test workers and the processes they start inherit from this one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const systemTemp = tmpdir();
  const runFolder = mkdtempSync(join(systemTemp, 'servicepulse-tests-'));
  process.env.TMPDIR = runFolder;
  return () => {
    process.env.TMPDIR = systemTemp;
    rmSync(runFolder, { recursive: true, force: true, maxRetries: 3 });
  };
}
