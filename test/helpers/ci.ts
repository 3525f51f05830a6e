// Whether the tests run in CI, where a test that cannot run must fail rather than skip. `.ci/run` exports CI=true;
// only a value that says yes counts, so CI=false, CI=0 or an empty CI (as some shells and tools set) is not CI.
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['true', '1', 'yes'].includes((env.CI ?? '').trim().toLowerCase());
}
