// The API through Hono's RPC client: paths, parameters and answers are type-checked against the server's
// routes. `$api/app` is imported for its types only, so no server code reaches the bundle.
import { hc } from 'hono/client';
import type { AppType } from '$api/app';
import { acceptJson, sessionFetch, type FetchJsonOptions } from './client';

/** The `/api` routes; `options.fetch` replaces the global fetch (tests, SvelteKit `load`). Writes carry the session's CSRF token. */
export function api(options: FetchJsonOptions = {}) {
  return hc<AppType>('/', { fetch: sessionFetch(options.fetch), headers: acceptJson, init: { signal: options.signal } }).api;
}
