import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { CollabEvent } from '@coproduce/protocol';
import { Connection } from './connection';
import { ConnectionRegistry } from './connection-registry';

/** What one client received, in order. */
type Received = Array<[event: string, ...args: unknown[]]>;

describe('the connection registry, over real sockets', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  let registry: ConnectionRegistry;
  const clients: ClientSocket[] = [];
  /** The connection the server made for each client, by the client's person. */
  let accepted: Array<{ connection: Connection; socket: Socket }>;

  beforeEach(async () => {
    http = createServer();
    server = new Server(http);
    registry = new ConnectionRegistry();
    accepted = [];
    const namespace = server.of('/collab');
    registry.attach(namespace);
    namespace.on('connection', (socket) => {
      const { userId, sessionKey } = socket.handshake.auth as Record<string, string>;
      const connection = new Connection(socket, {
        userId,
        name: userId,
        sessionKey,
        sessionExpiresAt: Number.MAX_SAFE_INTEGER,
      });
      registry.add(connection);
      socket.on('disconnect', () => registry.remove(connection));
      accepted.push({ connection, socket });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server.close();
  });

  async function connect(
    userId: string,
    sessionKey = `${userId}-session`,
  ): Promise<{ connection: Connection; received: Received; client: ClientSocket }> {
    const client = io(`${url}/collab`, {
      auth: { userId, sessionKey },
      transports: ['websocket'],
      reconnection: false,
    });
    clients.push(client);
    const received: Received = [];
    client.onAny((event: string, ...args: unknown[]) => received.push([event, ...args]));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    await until(() => accepted.some(({ socket }) => socket.id === client.id));
    const connection = accepted.find(({ socket }) => socket.id === client.id)!.connection;
    return { connection, received, client };
  }

  async function until(check: () => boolean): Promise<void> {
    for (let waited = 0; !check(); waited += 10) {
      if (waited > 5_000) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

  it('sends to everyone viewing a specification, and to nobody else', async () => {
    const expert = await connect('expert');
    const steering = await connect('steering');
    const elsewhere = await connect('observer');
    await registry.viewSpecification(expert.connection, 'spec-1');
    await registry.viewSpecification(steering.connection, 'spec-1');
    await registry.viewSpecification(elsewhere.connection, 'spec-2');

    registry.toSpecification('spec-1', CollabEvent.role, [
      'spec-1',
      { role: 'observer', canEdit: false },
    ]);

    await until(() => expert.received.length === 1 && steering.received.length === 1);
    await pause();
    expect(expert.received).toEqual([
      [CollabEvent.role, 'spec-1', { role: 'observer', canEdit: false }],
    ]);
    expect(elsewhere.received).toEqual([]);
  });

  it('leaves out the one connection a relay came from, and those that stopped viewing', async () => {
    const sender = await connect('expert');
    const viewer = await connect('steering');
    const left = await connect('commissioner');
    for (const { connection } of [sender, viewer, left]) {
      await registry.viewSpecification(connection, 'spec-1');
    }
    registry.stopViewing(left.connection, 'spec-1');
    await pause();

    registry.toSpecification(
      'spec-1',
      CollabEvent.yjs,
      ['spec-1', Uint8Array.of(1)],
      sender.connection.id,
    );

    await until(() => viewer.received.length === 1);
    await pause();
    expect(sender.received).toEqual([]);
    expect(left.received).toEqual([]);
  });

  it('reaches every connection of one person, wherever they are looking, and finds them by person and session', async () => {
    const tabOne = await connect('expert', 'laptop');
    const tabTwo = await connect('expert', 'phone');
    const someoneElse = await connect('steering');

    registry.toPerson('expert', CollabEvent.warning, 'spec-1', {
      code: 'document-large',
      message: 'large',
      bytes: 2,
      limitBytes: 1,
    });

    await until(() => tabOne.received.length === 1 && tabTwo.received.length === 1);
    await pause();
    expect(someoneElse.received).toEqual([]);
    expect(
      registry
        .ofPerson('expert')
        .map((connection) => connection.id)
        .sort(),
    ).toEqual([tabOne.connection.id, tabTwo.connection.id].sort());
    expect(registry.ofSession('phone')).toEqual([tabTwo.connection]);
  });

  it('forgets a connection once it is gone', async () => {
    const expert = await connect('expert');
    expert.client.disconnect();

    await until(() => registry.ofPerson('expert').length === 0);
    expect(registry.ofSession('expert-session')).toEqual([]);
  });
});
