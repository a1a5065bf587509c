import type { Socket } from 'socket.io';
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
  socket?: { _sender?: FrameSender; _socket?: Corkable };
}

/** The TCP socket under a WebSocket: writes made while it is corked leave together. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/** ws's sender: what engine.io itself calls to write a pre-encoded frame. */
interface FrameSender {
  sendFrame?: (list: Buffer[], done?: () => void) => void;
}

/** The engine.io side of a socket.io socket (socket.io marks these members private). */
export interface EngineClient {
  conn: {
    upgrading: boolean;
    transport: unknown;
    readyState?: string;
    /** Packets engine.io holds until its transport has written the ones before. */
    writeBuffer?: unknown[];
  };
  writeToEngine(packets: unknown[], options: object): void;
}

/** socket.io's encoding of one event, and the same as one pre-encoded WebSocket write. */
export interface OneWriteEvent {
  /** What socket.io's encoder made of the packet: a text header, then each attachment. */
  encoded: unknown[];
  /** Every WebSocket message of the event in one buffer; null for an event without binary. */
  frame: Buffer | null;
}

/**
 * socket.io sends an event that carries binary data as several WebSocket messages, a
 * text header and then each attachment, and engine.io writes each message only once the
 * one before it has been written: a system call per message, the later ones a turn
 * later. Every Yjs frame and every "Saved" notice is such an event. Framed here once,
 * all its messages go to engine.io as one pre-encoded frame (the hook socket.io's own
 * adapter uses for text), so each recipient costs one write; the bytes on the wire are
 * exactly those socket.io would send.
 */
export function encodeInOneWrite(
  encoder: { encode(packet: unknown): unknown },
  packet: object,
): OneWriteEvent {
  const encoded = encoder.encode(packet) as unknown[];
  const [header, ...attachments] = encoded;
  if (attachments.length === 0 || typeof header !== 'string' || !attachments.every(isBinary)) {
    return { encoded, frame: null };
  }
  const frame = Buffer.concat([
    ...Sender.frame(Buffer.from(`4${header}`), frameOptions(1)),
    ...attachments.flatMap((attachment) => Sender.frame(toBuffer(attachment), frameOptions(2))),
  ]);
  return { encoded, frame };
}

/**
 * Hands an encoded event to one recipient, in one write when it can. When engine.io holds
 * nothing back for the connection, the frame goes straight to the WebSocket's sender, as
 * engine.io would hand it on (a relay reaches dozens of people, and engine.io's packet
 * bookkeeping is most of a send's cost): everything sent before is with the sender
 * already, so the order is kept. Otherwise it queues behind what engine.io holds.
 */
export function writeEvent(client: EngineClient, event: OneWriteEvent, options: object): void {
  const engine = client.conn;
  if (event.frame === null || engine.upgrading || !sendsPreEncodedFrames(engine.transport)) {
    client.writeToEngine(event.encoded, options);
    return;
  }
  const sender = (engine.transport as WebSocketTransport).socket?._sender;
  if (engine.readyState === 'open' && engine.writeBuffer?.length === 0 && sender?.sendFrame) {
    sender.sendFrame([event.frame]);
    return;
  }
  // One engine.io packet whose frame is every WebSocket message of the event.
  client.writeToEngine([event.encoded[0]], {
    ...options,
    preEncoded: true,
    wsPreEncodedFrame: [event.frame],
  });
}

/**
 * Sends an event to one socket as `socket.emit` does (no acknowledgement), in one write
 * when it carries binary data.
 */
export function emitInOneWrite(socket: Socket, event: string, args: unknown[]): void {
  // Text alone is one message already: socket.io's own path.
  if (!args.some(carriesBinary)) {
    socket.emit(event, ...args);
    return;
  }
  const client = socket.client as unknown as EngineClient;
  if (!socket.connected || client.conn.readyState !== 'open') return;
  const packet = { type: 2 /* EVENT */, data: [event, ...args], nsp: socket.nsp.name };
  (
    socket as unknown as { notifyOutgoingListeners?: (p: unknown) => void }
  ).notifyOutgoingListeners?.(packet);
  writeEvent(client, encodeInOneWrite(socket.nsp.server.encoder, packet), {
    preEncoded: true,
    compress: true,
  });
}

/**
 * Runs `send`, whose messages to one socket (a join's answer, sync step 1, presence and
 * "Saved") then leave in one system call rather than one each: the WebSocket's TCP socket
 * is corked while they are written. Their order is socket.io's, as without it.
 */
export function sendTogether(socket: Socket, send: () => void): void {
  const tcp = tcpSocketOf(socket);
  if (!tcp) {
    send();
    return;
  }
  tcp.cork();
  try {
    send();
  } finally {
    tcp.uncork();
  }
}

const holding = new WeakSet<Corkable>();

/**
 * Holds what is sent to `socket` from now until the current callback's ticks have run, to
 * leave in one system call: the answers to the frames of one read from it (sync step 2 and
 * "Saved" to a joining editor) go together. socket.io hands each event of a read to its
 * handlers in a tick of its own, queued before this one's release.
 */
export function holdUntilTicksRun(socket: Socket): void {
  const tcp = tcpSocketOf(socket);
  if (!tcp || holding.has(tcp)) return;
  holding.add(tcp);
  tcp.cork();
  process.nextTick(() => {
    holding.delete(tcp);
    tcp.uncork();
  });
}

/** The TCP socket under a socket.io socket's WebSocket, if that is what it is on now. */
function tcpSocketOf(socket: Socket): Corkable | undefined {
  // Past socket.io's public types: anything unexpected there is sent as without this.
  const client = socket.client as unknown as Partial<EngineClient> | undefined;
  const transport = client?.conn?.transport as WebSocketTransport | undefined;
  const tcp = transport?.name === 'websocket' ? transport.socket?._socket : undefined;
  return typeof tcp?.cork === 'function' && typeof tcp.uncork === 'function' ? tcp : undefined;
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

/** Whether socket.io would send the value with attachments (binary data anywhere in it). */
function carriesBinary(value: unknown): boolean {
  if (isBinary(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Array.isArray(value)
    ? value.some(carriesBinary)
    : Object.values(value as Record<string, unknown>).some(carriesBinary);
}

function isBinary(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function toBuffer(value: Uint8Array | ArrayBuffer): Buffer {
  return value instanceof ArrayBuffer
    ? Buffer.from(value)
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
