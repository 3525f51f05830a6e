// `npm run bench -- <name> [options]`: runs one benchmark. Benchmarks print figures; nothing here asserts timings.
// A benchmark module exports `main(argv)` resolving to the process exit code.
type Benchmark = { main(argv: string[]): Promise<number> };

const benchmarks: Record<string, () => Promise<Benchmark>> = {
  load: () => import('./load.ts'),
  api: () => import('./api.ts'),
  web: () => import('./web.ts'),
  issues: () => import('./issues.ts'),
  'issues-text': () => import('./issues-text.ts'),
  'issues-load': () => import('./issues-load.ts'),
};

const usage = `usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [options] (each takes --help)`;

const [name, ...rest] = process.argv.slice(2);
if (name === '--help' || name === '-h') {
  console.log(usage);
} else if (name === undefined || !Object.hasOwn(benchmarks, name)) {
  console.error(name === undefined ? `bench: name a benchmark; ${usage}` : `bench: unknown benchmark "${name}"; ${usage}`);
  process.exitCode = 1;
} else {
  process.exitCode = await (await benchmarks[name]!()).main(rest);
}
