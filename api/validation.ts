// zod failures as 400 problem documents naming the parameter and what it accepts.
import type { Context } from 'hono';
import type { core } from 'zod';
import { ProblemError, problemResponse } from './problem.ts';

export function invalidRequest(error: core.$ZodError): ProblemError {
  const issues = error.issues.map((issue) => ({
    parameter: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
    message: issue.message,
  }));
  const first = issues[0]!;
  return new ProblemError(400, 'Invalid request', first.parameter ? `${first.parameter}: ${first.message}` : first.message, { issues });
}

export function validationHook(result: { success: boolean; error?: core.$ZodError }, c: Context) {
  if (result.success || !result.error) return;
  const problem = invalidRequest(result.error);
  return problemResponse(c, { status: problem.status, title: problem.title, detail: problem.detail, ...problem.extensions });
}
