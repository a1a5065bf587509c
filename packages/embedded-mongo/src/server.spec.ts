import net from 'node:net';
import { BSON, type Document } from 'bson';
import { startEmbeddedMongo, type TcpEmbeddedMongo } from './in-process';
import { FrameReader } from './transport/frame-reader';
import { OpCode } from './transport/wire-message';

/** A raw wire-protocol client, to send what no driver would. */
class RawConnection {
  private readonly reader = new FrameReader();
  private readonly frames: Buffer[] = [];
  private waiting: (() => void) | undefined;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.frames.push(...this.reader.push(chunk));
      this.waiting?.();
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  async reply(timeoutMs = 2000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (Date.now() > deadline) throw new Error('no reply');
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 50);
      });
    }
    return this.frames.shift()!;
  }

  close(): void {
    this.socket.destroy();
  }
}

function header(length: number, requestId: number, opCode: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeInt32LE(length, 0);
  bytes.writeInt32LE(requestId, 4);
  bytes.writeInt32LE(0, 8);
  bytes.writeInt32LE(opCode, 12);
  return bytes;
}

function opMsg(body: Document | Buffer, requestId = 1, flags = 0): Buffer {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(BSON.serialize(body));
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32LE(flags >>> 0, 0);
  const checksum = flags & 1 ? Buffer.alloc(4) : Buffer.alloc(0);
  const length = 16 + 4 + 1 + payload.length + checksum.length;
  return Buffer.concat([
    header(length, requestId, OpCode.MSG),
    flagBytes,
    Buffer.from([0]),
    payload,
    checksum,
  ]);
}

function msgBody(frame: Buffer): Document {
  expect(frame.readInt32LE(12)).toBe(OpCode.MSG);
  return BSON.deserialize(frame.subarray(21));
}

describe('wire server', () => {
  let server: TcpEmbeddedMongo;
  beforeAll(async () => {
    server = await startEmbeddedMongo();
  });
  afterAll(() => server.stop());

  async function ping(): Promise<Document> {
    const connection = await RawConnection.open(server.port);
    connection.send(opMsg({ ping: 1, $db: 'admin' }));
    const body = msgBody(await connection.reply());
    connection.close();
    return body;
  }

  it('answers an OP_MSG command with the reply addressed to its request id', async () => {
    const connection = await RawConnection.open(server.port);
    connection.send(opMsg({ hello: 1, $db: 'admin' }, 77));
    const frame = await connection.reply();
    expect(frame.readInt32LE(8)).toBe(77);
    expect(msgBody(frame)).toMatchObject({ ok: 1, isWritablePrimary: true, maxWireVersion: 21 });
    connection.close();
  });

  it('answers the legacy OP_QUERY isMaster handshake with an OP_REPLY', async () => {
    const connection = await RawConnection.open(server.port);
    const name = Buffer.from('admin.$cmd\0');
    const query = Buffer.from(BSON.serialize({ isMaster: 1 }));
    const numbers = Buffer.alloc(8);
    numbers.writeInt32LE(-1, 4);
    const length = 16 + 4 + name.length + 8 + query.length;
    connection.send(
      Buffer.concat([header(length, 5, OpCode.QUERY), Buffer.alloc(4), name, numbers, query]),
    );
    const frame = await connection.reply();
    expect(frame.readInt32LE(12)).toBe(OpCode.REPLY);
    expect(frame.readInt32LE(32)).toBe(1);
    expect(BSON.deserialize(frame.subarray(36))).toMatchObject({ ismaster: true, ok: 1 });
    connection.close();
  });

  it('replies with an error to invalid BSON and keeps serving the same connection', async () => {
    const connection = await RawConnection.open(server.port);
    const broken = Buffer.from(BSON.serialize({ ping: 1, $db: 'admin' }));
    broken.writeInt32LE(broken.length + 40, 0);
    connection.send(opMsg(broken, 3));
    expect(msgBody(await connection.reply())).toMatchObject({
      ok: 0,
      code: 22,
      codeName: 'InvalidBSON',
    });
    connection.send(opMsg({ ping: 1, $db: 'admin' }, 4));
    expect(msgBody(await connection.reply())).toMatchObject({ ok: 1 });
    connection.close();
  });

  it('closes only the connection whose message length is impossible or over 48 MB', async () => {
    for (const length of [3, 48_000_001, -20]) {
      const connection = await RawConnection.open(server.port);
      connection.send(header(length, 1, OpCode.MSG));
      await connection.closed;
    }
    expect(await ping()).toMatchObject({ ok: 1 });
  });

  it('accepts a message with the checksum flag and answers nothing to moreToCome', async () => {
    const connection = await RawConnection.open(server.port);
    const insert = {
      insert: 'engagementEvents',
      documents: [{ _id: 1, kind: 'drop-in' }],
      $db: 'wire',
    };
    connection.send(opMsg(insert, 8, 2));
    connection.send(opMsg({ find: 'engagementEvents', filter: {}, $db: 'wire' }, 9, 1));
    const frame = await connection.reply();
    expect(frame.readInt32LE(8)).toBe(9);
    expect(msgBody(frame).cursor.firstBatch).toEqual([{ _id: 1, kind: 'drop-in' }]);
    connection.close();
  });

  it('answers unknown commands and unknown opcodes the way mongod does, and stays up', async () => {
    const connection = await RawConnection.open(server.port);
    connection.send(opMsg({ summonSpecification: 1, $db: 'admin' }));
    expect(msgBody(await connection.reply())).toEqual({
      ok: 0,
      errmsg: "no such command: 'summonSpecification'",
      code: 59,
      codeName: 'CommandNotFound',
    });
    connection.send(Buffer.concat([header(20, 2, 9999), Buffer.alloc(4)]));
    await connection.closed;
    expect(await ping()).toMatchObject({ ok: 1 });
  });

  it('survives a stream of random bytes', async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 50; i++) {
      const connection = await RawConnection.open(server.port);
      const body = Buffer.alloc(8 + (random() % 200));
      for (let j = 0; j < body.length; j++) body[j] = random() & 0xff;
      const frame = opMsg(body, i, random() & 3);
      connection.send(frame);
      await Promise.race([connection.reply(300).catch(() => undefined), connection.closed]);
      connection.close();
    }
    expect(await ping()).toMatchObject({ ok: 1 });
  });
});
