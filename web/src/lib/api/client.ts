// JSON over fetch, with every failure turned into one typed error carrying an RFC 9457 problem
// document (the API's error shape, `Problem` in api/contracts.ts), so a view can always show a
// title and a detail.
import type { Problem } from '$api/contracts';
import { acceptJson } from '../../../../common/accept-json';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived (network failure, server down). */
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.problem = problem;
    this.status = problem.status;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  /** Any thrown value as an ApiError (for `catch` blocks that must show something). */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    return new ApiError({
      type: 'about:blank',
      title: 'Something went wrong',
      status: 0,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export interface FetchJsonOptions {
  signal?: AbortSignal;
  /** The fetch to use (tests, SvelteKit `load`); default the global one. */
  fetch?: typeof globalThis.fetch;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'string';
}

function isJson(response: Answer): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /^application\/([\w.+-]+\+)?json\b/i.test(type);
}

/** What `readJson` needs of an answer: a fetch `Response`, or the `hc` client's typed one. */
export type Answer = Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'json'>;

export { acceptJson };

/**
 * Sends a request (`send`, for `path`) and returns its JSON body. Throws `ApiError` on a non-2xx answer
 * (carrying the server's problem document when it sent one), on network failure and on a body that is not
 * JSON. An abort through `signal` rejects with the signal's own `AbortError`, not an ApiError.
 */
export async function readJson<T>(path: string, send: () => Promise<Answer>, signal?: AbortSignal): Promise<T> {
  let response: Answer;
  try {
    response = await send();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach the ServicePulse server',
      status: 0,
      detail: 'The request did not get an answer. Check that the server is running, then retry.',
    });
  }

  if (!response.ok) {
    // A session that ended (expired, revoked, signed out in another tab) answers 401: the app goes to sign-in.
    if (response.status === 401) sessionEnded?.();
    let body: unknown = null;
    if (isJson(response)) {
      try {
        body = await response.json();
      } catch {
        body = null;
      }
    }
    if (isProblem(body)) {
      throw new ApiError({ ...body, status: typeof body.status === 'number' ? body.status : response.status });
    }
    throw new ApiError({
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: `The server answered ${path} with status ${response.status}.`,
    });
  }

  try {
    return (await response.json()) as T;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected answer from the server',
      status: response.status,
      detail: `The answer to ${path} is not JSON. Is the API server behind this address?`,
    });
  }
}

/** GETs `path` and returns its JSON body, failing as `readJson` does. For routes the typed client does not cover. */
export function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  const doFetch = sessionFetch(options.fetch);
  return readJson<T>(path, () => doFetch(path, { signal: options.signal, headers: acceptJson }), options.signal);
}

let sessionEnded: (() => void) | undefined;

/** Called on any 401 answer (the session state listens, and sends the person to sign in). */
export function onSessionEnded(listener: (() => void) | undefined): void {
  sessionEnded = listener;
}

// The signed-in session's CSRF token (the server's answer to sign-in and GET /api/auth/me). The server refuses a write
// made with the session cookie that does not carry it (403), so every request the dashboard sends goes through
// `sessionFetch`, which adds it: the one place, rather than each write remembering it.
let csrfToken: string | null = null;

/** Sets (or with null forgets) the token every write carries from now on. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header a request with `method` must carry: the CSRF token on writes, none on reads or before sign-in. */
export function csrfHeader(method: string | undefined): Record<string, string> {
  return csrfToken === null || readMethods.has((method ?? 'GET').toUpperCase()) ? {} : { 'x-csrf-token': csrfToken };
}

/** `base` (default: the global fetch) adding the session's CSRF token to every write it sends. */
export function sessionFetch(base?: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init = {}) => {
    const method = init.method ?? (input instanceof Request ? input.method : 'GET');
    const extra = csrfHeader(method);
    if (Object.keys(extra).length === 0) return (base ?? globalThis.fetch)(input, init);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return (base ?? globalThis.fetch)(input, { ...init, headers });
  };
}

/** Sends a JSON body with `method` to `path` (the session's token included) and reads the answer as `readJson` does; a 204 is `undefined`. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, options: FetchJsonOptions = {}): Promise<T> {
  const doFetch = sessionFetch(options.fetch);
  const init: RequestInit = { method, signal: options.signal, headers: { ...acceptJson, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return readJson<T>(path, async () => {
    const response = await doFetch(path, init);
    // No body to read: answered as JSON null so the caller gets undefined.
    return response.status === 204 ? new Response('null', { status: 200, headers: { 'content-type': 'application/json' } }) : response;
  }, options.signal).then((value) => (value ?? undefined) as T);
}
