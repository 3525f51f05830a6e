// Whether the server listens where other machines can reach it. ServicePulse has no accounts yet: anyone who can
// reach the port reads every metric and can import or change data, so listening beyond this machine is warned of.
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

/** The warning to print when starting on `host` with `port`, or undefined when only this machine can connect. */
export function exposureWarning(host: string, port: number): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  const everywhere = host === '0.0.0.0' || host === '::' || host === '[::]';
  return (
    `WARNING: HOST=${host} listens ${everywhere ? 'on every network this machine is on' : 'beyond this machine'}: anyone who can reach port ${port} ` +
    'can read every metric and import, change or delete data. ServicePulse has no accounts yet; for as long as there are no accounts, ' +
    'keep HOST=127.0.0.1 (the default) and reach it through an SSH tunnel or a proxy that asks who is connecting.'
  );
}
