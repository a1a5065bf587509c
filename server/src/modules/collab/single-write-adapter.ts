import { Adapter, type BroadcastOptions } from 'socket.io-adapter';
import * as ws from 'ws';

interface FrameOptions {
  readOnly: boolean;
  mask: boolean;
  rsv1: boolean;
  opcode: 1 | 2;
  fin: boolean;
}

/** ws's frame encoder, which socket.io's adapter uses too: in its JavaScript, not its types. */
const { Sender } = ws as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] };
};

/** What engine.io's WebSocket transport exposes, past its public type, to send a frame as is. */
interface WebSocketTransport {
  name: string;
  perMessageDeflate?: unknown;
  socket?: { _sender?: { sendFrame?: unknown } };
}

/** A recipient as the adapter sees it (socket.io marks these members private). */
interface Recipient {
  notifyOutgoingListeners?: (packet: unknown) => void;
  client: {
    conn: { upgrading: boolean; transport: unknown };
    writeToEngine(packets: unknown[], options: object): void;
  };
}

/** The adapter's own recipient walk (rooms, except, local), private in its types. */
interface RecipientWalk {
  apply(opts: BroadcastOptions, callback: (socket: Recipient) => void): void;
}

/**
 * socket.io sends a binary event as two WebSocket messages, a text header and the
 * attachment, and engine.io writes the second only once the first has been written:
 * two system calls per recipient, the second a turn later. Every Yjs relay is such an
 * event. This adapter frames both messages once per broadcast and hands them to
 * engine.io as one pre-encoded frame (the hook socket.io's own adapter uses for text),
 * so each recipient costs one write. The bytes on the wire are exactly those socket.io
 * would send; recipients not on a plain WebSocket get the ordinary path.
 */
export class SingleWriteAdapter extends Adapter {
  override broadcast(packet: { nsp?: string }, opts: BroadcastOptions): void {
    const flags = opts.flags ?? {};
    packet.nsp = this.nsp.name;
    const encoded = this.nsp.server.encoder.encode(packet) as unknown[];
    const [header, attachment] = encoded;
    if (encoded.length !== 2 || typeof header !== 'string' || !isBinary(attachment)) {
      super.broadcast(packet, opts);
      return;
    }
    const packetOptions = { preEncoded: true, volatile: flags.volatile, compress: flags.compress };
    const bothFrames = Buffer.concat([
      ...Sender.frame(Buffer.from(`4${header}`), frameOptions(1)),
      ...Sender.frame(toBuffer(attachment), frameOptions(2)),
    ]);
    const packed = { ...packetOptions, wsPreEncodedFrame: [bothFrames] };
    (this as unknown as RecipientWalk).apply(opts, (socket) => {
      socket.notifyOutgoingListeners?.(packet);
      const engine = socket.client.conn;
      if (engine.upgrading || !sendsPreEncodedFrames(engine.transport)) {
        socket.client.writeToEngine(encoded, packetOptions);
        return;
      }
      // One engine.io packet whose frame is both WebSocket messages.
      socket.client.writeToEngine([header], packed);
    });
  }
}

/** The conditions under which engine.io's WebSocket transport writes a pre-encoded frame. */
function sendsPreEncodedFrames(transport: unknown): boolean {
  const webSocket = transport as WebSocketTransport;
  return (
    webSocket.name === 'websocket' &&
    !webSocket.perMessageDeflate &&
    typeof webSocket.socket?._sender?.sendFrame === 'function'
  );
}

function frameOptions(opcode: 1 | 2): FrameOptions {
  return { readOnly: false, mask: false, rsv1: false, opcode, fin: true };
}

function isBinary(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function toBuffer(value: Uint8Array | ArrayBuffer): Buffer {
  return value instanceof ArrayBuffer
    ? Buffer.from(value)
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
