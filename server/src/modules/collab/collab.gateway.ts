import { Logger, type OnApplicationShutdown } from '@nestjs/common';
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
  type CollabServerEvents,
  type FrameErrorCode,
  type JoinAck,
  type JoinErrorCode,
  type Role,
} from '@coproduce/protocol';
import { BadMessage, BadRequest, NotFound, NotJoined, ServiceUnavailable } from '../../base/errors';
import { AccessPolicy } from '../access/access-policy';
import { SpecificationsService } from '../specifications/specifications.service';
import { CollabClient } from './collab-client';
import { collabErrorBody, type CollabRefusal } from './collab-error';
import { CollabSettings, transportFrameLimit } from './collab-settings';
import type { DocumentChannel } from './document-channel';
import { DocumentRegistry } from './document-registry';
import { SpecificationEditors } from './specification-editors';
import { SharedLookup } from './shared-lookup';
import { SingleWriteAdapter } from './single-write-adapter';
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
export class CollabGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  private readonly logger = new Logger(CollabGateway.name);
  private readonly clients = new Map<string, CollabClient>();
  private readonly accessLookups = new SharedLookup<
    Awaited<ReturnType<SpecificationsService['findForMember']>>
  >();
  private namespace: Namespace;

  constructor(
    private readonly sessions: SocketSession,
    private readonly specifications: SpecificationsService,
    private readonly registry: DocumentRegistry,
    private readonly settings: CollabSettings,
    private readonly editors: SpecificationEditors,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    // Before any socket connects: relays to a document's room cost one write each.
    namespace.server.adapter(SingleWriteAdapter);
    namespace.use((socket, next) => {
      this.sessions.resolve(socket).then(
        (user) => {
          if (!user) return next(new Error(UNAUTHORIZED_MESSAGE));
          socket.data = { user };
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
    const user = (socket.data as { user?: CollabClient['user'] }).user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    const client = new CollabClient(socket, user);
    this.clients.set(socket.id, client);
    socket.on(CollabEvent.join, (request: unknown, ack: unknown) => {
      void this.join(client, request, ack);
    });
    socket.on(CollabEvent.leave, (request: unknown, ack: unknown) => {
      this.leave(client, request, ack);
    });
    socket.on(CollabEvent.yjs, (docId: unknown, payload: unknown) => {
      this.receive(client, docId, payload);
    });
  }

  handleDisconnect(socket: Socket): void {
    const client = this.clients.get(socket.id);
    if (!client) return;
    this.clients.delete(socket.id);
    for (const docId of [...client.joined.keys()]) this.evict(client, docId);
  }

  /** The connected clients of one user, for re-checking their access. */
  clientsOf(userId: string): CollabClient[] {
    return [...this.clients.values()].filter((client) => client.user.userId === userId);
  }

  /** The connected clients that signed in with one session. */
  clientsOfSession(sessionKey: string): CollabClient[] {
    return [...this.clients.values()].filter((client) => client.user.sessionKey === sessionKey);
  }

  /** Takes a client out of a document (leaving, disconnected, or no longer allowed). */
  evict(client: CollabClient, docId: string, why?: CollabRefusal<FrameErrorCode>): void {
    const joined = client.joined.get(docId);
    if (!joined) return;
    client.joined.delete(docId);
    void client.socket.leave(roomOf(docId));
    joined.document.leave(client.id);
    this.registry.released(joined.document);
    if (why) client.socket.emit(CollabEvent.error, docId, collabErrorBody(why));
  }

  onApplicationShutdown(): void {
    this.namespace?.disconnectSockets(true);
  }

  private async join(client: CollabClient, request: unknown, ack: unknown): Promise<void> {
    const answer = (reply: JoinAck): void => {
      if (typeof ack === 'function') (ack as (reply: JoinAck) => void)(reply);
    };
    const refuse = (error: CollabRefusal<JoinErrorCode>): void =>
      answer({ ok: false, error: collabErrorBody(error) });

    const docId = readDocId(request);
    if (!docId) return refuse(new BadRequest('doc:join needs { docId } with a specification id.'));

    let access: { role: Role; workspaceId: string };
    try {
      const found = await this.accessLookups.get(`${docId}:${client.user.userId}`, () =>
        this.specifications.findForMember(docId, client.user.userId),
      );
      access = { role: found.role, workspaceId: found.specification.workspaceId.toHexString() };
    } catch (error) {
      if (error instanceof NotFound) return refuse(error);
      this.logger.error(`access check for ${docId} failed: ${String(error)}`);
      return refuse(
        new ServiceUnavailable('The specification could not be opened. Try again shortly.'),
      );
    }

    let document;
    try {
      document = await this.registry.acquire(docId, this.channelFor(docId));
    } catch (error) {
      this.logger.error(`loading ${docId} failed: ${String(error)}`);
      return refuse(
        new ServiceUnavailable('The specification could not be loaded. Try again shortly.'),
      );
    }
    if (!client.socket.connected) {
      this.registry.released(document);
      return;
    }
    const existing = client.joined.get(docId);
    if (existing && existing.document !== document) this.evict(client, docId);
    const member = existing?.member ?? client.memberFor(access.role);
    member.role = access.role;
    client.joined.set(docId, { document, member, workspaceId: access.workspaceId });
    await client.socket.join(roomOf(docId));
    // Disconnected (or left) while joining the room: its eviction has already run, and
    // a member added now would be one nobody is there to take out.
    if (!client.socket.connected || client.joined.get(docId)?.document !== document) {
      this.registry.released(document);
      return;
    }
    answer({
      ok: true,
      role: access.role,
      canEdit: AccessPolicy.can(access.role, 'specification.edit'),
    });
    document.join(member);
  }

  private leave(client: CollabClient, request: unknown, ack: unknown): void {
    const docId = readDocId(request);
    if (docId) this.evict(client, docId);
    if (typeof ack === 'function')
      (ack as (reply: { ok: boolean }) => void)({ ok: docId !== null });
  }

  private receive(client: CollabClient, docId: unknown, payload: unknown): void {
    const refuse = (error: CollabRefusal<FrameErrorCode>): void => {
      client.socket.emit(CollabEvent.error, isDocId(docId) ? docId : '', collabErrorBody(error));
    };
    if (!isDocId(docId))
      return refuse(new BadMessage('A yjs frame starts with a specification id.'));
    const frame = toBytes(payload);
    if (!frame) return refuse(new BadMessage('A yjs frame carries binary data.'));
    const limit = this.settings.limits.maxFrameBytes;
    if (frame.length > limit) {
      return refuse(new BadMessage(`The frame is ${frame.length} bytes; the limit is ${limit}.`));
    }
    const joined = client.joined.get(docId);
    if (!joined) return refuse(new NotJoined());
    let decoded;
    try {
      decoded = decodeFrame(frame);
    } catch (error) {
      if (error instanceof FrameDecodeError) return refuse(new BadMessage(error.message));
      throw error;
    }
    const refusal = joined.document.receive(client.id, decoded);
    if (refusal) return refuse(refusal);
    // Live edits only: a sync answer is sent on every join, edit or not.
    if (decoded.kind === 'update') this.editors.edited(docId, client.user.userId);
  }

  private channelFor(docId: string): DocumentChannel {
    const room = roomOf(docId);
    return {
      broadcast: <E extends keyof CollabServerEvents>(
        event: E,
        args: Parameters<CollabServerEvents[E]>,
        exceptConnectionId?: string,
      ): void => {
        const target = exceptConnectionId
          ? this.namespace.to(room).except(exceptConnectionId)
          : this.namespace.to(room);
        target.emit(event, ...args);
      },
    };
  }
}

function roomOf(docId: string): string {
  return `specification:${docId}`;
}

function readDocId(request: unknown): string | null {
  if (typeof request !== 'object' || request === null) return null;
  const docId = (request as { docId?: unknown }).docId;
  return isDocId(docId) ? docId : null;
}
