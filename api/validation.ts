// zod failures as 400 problem documents naming the parameter and what it accepts.
import type { Context } from 'hono';
import type { core } from 'zod';
import { problemResponse } from './problem.ts';

export function validationHook(result: { success: boolean; error?: core.$ZodError }, c: Context) {
  if (result.success || !result.error) return;
  const issues = result.error.issues.map((issue) => ({
    parameter: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
    message: issue.message,
  }));
  const first = issues[0]!;
  return problemResponse(c, {
    status: 400,
    title: 'Invalid request',
    detail: first.parameter ? `${first.parameter}: ${first.message}` : first.message,
    issues,
  });
}
