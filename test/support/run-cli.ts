// `npm run load` as a person runs it: a child process, its output and exit code.
import { spawn } from 'node:child_process';
import { projectRoot } from './server-process.ts';

export function runLoad(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', ...args], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Summary lines without their timings, which vary. */
export const withoutTimes = (text: string) => text.replace(/ in \d+\.\d s/g, ' in T s');
