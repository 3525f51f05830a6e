// zod failures as 400 problem documents naming the parameter and what it accepts.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { ProblemError, problemResponse } from './problem.ts';

/**
 * The longest name, id, scope or filter value a request may carry: what is stored is repeated in every answer
 * that shows it (a 5 MB owner id made every overview 5 MB).
 */
export const maxTextLength = 200;
/** The most values one filter or goal scope may list. */
export const maxValuesPerFilter = 100;

/** Non-empty text of at most `max` characters. */
export const boundedText = (max = maxTextLength) => z.string().min(1).max(max);

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

const jsonType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Before a JSON body's validator: any other media type is 415, where the validator would read no body at all
 * and report the first required field as missing.
 */
export const jsonBodyOnly = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type');
  if (!type || !jsonType.test(type)) {
    throw new ProblemError(415, 'Unsupported media type', `The body must be application/json${type ? `, not ${type.split(';')[0]}` : ' (no Content-Type was sent)'}.`);
  }
  await next();
});
