// Whether the server listens where other machines can reach it, and what that requires: real accounts. The demo's
// accounts have passwords printed at start and kept in a file beside the database, so a server other machines can
// reach refuses to start while any exists; a server without TLS in front sends passwords and cookies in clear.
import { isIP } from 'node:net';

/** Only this machine can connect: `localhost` or a loopback address (127.0.0.0/8, ::1, ::ffff:127.x.y.z). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  const mappedV4 = name.replace(/^::ffff:/, '');
  if (isIP(mappedV4) === 4) return mappedV4.startsWith('127.');
  // The URL parser writes an IPv6 address in its one canonical form (0:0:0:0:0:0:0:1 becomes ::1).
  return isIP(name) === 6 && new URL(`http://[${name}]/`).hostname === '[::1]';
}

const where = (host: string) => (host === '0.0.0.0' || host === '::' || host === '[::]' ? 'on every network this machine is on' : 'beyond this machine');

/** The warning to print when starting on `host` with `port`, or undefined when only this machine can connect. */
export function exposureWarning(host: string, port: number): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return (
    `WARNING: HOST=${host} listens ${where(host)}, port ${port}, in plain HTTP: passwords and session cookies cross the ` +
    'network readable unless a TLS proxy (HTTPS) is in front; put one there, or keep HOST=127.0.0.1 and reach the server through an SSH tunnel.'
  );
}

/**
 * Why the server must not start on `host`, or undefined: beyond this machine it needs real accounts, so neither demo
 * accounts (whose passwords were printed and sit in a file) nor a demo about to be seeded with them.
 */
export function exposureRefusal(host: string, demo: { accounts: number; aboutToSeed: boolean }): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  if (demo.accounts > 0) {
    return (
      `refusing to listen on HOST=${host} (${where(host)}): the database has ${demo.accounts} demo account${demo.accounts === 1 ? '' : 's'}, whose ` +
      'passwords were printed at start and are kept beside the database. Other machines may reach only real accounts: use a database ' +
      'without the demo (SERVICEPULSE_DEMO=0, or --no-demo, with `npm run users -- add`), or keep HOST=127.0.0.1.'
    );
  }
  if (demo.aboutToSeed) {
    return (
      `refusing to listen on HOST=${host} (${where(host)}): the database is empty and would be seeded with the demo and its accounts, ` +
      'whose passwords are printed. Start with --no-demo (or SERVICEPULSE_DEMO=0) and create accounts with `npm run users -- add`, or keep HOST=127.0.0.1.'
    );
  }
  return undefined;
}
