// Security headers on every answer, and the dashboard page's Content-Security-Policy.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * hono/secure-headers with its defaults (nosniff, Cross-Origin-Opener/Resource-Policy same-origin, …) except:
 * - `Referrer-Policy: same-origin`, not `no-referrer`: under no-referrer a browser sends `Origin: null` with the
 *   dashboard's own POSTs, which api/security/same-origin-writes.ts would then refuse;
 * - `X-Frame-Options: DENY` (with `frame-ancestors 'none'`): no page may frame the dashboard (clickjacking);
 * - no Strict-Transport-Security: the server speaks plain HTTP, where browsers ignore it, and a TLS proxy in front
 *   decides it for its own names;
 * - API answers and files get `default-src 'none'`: nothing they hold is meant to run or load anything. The
 *   dashboard page sets its own policy (dashboardPolicy), which is kept (`overwrite: false`).
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    overwrite: false,
  });
}

/** `'sha256-…'` of each inline script in the page, as the browser hashes it: the text between the tags. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

/**
 * The dashboard page's policy. Its scripts are its own files and the inline scripts of the built page (the
 * SvelteKit start-up and the theme script of web/src/app.html), allowed by hash, so an injected script runs
 * nowhere. Styles come from its own files; only style *attributes* are allowed inline: the ECharts tooltip is HTML
 * with `style="…"` (web/src/lib/charts/options/metric-series.ts) and app.html wraps the body in one. Style
 * attributes cannot run code, and `<style>` elements stay refused.
 */
export function dashboardPolicy(indexHtml: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(indexHtml).join(' ')}`.trim(),
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    // ECharts' "save as image" hands the chart over as a data: URL.
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Puts the dashboard's policy on the page, whichever route served it (the file at `/`, or the SPA fallback). */
export function dashboardPolicyOnPages(indexHtml: string): MiddlewareHandler {
  const policy = dashboardPolicy(indexHtml);
  return async (c, next) => {
    await next();
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.res.headers.set('Content-Security-Policy', policy);
  };
}
