// Building blocks of each route's `describeRoute`: responses point at the zod schemas of api/contracts.ts,
// so the document says what the handlers' types say.
import { resolver } from 'hono-openapi';
import type { z } from 'zod';
import { jsonBodyLimitBytes } from '../body-limit.ts';
import { formatByteSize } from '../../common/byte-size.ts';
import { problemSchema } from '../contracts.ts';

const problemContent = { 'application/problem+json': { schema: resolver(problemSchema) } };

/** A JSON answer described by a response schema. */
export function json(description: string, schema: z.ZodType, headers?: Record<string, { description: string; schema: { type: 'string' } }>) {
  return { description, content: { 'application/json': { schema: resolver(schema) } }, ...(headers ? { headers } : {}) };
}

/** What any route may be refused with, before it runs (api/security/). */
const refused = "Refused: the signed-in role may not do this (docs/accounts.md), a change made with a session lacks its `X-CSRF-Token`, the request is addressed to a host name this server does not answer (`SERVICEPULSE_ALLOWED_HOSTS`), or it would change data and comes from another site's page.";
const anonymous = 'Sign-in required: no live session cookie and no API token (every route but sign-in, health and this document).';

/** Error answers, each an RFC 9457 problem document; the 403 and 500 every route may give are added here. */
export function problems(byStatus: Record<number, string>) {
  const forbidden = byStatus[403] === undefined ? refused : `${byStatus[403]} ${refused.replace(/^Refused: the/, 'Or the')}`;
  const all: Record<number, string> = { 401: anonymous, ...byStatus, 403: forbidden, 500: 'Unexpected error; the details are in the server log.' };
  return Object.fromEntries(Object.entries(all).map(([status, description]) => [status, { description, content: problemContent }]));
}

export const invalidRequest = 'Invalid request: the problem names the parameter and what it accepts (`issues`).';

export const tooLarge = `The body is larger than a request body may be (${formatByteSize(jsonBodyLimitBytes)}).`;
