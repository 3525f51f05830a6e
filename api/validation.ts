// zod failures as 400 problem documents naming the parameter and what it accepts.
import type { Context } from 'hono';
import { ProblemError, problemResponse } from './problem.ts';

/** A zod issue, as zod reports it and as it arrives through Standard Schema (which passes zod's issues on). */
interface Issue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  readonly code?: string;
  readonly keys?: string[];
}

const keyOf = (segment: PropertyKey | { readonly key: PropertyKey }) => String(typeof segment === 'object' ? segment.key : segment);

export function invalidRequest(error: { issues: readonly Issue[] }): ProblemError {
  const issues = error.issues.map((issue) => ({
    parameter: (issue.path ?? []).map(keyOf).join('.') || (issue.code === 'unrecognized_keys' ? (issue.keys ?? []).join(', ') : ''),
    message: issue.message,
  }));
  const first = issues[0]!;
  return new ProblemError(400, 'Invalid request', first.parameter ? `${first.parameter}: ${first.message}` : first.message, { issues });
}

/** The hook of every request validator: a failure answers with the problem document above. */
export function validationHook(result: { success: true } | { success: false; error: readonly Issue[] }, c: Context) {
  if (result.success) return;
  const problem = invalidRequest({ issues: result.error });
  return problemResponse(c, { status: problem.status, title: problem.title, detail: problem.detail, ...problem.extensions });
}
