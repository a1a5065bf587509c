import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import { io, type ManagerOptions, type Socket as ClientSocket } from 'socket.io-client';

/** What one client received, in order. */
export type Received = Array<[event: string, ...args: unknown[]]>;

/**
 * A socket.io server on a free loopback port, and the clients a spec opens against it:
 * for specs of the transport over real sockets. Only specs import it (the server's build
 * leaves `*.spec-support.ts` out).
 */
export class RealSockets {
  private readonly clients: ClientSocket[] = [];

  private constructor(
    readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: Partial<ServerOptions> = {}): Promise<RealSockets> {
    const http = createServer();
    const server = new Server(http, options);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return new RealSockets(server, `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
  }

  /** Opens a client (no reconnection) and records every event it receives. */
  async connect(
    path = '/',
    options: Partial<ManagerOptions> & { auth?: object } = {},
  ): Promise<{ client: ClientSocket; received: Received }> {
    const client = io(`${this.url}${path === '/' ? '' : path}`, {
      transports: ['websocket'],
      upgrade: false,
      reconnection: false,
      ...options,
    });
    this.clients.push(client);
    const received: Received = [];
    client.onAny((event: string, ...args: unknown[]) => received.push([event, ...args]));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    return { client, received };
  }

  /**
   * Disconnects the clients, waits until their connections have closed, and closes the
   * server (and its HTTP server). A polling client says goodbye with one more request:
   * with the server already gone that request fails a moment later, and its retry would
   * run after Jest has torn the spec's environment down.
   */
  async stop(): Promise<void> {
    await Promise.all(this.clients.splice(0).map(disconnected));
    await this.server.close();
  }
}

const CLOSE_LIMIT_MS = 2_000;

function disconnected(client: ClientSocket): Promise<void> {
  const engine = client.io.engine;
  if (!engine || engine.readyState === 'closed') {
    client.disconnect();
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const limit = setTimeout(resolve, CLOSE_LIMIT_MS);
    engine.once('close', () => {
      clearTimeout(limit);
      resolve();
    });
    client.disconnect();
  });
}

/** Waits until `check` holds (5 s at most). */
export async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
