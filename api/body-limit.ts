// Request bodies other than uploads are small JSON (a goal, a calendar, an import's options): one limit for all,
// checked against Content-Length before anything is read, and counted while a body without one streams in.
// Uploads (multipart/form-data) have their own, larger limit, enforced as they stream to disk (imports/receive-upload.ts).
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { formatByteSize } from '../common/byte-size.ts';
import { ProblemError } from './problem.ts';

export const jsonBodyLimitBytes = 2 * 1024 * 1024;

export function bodyTooLarge(): ProblemError {
  return new ProblemError(413, 'Request too large', `A request body is at most ${formatByteSize(jsonBodyLimitBytes)}; upload export files as multipart/form-data.`, {
    limit_bytes: jsonBodyLimitBytes,
  });
}

const limitJson = bodyLimit({ maxSize: jsonBodyLimitBytes, onError: () => { throw bodyTooLarge(); } });

export const limitRequestBody = createMiddleware(async (c, next) => {
  if (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) return next();
  return limitJson(c, next);
});
