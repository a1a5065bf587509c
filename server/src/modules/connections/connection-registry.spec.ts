import type { Socket } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import { CollabEvent } from '@coproduce/protocol';
import { Connection } from './connection';
import { ConnectionRegistry } from './connection-registry';
import { RealSockets, until, type Received } from './real-sockets.spec-support';

describe('the connection registry, over real sockets', () => {
  let sockets: RealSockets;
  let registry: ConnectionRegistry;
  /** The connection the server made for each client, by the client's person. */
  let accepted: Array<{ connection: Connection; socket: Socket }>;

  beforeEach(async () => {
    sockets = await RealSockets.start();
    registry = new ConnectionRegistry();
    accepted = [];
    const namespace = sockets.server.of('/collab');
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
  });

  afterEach(() => sockets.stop());

  async function connect(
    userId: string,
    sessionKey = `${userId}-session`,
  ): Promise<{ connection: Connection; received: Received; client: ClientSocket }> {
    const { client, received } = await sockets.connect('/collab', {
      auth: { userId, sessionKey },
    });
    await until(() => accepted.some(({ socket }) => socket.id === client.id));
    const connection = accepted.find(({ socket }) => socket.id === client.id)!.connection;
    return { connection, received, client };
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
