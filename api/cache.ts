// Answers computed from the data are cached by (request, data_version, UTC hour). Every load bumps the version, so
// no answer outlives a change to the data and nothing has to be cleared by hand. Answers that depend on the time of
// asking (SLA attainment and promises judged against running clocks, goals' current period, default ranges) are
// recomputed when the hour changes, so they may be up to an hour behind the clock: a first-response clock that runs
// out at 11:10 still counts as running, in neither met nor breached, until a question asked at 12:00 or later.
// The key also makes a strong ETag: a browser revalidating an unchanged answer gets a 304 without the query running.
import { createHash } from 'node:crypto';
import { scopeKey } from './auth/scope.ts';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../sql/db.ts';

interface Entry {
  body: string;
  contentType: string;
  etag: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** Least-recently-used answers, bounded in count and in bytes. */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.body.length > this.maxBytes / 4) return;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }
}

/**
 * Caches successful GET answers under the request's path and sorted query, the data version and the current
 * hour (answers with a default range, and SLA attainment of running clocks, depend on the time).
 */
/**
 * Whether If-None-Match names this answer: RFC 9110's weak comparison, since api/compression.ts weakens the ETag of
 * a compressed answer (`W/"…"`), which is what a browser then sends back.
 */
export function revalidates(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function cacheByDataVersion(db: Database, cache: AnswerCache, now: () => Date = () => new Date()): MiddlewareHandler {
  const inFlight = new Map<string, Promise<Entry | undefined>>();
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const version = await db.dataVersion();
    const url = new URL(c.req.url);
    url.searchParams.sort();
    // Only JSON answers are cached, but the key carries Accept so a CSV or Arrow request never meets one. The hour
    // is in it too: default ranges move at midnight, and a running SLA clock may run out without any load. So is the
    // asker's scope (api/auth/scope.ts): a lead's answer is their team's, and never served to a manager or another lead.
    const key = `${url.pathname}?${url.searchParams} @${version} ${now().toISOString().slice(0, 13)} ${c.req.header('Accept') ?? ''} ${scopeKey(c.get('account'))}`;
    const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (revalidates(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    const serve = (entry: Entry) => c.body(entry.body, 200, { ...headers, 'Content-Type': entry.contentType });
    const cached = cache.get(key);
    if (cached) return serve(cached);
    // Checked and claimed with no await in between, so that a burst finds the first request's computation.
    const pending = inFlight.get(key);
    if (pending) {
      const computed = await pending;
      if (computed) return serve(computed);
    }

    // Requests for an answer being computed wait for it rather than compute it again (a burst after a load).
    let settle: (entry: Entry | undefined) => void = () => {};
    inFlight.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      await next();
      const contentType = c.res.headers.get('Content-Type') ?? '';
      if (c.res.status !== 200 || !contentType.startsWith('application/json')) return;
      const entry = { body: await c.res.clone().text(), contentType, etag };
      cache.set(key, entry);
      settle(entry);
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    } finally {
      // A failed or uncacheable answer leaves the waiting requests to compute their own.
      settle(undefined);
      inFlight.delete(key);
    }
  };
}
