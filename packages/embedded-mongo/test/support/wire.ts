import { connect, type Socket } from 'node:net';
import { deserialize, serialize, type Document } from 'bson';

/**
 * Just enough of the MongoDB wire protocol to hand-build messages, good and
 * bad, and to read replies: standard 16-byte header, OP_MSG sections.
 */
export const OP_MSG = 2013;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const HEADER_SIZE = 16;
/** The largest message a MongoDB server accepts (48,000,000 bytes). */
export const MAX_MESSAGE_SIZE = 48_000_000;

export function header(length: number, requestId: number, responseTo: number, opCode: number) {
  const bytes = Buffer.alloc(HEADER_SIZE);
  bytes.writeInt32LE(length | 0, 0);
  bytes.writeInt32LE(requestId | 0, 4);
  bytes.writeInt32LE(responseTo | 0, 8);
  bytes.writeInt32LE(opCode | 0, 12);
  return bytes;
}

export function bodySection(document: Document | Buffer): Buffer {
  const bson = Buffer.isBuffer(document) ? document : Buffer.from(serialize(document));
  return Buffer.concat([Buffer.from([0]), bson]);
}

export function documentSequenceSection(identifier: string, documents: Buffer[]): Buffer {
  const name = Buffer.from(`${identifier}\0`, 'utf8');
  const payload = Buffer.concat([name, ...documents]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(4 + payload.length, 0);
  return Buffer.concat([Buffer.from([1]), size, payload]);
}

/** An OP_MSG whose header length matches its bytes exactly. */
export function opMsg(requestId: number, sections: Buffer[], flags = 0): Buffer {
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32LE(flags >>> 0, 0);
  const body = Buffer.concat([flagBytes, ...sections]);
  return Buffer.concat([header(HEADER_SIZE + body.length, requestId, 0, OP_MSG), body]);
}

export function pingMessage(requestId: number): Buffer {
  return opMsg(requestId, [bodySection({ ping: 1, $db: 'admin' })]);
}

/** Host and port of a plain `mongodb://host:port/...` URI, for raw sockets. */
export function hostAndPort(uri: string): { host: string; port: number } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^:/,?]+)(?::(\d+))?/.exec(uri);
  if (match === null)
    throw new Error(`cannot open raw sockets to ${uri}: need mongodb://host:port`);
  return { host: match[1], port: Number(match[2] ?? 27017) };
}

export type WaitOutcome = 'reply' | 'closed' | 'timeout';

/**
 * One raw TCP connection. Replies are split into frames by their length and
 * matched to requests by `responseTo`; a close or a reset settles every
 * waiter as 'closed'.
 */
export class WireConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly answered = new Map<number, Document | null>();
  private readonly waiters = new Map<number, (outcome: WaitOutcome) => void>();
  private isClosed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    const onClose = () => this.markClosed();
    socket.on('close', onClose);
    socket.on('end', onClose);
    // A reset after we sent garbage is an expected outcome, not a test error.
    socket.on('error', onClose);
  }

  static open(host: string, port: number): Promise<WireConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.setNoDelay(true);
      const onError = (error: Error) => reject(error);
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        resolve(new WireConnection(socket));
      });
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  send(bytes: Buffer): void {
    if (!this.isClosed) this.socket.write(bytes);
  }

  /** The decoded reply to `requestId`, if one arrived and decoded. */
  replyTo(requestId: number): Document | null | undefined {
    return this.answered.get(requestId);
  }

  waitForReply(requestId: number, timeoutMs: number): Promise<WaitOutcome> {
    if (this.answered.has(requestId)) return Promise.resolve('reply');
    if (this.isClosed) return Promise.resolve('closed');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(requestId);
        resolve('timeout');
      }, timeoutMs);
      this.waiters.set(requestId, (outcome) => {
        clearTimeout(timer);
        this.waiters.delete(requestId);
        resolve(outcome);
      });
    });
  }

  destroy(): void {
    this.socket.destroy();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const settle of [...this.waiters.values()]) settle('closed');
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 4) {
      const length = this.buffer.readInt32LE(0);
      if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) {
        // The server framed its own reply wrongly: nothing after this can be trusted.
        this.destroy();
        return;
      }
      if (this.buffer.length < length) return;
      const frame = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      const responseTo = frame.readInt32LE(8);
      this.answered.set(responseTo, decodeOpMsgBody(frame));
      this.waiters.get(responseTo)?.('reply');
    }
  }
}

/** The body document of an OP_MSG reply, or null when the reply is not one. */
function decodeOpMsgBody(frame: Buffer): Document | null {
  if (frame.readInt32LE(12) !== OP_MSG || frame.length < HEADER_SIZE + 5) return null;
  if (frame[HEADER_SIZE + 4] !== 0) return null;
  try {
    return deserialize(frame.subarray(HEADER_SIZE + 5));
  } catch {
    return null;
  }
}

/**
 * How a server reading this byte stream must see it: 'complete' when the
 * stream splits exactly into frames of acceptable length (so the server can
 * act on every one of them), 'invalid' when some frame declares a length no
 * server accepts (it must drop the connection), and 'incomplete' when the last
 * frame declares more bytes than were sent (the server is right to wait).
 */
export function framingOf(bytes: Buffer): 'complete' | 'invalid' | 'incomplete' {
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < 4) return 'incomplete';
    const length = bytes.readInt32LE(offset);
    if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) return 'invalid';
    if (bytes.length - offset < HEADER_SIZE) return 'incomplete';
    if (bytes.length - offset < length) return 'incomplete';
    offset += length;
  }
  return 'complete';
}
