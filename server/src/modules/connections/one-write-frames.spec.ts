import type { Socket } from 'socket.io';
import { emitInOneWrite, holdUntilTicksRun, sendTogether } from './one-write-frames';
import { RealSockets, until, type Received } from './real-sockets.spec-support';

describe('emitInOneWrite', () => {
  let sockets: RealSockets;

  beforeEach(async () => {
    sockets = await RealSockets.start();
  });

  afterEach(() => sockets.stop());

  async function connect(
    transports: Array<'websocket' | 'polling'>,
  ): Promise<{ peer: Socket; received: Received }> {
    const peerConnected = new Promise<Socket>((resolve) =>
      sockets.server.once('connection', resolve),
    );
    const { received } = await sockets.connect('/', { transports });
    return { peer: await peerConnected, received };
  }

  it('delivers what socket.emit would, in order, over WebSocket and polling', async () => {
    const stateVector = Uint8Array.from([1, 2, 3]);
    const large = new Uint8Array(70_000).fill(9); // a 64-bit WebSocket length
    for (const transport of ['websocket', 'polling'] as const) {
      const { peer, received } = await connect([transport]);
      emitInOneWrite(peer, 'yjs', ['spec-1', large]);
      emitInOneWrite(peer, 'doc:saved', ['spec-1', { stateVector, updatesSaved: 2 }]);
      emitInOneWrite(peer, 'two', [Uint8Array.from([4]), { nested: Uint8Array.from([5, 6]) }]);
      emitInOneWrite(peer, 'doc:role', ['spec-1', { role: 'observer', canEdit: false }]);
      await until(() => received.length === 4);
      expect(received.map(([event]) => event)).toEqual(['yjs', 'doc:saved', 'two', 'doc:role']);
      expect(new Uint8Array(received[0][2] as ArrayBuffer)).toEqual(large);
      const saved = received[1][2] as { stateVector: ArrayBuffer; updatesSaved: number };
      expect(new Uint8Array(saved.stateVector)).toEqual(stateVector);
      expect(saved.updatesSaved).toBe(2);
      expect(new Uint8Array(received[2][1] as ArrayBuffer)).toEqual(Uint8Array.from([4]));
      const nested = (received[2][2] as { nested: ArrayBuffer }).nested;
      expect(new Uint8Array(nested)).toEqual(Uint8Array.from([5, 6]));
      expect(received[3][2]).toEqual({ role: 'observer', canEdit: false });
    }
  });

  it('writes an event with binary data to a WebSocket once, whatever its attachments', async () => {
    const { peer, received } = await connect(['websocket']);
    const sender = (peer.conn.transport as unknown as { socket: { _sender: object } }).socket
      ._sender as { sendFrame(list: Buffer[], done?: () => void): void };
    const sendFrame = jest.spyOn(sender, 'sendFrame');
    emitInOneWrite(peer, 'two', [Uint8Array.from([1]), Uint8Array.from([2])]);
    await until(() => received.length === 1);
    expect(sendFrame).toHaveBeenCalledTimes(1);
    expect(sendFrame.mock.calls[0][0]).toHaveLength(1);
  });

  it('sends nothing to a socket that has gone', async () => {
    const { peer, received } = await connect(['websocket']);
    peer.disconnect(true);
    await until(() => !peer.connected);
    expect(() => emitInOneWrite(peer, 'yjs', ['spec-1', Uint8Array.from([1])])).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(0);
  });
});

describe('sendTogether', () => {
  let sockets: RealSockets;

  beforeEach(async () => {
    sockets = await RealSockets.start();
  });

  afterEach(() => sockets.stop());

  /** A peer on a WebSocket, with its TCP socket's writes watched. */
  async function webSocketPeer() {
    const peerConnected = new Promise<Socket>((resolve) =>
      sockets.server.once('connection', resolve),
    );
    const { received } = await sockets.connect('/', { transports: ['websocket'] });
    const peer = await peerConnected;
    const tcp = (peer.conn.transport as unknown as { socket: { _socket: object } }).socket
      ._socket as { _writev(...args: unknown[]): void; _write(...args: unknown[]): void };
    return { peer, received, writev: jest.spyOn(tcp, '_writev'), write: jest.spyOn(tcp, '_write') };
  }

  it('sends a join’s messages to a WebSocket in one system call, in socket.io’s order', async () => {
    const { peer, received, writev, write } = await webSocketPeer();

    sendTogether(peer, () => {
      peer.emit('answer', { ok: true });
      emitInOneWrite(peer, 'yjs', ['spec-1', Uint8Array.from([0, 0, 1])]);
      emitInOneWrite(peer, 'doc:saved', ['spec-1', { stateVector: Uint8Array.from([0]) }]);
    });

    await until(() => received.length === 3);
    expect(received.map(([event]) => event)).toEqual(['answer', 'yjs', 'doc:saved']);
    expect(writev).toHaveBeenCalledTimes(1);
    expect(write).not.toHaveBeenCalled();
  });

  it('holds what is sent in the ticks already queued, as socket.io queues a read’s events, and lets it go together', async () => {
    const { peer, received, writev, write } = await webSocketPeer();

    // Two events of one read: each handled in its own tick, both queued before either runs.
    process.nextTick(() => {
      holdUntilTicksRun(peer);
      emitInOneWrite(peer, 'yjs', ['spec-1', Uint8Array.from([0, 1, 0])]);
    });
    process.nextTick(() => {
      holdUntilTicksRun(peer);
      emitInOneWrite(peer, 'doc:saved', ['spec-1', { stateVector: Uint8Array.from([0]) }]);
    });

    await until(() => received.length === 2);
    expect(received.map(([event]) => event)).toEqual(['yjs', 'doc:saved']);
    expect(writev).toHaveBeenCalledTimes(1);
    expect(write).not.toHaveBeenCalled();
  });

  it('sends as it would without it when the connection is not a WebSocket', async () => {
    const peerConnected = new Promise<Socket>((resolve) =>
      sockets.server.once('connection', resolve),
    );
    const { received } = await sockets.connect('/', { transports: ['polling'] });
    const peer = await peerConnected;
    sendTogether(peer, () => {
      peer.emit('answer', { ok: true });
      emitInOneWrite(peer, 'yjs', ['spec-1', Uint8Array.from([0, 0, 1])]);
    });
    await until(() => received.length === 2);
    expect(received.map(([event]) => event)).toEqual(['answer', 'yjs']);
  });
});
