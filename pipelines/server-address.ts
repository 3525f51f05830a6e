// Where a process listens for HTTP, read from Linux's /proc: lets the CLI, finding the database held by
// a running server, name the exact --server address instead of a guess.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const listening = '0A';

/** Listening TCP ports by socket inode, from one /proc/<pid>/net/tcp{,6} table. */
function listeningSockets(table: string): Map<string, { address: string; port: number }> {
  const sockets = new Map<string, { address: string; port: number }>();
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [address, port] = (fields[1] ?? '').split(':');
    if (fields[3] !== listening || !address || !port) continue;
    sockets.set(fields[9]!, { address, port: parseInt(port, 16) });
  }
  return sockets;
}

/** The loopback URL a client on this machine reaches the process's first listening port by; undefined when unknown. */
export function listeningUrlOf(pid: number): string | undefined {
  try {
    const sockets = new Map([
      ...listeningSockets(readFileSync(`/proc/${pid}/net/tcp`, 'utf8')),
      ...listeningSockets(readFileSync(`/proc/${pid}/net/tcp6`, 'utf8')),
    ]);
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      const socket = inode ? sockets.get(inode) : undefined;
      if (!socket) continue;
      // IPv4 addresses are little-endian hex; any other than "any" or loopback is used as it is.
      const ipv4 = socket.address.length === 8 ? (socket.address.match(/../g) ?? []).reverse().map((h) => parseInt(h, 16)).join('.') : undefined;
      const host = ipv4 && ipv4 !== '0.0.0.0' && !ipv4.startsWith('127.') ? ipv4 : ipv4 ? '127.0.0.1' : '[::1]';
      return `http://${host}:${socket.port}`;
    }
  } catch {
    // Not Linux, or not allowed to look: the caller falls back to the default address.
  }
  return undefined;
}
