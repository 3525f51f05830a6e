// Benchmarks run every measurement in a child process of its own (`node --import tsx bench/…`), so that each one
// gets its own peak RSS and no DuckDB memory or cache carries over. The child prints exactly one JSON line on
// stdout as its last line; anything it writes to stderr is shown only when it fails.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** What every child reports besides its own figures. */
export interface ChildBase {
  /** Peak resident set size of the child over its whole life, KiB (`process.resourceUsage().maxRSS`). */
  maxRssKiB: number;
  /** The same high-water mark just before the measured work started (Node, tsx, DuckDB loaded, database open). */
  baselineRssKiB: number;
}

export class ChildFailed extends Error {
  constructor(
    readonly label: string,
    readonly detail: string,
    readonly stderr: string,
  ) {
    super(`${label} failed: ${detail}`);
    this.name = 'ChildFailed';
  }
}

const running = new Set<ReturnType<typeof spawn>>();

/** Stops the children this process started and that are still running (when the benchmark is interrupted). */
export function stopChildren(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Runs `script` (a path relative to the repository) with `input` as its one argument; resolves to its JSON line. */
export function runChild<T extends ChildBase>(label: string, script: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(input)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new ChildFailed(label, `could not start: ${error.message}`, '')));
    child.on('close', (code, signal) => {
      running.delete(child);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exit code ${code}`;
        reject(new ChildFailed(label, why, stderr || stdout));
        return;
      }
      const last = stdout.trimEnd().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new ChildFailed(label, 'did not end with a JSON line on stdout', `${stderr}\nstdout was:\n${stdout}`));
      }
    });
  });
}

/** In a child: the peak RSS so far, KiB (Linux reports maxRSS in kilobytes). */
export function peakRssKiB(): number {
  return process.resourceUsage().maxRSS;
}

/**
 * In a child: runs `work` with the parsed argument and prints its result plus the peak RSS as one JSON line;
 * any error goes to stderr with a non-zero exit.
 */
export async function childMain<I, R extends object>(work: (input: I) => Promise<R & { baselineRssKiB: number }>): Promise<void> {
  try {
    const argument = process.argv[2];
    if (argument === undefined) throw new Error('expected one JSON argument');
    const result = await work(JSON.parse(argument) as I);
    process.stdout.write(`${JSON.stringify({ ...result, maxRssKiB: peakRssKiB() })}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
