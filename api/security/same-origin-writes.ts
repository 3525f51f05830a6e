// Requests that change data are taken only from this server's own pages, or from clients that are not browsers.
// A page on another site can make the operator's browser POST a form (multipart, no preflight) or send a DELETE
// to this server; browsers say where such a request comes from in `Origin`, and in `Sec-Fetch-Site` when they
// leave Origin out. Requests with neither (curl, scripts, `npm run load -- --server`) are not sent by a browser on
// a page's behalf, so they are taken.
//
// Not `hono/csrf`: it checks only the content types an HTML form can send (a cross-site DELETE or JSON request is
// the browser's CORS preflight's to stop, which holds only for as long as no route answers OPTIONS), refuses a
// request with neither header (so curl and the CLI would be refused), and answers in plain text, not with a problem.
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `none`: the person typed the address or used a bookmark; nothing on a page asked for it. */
const ownFetchSites = new Set(['same-origin', 'none']);

/** Why a request may not change data, or undefined if it may. `host` is the request's own host (and port). */
export function crossSiteRefusal(method: string, headers: { origin?: string; fetchSite?: string }, host: string): string | undefined {
  if (safeMethods.has(method.toUpperCase())) return undefined;
  const { origin, fetchSite } = headers;
  if (origin !== undefined) {
    // Compared by host and port, not scheme: behind a TLS proxy the page is https and this server plain http.
    // `null` (a sandboxed frame, a data: page) is no host of ours.
    if (hostOf(origin) === host.toLowerCase()) return undefined;
    return `A ${method} from the page at ${origin} was refused: requests that change data are taken only from this server's own pages (${host}).`;
  }
  if (fetchSite !== undefined && !ownFetchSites.has(fetchSite.toLowerCase())) {
    return `A ${method} sent by a ${fetchSite} page was refused: requests that change data are taken only from this server's own pages (${host}).`;
  }
  return undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses, with a 403 problem and before its body is read, a cross-site request that would change data. */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const refusal = crossSiteRefusal(c.req.method, { origin: c.req.header('origin'), fetchSite: c.req.header('sec-fetch-site') }, new URL(c.req.url).host);
    if (refusal === undefined) return next();
    return problemResponse(c, { status: 403, title: 'Cross-site request refused', detail: refusal });
  };
}
