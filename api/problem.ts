// RFC 9457 problem documents: the one error shape every route returns.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from './contracts.ts';

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

export function problemResponse(c: Context, problem: { status: number; title: string; detail?: string; type?: string; [extension: string]: unknown }) {
  const body: Problem = { ...problem, type: problem.type ?? 'about:blank' };
  return c.body(JSON.stringify(body), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  });
}
