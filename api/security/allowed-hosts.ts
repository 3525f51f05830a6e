// Answers only requests addressed to this server by a name it knows. A web page on another site can point its
// own domain at 127.0.0.1 (DNS rebinding) and then read and write this server as if it were that site; the
// browser still sends that domain as Host, so refusing unknown names closes the attack.
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem.ts';

/**
 * Whether a request's host name (no port; IPv6 in brackets, as URLs write it) is one to answer. Addresses always
 * are (a browser that sends an address as Host connected to that address: there is no name to rebind), as are
 * `localhost` and its subdomains; other names only when listed. A listed name with a leading dot (`.example.com`)
 * allows that domain and its subdomains.
 */
export function isAllowedHost(hostname: string, allowed: readonly string[]): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  if (isIP(bare) !== 0) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowed.some((entry) => {
    const listed = entry.toLowerCase();
    return listed.startsWith('.') ? name === listed.slice(1) || name.endsWith(listed) : name === listed;
  });
}

/** Refuses, with a 403 problem, any request whose Host is not an allowed name (see isAllowedHost). */
export function allowedHostsOnly(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const { hostname } = new URL(c.req.url);
    if (isAllowedHost(hostname, allowed)) return next();
    return problemResponse(c, {
      status: 403,
      title: 'Unknown host name',
      detail: `This server does not answer requests addressed to "${hostname}". Use its address, or add the name to SERVICEPULSE_ALLOWED_HOSTS.`,
      host: hostname,
    });
  };
}
