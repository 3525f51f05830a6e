// Compresses answers (JSON, HTML, JS, CSS, CSV…) with brotli or gzip, as the request's Accept-Encoding prefers.
// hono/compress offers only gzip and deflate (Node 20's CompressionStream has no brotli), so this streams the body
// through node:zlib instead. Files the build compressed already (web/build/**/*.br, *.gz, served by serveStatic's
// `precompressed`) arrive with a Content-Encoding and pass untouched.
import { Readable, type Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

export type Encoding = 'br' | 'gzip';

/** Smaller bodies gain nothing worth a compressor's start-up and framing bytes. */
const thresholdBytes = 1024;

/**
 * The encoding to answer in: the highest q-value among br and gzip (brotli on a tie, as it is smaller), a
 * wildcard counting for both; none when neither is acceptable (no header, `identity`, or q=0).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepts = parseAccept(acceptEncoding);
  const wildcard = accepts.find((a) => a.type === '*')?.q;
  let best: { encoding: Encoding; q: number } | null = null;
  for (const encoding of ['br', 'gzip'] as const) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding ?? null;
}

// Quality 5, not zlib's default 11: answers are compressed per request, and 11 costs tens of times the CPU for a
// few per cent fewer bytes. The build's precompressed files use the maximum.
const compressors: Record<Encoding, () => Transform> = {
  br: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: () => createGzip({ level: 6 }),
};

const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    if (res.headers.has('Content-Encoding') || res.status === 206 || res.status === 204 || res.status === 304) return;
    // The answer depends on Accept-Encoding from here on, compressed or not: caches must key on it.
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) {
      res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    const length = res.headers.get('Content-Length');
    if (c.req.method === 'HEAD' || !res.body || (length !== null && Number(length) < thresholdBytes)) return;
    if (noTransform.test(res.headers.get('Cache-Control') ?? '')) return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const compressed = Readable.fromWeb(res.body as NodeReadableStream).pipe(compressors[encoding]());
    c.res = new Response(Readable.toWeb(compressed) as ReadableStream, res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoding);
    const etag = c.res.headers.get('ETag');
    // The bytes differ from the identity answer's, so its validator may only be weak.
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}
