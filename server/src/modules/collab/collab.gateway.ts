import { Logger } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  COLLAB_NAMESPACE,
  CollabEvent,
  FrameDecodeError,
  UNAUTHORIZED_MESSAGE,
  decodeFrame,
  isDocId,
  toBytes,
  type FrameErrorCode,
  type JoinAck,
} from '@coproduce/protocol';
import {
  BadMessage,
  BadRequest,
  Forbidden,
  NotJoined,
  ServiceUnavailable,
} from '../../base/errors';
import { Connection } from '../connections/connection';
import { ConnectionRegistry } from '../connections/connection-registry';
import { collabErrorBody, type CollabRefusal } from './collab-error';
import { CollabSettings, transportFrameLimit } from './collab-settings';
import { JoinAllowance } from './join-allowance';
import { JoinedDocuments } from './joined-documents';
import { SingleWriteAdapter } from './single-write-adapter';
import { SessionWatcher } from './session-watcher';
import { SocketSession } from './socket-session';

/**
 * The `/collab` socket.io namespace (shared DESIGN.md, "The collab protocol"). It only
 * authenticates, validates and routes: a frame goes from the socket to its open
 * document, which applies, relays and stores it.
 */
@WebSocketGateway({
  namespace: COLLAB_NAMESPACE,
  serveClient: false,
  // Frames somewhat over COLLAB_MAX_FRAME_BYTES must still arrive, to be answered
  // with `bad-message` rather than by dropping the connection.
  maxHttpBufferSize: transportFrameLimit(),
})
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(CollabGateway.name);
  private readonly joinAllowances = new WeakMap<Connection, JoinAllowance>();

  constructor(
    private readonly sessions: SocketSession,
    private readonly connections: ConnectionRegistry,
    private readonly joined: JoinedDocuments,
    private readonly settings: CollabSettings,
    private readonly sessionEnds: SessionWatcher,
  ) {}

  afterInit(namespace: Namespace): void {
    // Before any socket connects: relays to a document's room cost one write each.
    namespace.server.adapter(SingleWriteAdapter);
    this.connections.attach(namespace);
    // socket.io opens its root namespace to anyone by default; nothing is served there,
    // so it admits nobody, signed in or not.
    namespace.server
      .of('/')
      .use((_socket, next) =>
        next(new Error(`Live editing is served on ${COLLAB_NAMESPACE} only.`)),
      );
    namespace.use((socket, next) => {
      this.sessions.resolve(socket).then(
        (person) => {
          if (!person) return next(new Error(UNAUTHORIZED_MESSAGE));
          const most = this.settings.quotas.maxConnectionsPerPerson;
          if (this.connections.countOfPerson(person.userId) >= most) {
            return next(
              new Error(
                `You have ${most} live connections open, the most one account may. ` +
                  'Close some tabs or devices, then try again.',
              ),
            );
          }
          socket.data = { connection: new Connection(socket, person) };
          next();
        },
        (error: unknown) => {
          this.logger.error(`session lookup failed: ${String(error)}`);
          next(new Error(UNAUTHORIZED_MESSAGE));
        },
      );
    });
  }

  handleConnection(socket: Socket): void {
    const connection = connectionOf(socket);
    if (!connection) {
      socket.disconnect(true);
      return;
    }
    this.connections.add(connection);
    this.sessionEnds.closeAtExpiry(connection);
    socket.on(CollabEvent.join, (request: unknown, ack: unknown) => {
      const answer = (reply: JoinAck): void => {
        if (typeof ack === 'function') (ack as (reply: JoinAck) => void)(reply);
      };
      const docId = readDocId(request);
      if (!docId) {
        const error = new BadRequest('doc:join needs { docId } with a specification id.');
        return answer({ ok: false, error: collabErrorBody(error) });
      }
      const refusal = this.joinRefusal(connection, docId);
      if (refusal) return answer({ ok: false, error: collabErrorBody(refusal) });
      void this.joined.join(connection, docId, answer);
    });
    socket.on(CollabEvent.leave, (request: unknown, ack: unknown) => {
      const docId = readDocId(request);
      if (docId) this.joined.evict(connection, docId);
      if (typeof ack === 'function')
        (ack as (reply: { ok: boolean }) => void)({ ok: docId !== null });
    });
    socket.on(CollabEvent.yjs, (docId: unknown, payload: unknown) => {
      connection.holdUntilTicksRun();
      this.receive(connection, docId, payload);
    });
  }

  handleDisconnect(socket: Socket): void {
    const connection = connectionOf(socket);
    if (!connection) return;
    this.connections.remove(connection);
    this.joined.leaveAll(connection);
  }

  /** The connection's quotas: how many specifications it holds open, and how fast it joins. */
  private joinRefusal(
    connection: Connection,
    docId: string,
  ): Forbidden | ServiceUnavailable | null {
    const { maxSpecificationsPerConnection, joinBurst, joinsPerSecond } = this.settings.quotas;
    const open = this.joined.of(connection);
    if (!open.has(docId) && open.size >= maxSpecificationsPerConnection) {
      return new Forbidden(
        `You have ${open.size} specifications open here, the most one connection may. ` +
          'Close one to open another.',
      );
    }
    let allowance = this.joinAllowances.get(connection);
    if (!allowance) {
      allowance = new JoinAllowance(joinBurst, joinsPerSecond);
      this.joinAllowances.set(connection, allowance);
    }
    if (allowance.take()) return null;
    const wait = allowance.secondsUntilNext();
    return new ServiceUnavailable(
      `Specifications are being opened too quickly. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`,
    );
  }

  private receive(connection: Connection, docId: unknown, payload: unknown): void {
    const refuse = (error: CollabRefusal<FrameErrorCode>): void => {
      connection.send(CollabEvent.error, isDocId(docId) ? docId : '', collabErrorBody(error));
    };
    if (!isDocId(docId))
      return refuse(new BadMessage('A yjs frame starts with a specification id.'));
    const frame = toBytes(payload);
    if (!frame) return refuse(new BadMessage('A yjs frame carries binary data.'));
    const limit = this.settings.limits.maxFrameBytes;
    if (frame.length > limit) {
      return refuse(new BadMessage(`The frame is ${frame.length} bytes; the limit is ${limit}.`));
    }
    const joined = this.joined.of(connection).get(docId);
    if (!joined) return refuse(new NotJoined());
    let decoded;
    try {
      decoded = decodeFrame(frame);
    } catch (error) {
      if (error instanceof FrameDecodeError) return refuse(new BadMessage(error.message));
      throw error;
    }
    const refusal = joined.document.receive(connection.id, decoded);
    if (refusal) refuse(refusal);
  }
}

function connectionOf(socket: Socket): Connection | undefined {
  return (socket.data as { connection?: Connection } | undefined)?.connection;
}

function readDocId(request: unknown): string | null {
  if (typeof request !== 'object' || request === null) return null;
  const docId = (request as { docId?: unknown }).docId;
  return isDocId(docId) ? docId : null;
}
