// Which request field an API problem is about, so a form can show its message beside that field: the first
// `issues[].parameter` (validation failures and the routes' own refusals), else the "field: …" or "field (…" its detail
// starts with. The goal editor, the issue page's actions and the suggestion forms all read problems through it.
import type { Problem } from '$api/contracts';

/** The named field's first segment (`scope.team` → `scope`), or null when the problem names none. */
export function problemParameter(problem: Problem): string | null {
  const issues = (problem as { issues?: Array<{ parameter?: unknown }> }).issues;
  const named = Array.isArray(issues) && typeof issues[0]?.parameter === 'string' ? issues[0].parameter : /^([a-z_]+)(?:\.[\w.]+)?(?::| \()/.exec(problem.detail ?? '')?.[1];
  return named ? named.split('.')[0]! : null;
}
