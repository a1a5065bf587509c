import type { Server } from 'socket.io';
import { RealSockets, until } from '../connections/real-sockets.spec-support';
import { SingleWriteAdapter } from './single-write-adapter';

describe('SingleWriteAdapter', () => {
  let sockets: RealSockets;
  let server: Server;

  beforeEach(async () => {
    sockets = await RealSockets.start({ adapter: SingleWriteAdapter as never });
    server = sockets.server;
    server.on('connection', (socket) => {
      void socket.join('specification');
    });
  });

  afterEach(() => sockets.stop());

  const connect = (transports: Array<'websocket' | 'polling'>) =>
    sockets.connect('/', { transports });

  it('delivers binary and text broadcasts intact and in order, over WebSocket and polling', async () => {
    const overWebSocket = await connect(['websocket']);
    const overPolling = await connect(['polling']);
    const update = Uint8Array.from({ length: 300 }, (_, index) => index % 256);
    const large = new Uint8Array(70_000).fill(7); // a 64-bit WebSocket length
    const webSocketPeer = [...server.sockets.sockets.values()].find(
      (socket) => socket.conn.transport.name === 'websocket',
    );
    const sender = (webSocketPeer?.conn.transport as unknown as { socket: { _sender: object } })
      .socket._sender as { sendFrame(list: Buffer[], done?: () => void): void };
    const sendFrame = jest.spyOn(sender, 'sendFrame');

    server.to('specification').emit('yjs', 'spec-1', update);
    server.to('specification').emit('doc:saved', 'spec-1', { updatesSaved: 1 });
    server.to('specification').emit('yjs', 'spec-1', large);
    server.to('specification').emit('yjs', 'spec-1', new Uint8Array(0));

    for (const { received } of [overWebSocket, overPolling]) {
      await until(() => received.length === 4);
      expect(received.map(([event]) => event)).toEqual(['yjs', 'doc:saved', 'yjs', 'yjs']);
      expect(new Uint8Array(received[0][2] as ArrayBuffer)).toEqual(update);
      expect(received[1][2]).toEqual({ updatesSaved: 1 });
      expect(new Uint8Array(received[2][2] as ArrayBuffer)).toEqual(large);
      expect((received[3][2] as ArrayBuffer).byteLength).toBe(0);
    }
    // Each binary broadcast went to the WebSocket peer as one write of both messages.
    expect(sendFrame.mock.calls.filter(([list]) => list.length === 1)).toHaveLength(3);
  });

  it('leaves out the sockets a broadcast excepts', async () => {
    const author = await connect(['websocket']);
    const reader = await connect(['websocket']);
    server
      .to('specification')
      .except(author.client.id!)
      .emit('yjs', 'spec-1', new Uint8Array([1]));
    server.to('specification').emit('yjs', 'spec-1', new Uint8Array([2]));
    await until(() => reader.received.length === 2 && author.received.length === 1);
    expect(new Uint8Array(author.received[0][2] as ArrayBuffer)).toEqual(new Uint8Array([2]));
  });
});
