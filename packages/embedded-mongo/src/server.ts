import net from 'node:net';
import { chmod } from 'node:fs/promises';
import type { Document } from 'bson';
import type { Engine } from './engine/engine';
import { errorReply, runCommand } from './commands/dispatcher';
import { CommandError } from './commands/command-error';
import { PRIVATE_FILE_MODE } from './storage/private-files';
import { FrameReader } from './transport/frame-reader';
import {
  encodeMsgReply,
  encodeOpReply,
  MalformedMessage,
  OpCode,
  parseCommand,
  readHeader,
} from './transport/wire-message';

const LEGACY_HANDSHAKES = new Set(['hello', 'isMaster', 'ismaster']);

/** Messages read ahead of the one being processed before the socket is paused. */
const MAX_QUEUED_MESSAGES = 64;

/**
 * The TCP side: one sequential command queue per connection (as mongod runs
 * a connection's operations in order). A broken message gets an error reply
 * or closes its own connection; nothing a client sends can stop the server.
 */
export class WireServer {
  private readonly server: net.Server;
  private readonly connections = new Map<net.Socket, Promise<void>>();
  private nextConnectionId = 1;
  private nextRequestId = 1;
  /** Once set, no new message is read: the server is finishing what it has and closing. */
  private closing = false;

  constructor(private readonly engine: Engine) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  async listen(port: number, host: string): Promise<number> {
    await this.bind({ port, host });
    return (this.server.address() as net.AddressInfo).port;
  }

  /**
   * Listens on a Unix domain socket only, no TCP: who may connect is then who may
   * reach the socket file, which the caller keeps in a directory only its user opens.
   */
  async listenOnSocket(path: string): Promise<void> {
    await this.bind({ path });
    await chmod(path, PRIVATE_FILE_MODE);
  }

  private bind(options: net.ListenOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(options, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Stops accepting, lets every connection finish the command it is running, then closes them. */
  async close(): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.connections.keys()) socket.pause();
    await Promise.allSettled([...this.connections.values()]);
    for (const socket of this.connections.keys()) socket.destroy();
    await closed;
  }

  private accept(socket: net.Socket): void {
    const connectionId = this.nextConnectionId++;
    const reader = new FrameReader();
    let queued = 0;
    socket.setNoDelay(true);
    this.connections.set(socket, Promise.resolve());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.connections.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      if (this.closing) return;
      let frames: Buffer[];
      try {
        frames = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        queued++;
        if (queued > MAX_QUEUED_MESSAGES) socket.pause();
        const previous = this.connections.get(socket) ?? Promise.resolve();
        const next = previous
          .then(() => this.handle(socket, frame, connectionId))
          .catch(() => {
            socket.destroy();
          })
          .finally(() => {
            queued--;
            if (queued <= MAX_QUEUED_MESSAGES / 2 && !socket.destroyed && !this.closing) {
              socket.resume();
            }
          });
        this.connections.set(socket, next);
      }
    });
  }

  private async handle(socket: net.Socket, frame: Buffer, connectionId: number): Promise<void> {
    if (socket.destroyed) return;
    const header = readHeader(frame);
    if (header.opCode !== OpCode.MSG && header.opCode !== OpCode.QUERY) {
      // Unknown opcodes (including compression, never offered) have no reply format: drop the connection.
      socket.destroy();
      return;
    }
    let reply: Document;
    let moreToCome = false;
    try {
      const request = parseCommand(frame, header);
      if (request.kind === 'query') {
        // As in mongod 6+, OP_QUERY carries only the first handshake; anything else must use OP_MSG.
        const name = Object.keys(request.body)[0] ?? '';
        if (!request.collection.endsWith('.$cmd') || !LEGACY_HANDSHAKES.has(name)) {
          throw new CommandError(
            'UnsupportedOpQueryCommand',
            `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`,
          );
        }
        reply = await runCommand(
          this.engine,
          request.body,
          connectionId,
          request.collection.slice(0, -5),
        );
      } else {
        moreToCome = request.moreToCome;
        reply = await runCommand(this.engine, request.body, connectionId);
      }
    } catch (error) {
      reply =
        error instanceof MalformedMessage
          ? { ok: 0, errmsg: error.message, code: error.code, codeName: error.codeName }
          : errorReply(error);
    }
    if (moreToCome || socket.destroyed) return;
    socket.write(this.encode(header.opCode, header.requestId, reply));
  }

  private encode(opCode: number, responseTo: number, reply: Document): Buffer {
    const encode = opCode === OpCode.QUERY ? encodeOpReply : encodeMsgReply;
    const requestId = this.nextRequestId++ & 0x7fffffff;
    try {
      return encode(requestId, responseTo, reply);
    } catch (error) {
      return encode(requestId, responseTo, errorReply(error));
    }
  }
}
