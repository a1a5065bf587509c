import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Unix domain socket in a directory of its own that only this user may open. */
export interface PrivateSocket {
  path: string;
  /** The URI the MongoDB driver connects to: the path, percent-encoded, as the host. */
  uri: string;
  remove(): Promise<void>;
}

/**
 * A loopback port is open to every user of the machine, and the store has no accounts
 * of its own. A socket inside a fresh directory mkdtemp creates 0700 is reachable only
 * by this user (and root), whatever the socket file's own mode; a new directory each
 * start means a crashed run's socket is never in the way. The temporary directory
 * keeps the path short: a socket's path must fit in 107 bytes.
 */
export async function createPrivateSocket(): Promise<PrivateSocket> {
  const directory = await mkdtemp(join(tmpdir(), 'embedded-mongo-'));
  // The driver takes a host ending in ".sock" for a socket path.
  const path = join(directory, 'mongod.sock');
  return {
    path,
    uri: `mongodb://${encodeURIComponent(path)}`,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
