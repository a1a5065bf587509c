import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  COLLAB_NAMESPACE,
  CollabEvent,
  type CollabClientEvents,
  type CollabErrorBody,
  type CollabServerEvents,
  type SizeWarning,
} from '@coproduce/protocol';

export type CollabSocket = Socket<CollabServerEvents, CollabClientEvents>;

/** What a connection hands to the provider of one document. */
export interface DocumentEndpoint {
  onConnected(): void;
  onDisconnected(): void;
  onFrame(payload: unknown): void;
  onSaved(notice: unknown): void;
  onRole(notice: unknown): void;
  onError(error: CollabErrorBody): void;
  onWarning(warning: SizeWarning): void;
  destroy(): void;
}

export interface CollabConnectOptions extends Partial<ManagerOptions & SocketOptions> {
  /** The session token from `POST /api/session`; browsers may rely on the cookie instead. */
  token?: string;
}

/**
 * One socket.io connection to `/collab`, shared by every document a client has open:
 * it routes each event to the provider of the document it names.
 */
export class CollabConnection {
  private readonly endpoints = new Map<string, DocumentEndpoint>();

  constructor(readonly socket: CollabSocket) {
    socket.on('connect', () => this.endpoints.forEach((endpoint) => endpoint.onConnected()));
    socket.on('disconnect', () => this.endpoints.forEach((endpoint) => endpoint.onDisconnected()));
    socket.on(CollabEvent.yjs, (docId, payload) => this.endpoints.get(docId)?.onFrame(payload));
    socket.on(CollabEvent.saved, (docId, notice) => this.endpoints.get(docId)?.onSaved(notice));
    socket.on(CollabEvent.role, (docId, notice) => this.endpoints.get(docId)?.onRole(notice));
    socket.on(CollabEvent.error, (docId, error) => this.endpoints.get(docId)?.onError(error));
    socket.on(CollabEvent.warning, (docId, warning) =>
      this.endpoints.get(docId)?.onWarning(warning),
    );
  }

  /** Opens a connection to `origin` (e.g. "http://127.0.0.1:3000"). */
  static connect(origin: string, options: CollabConnectOptions = {}): CollabConnection {
    const { token, ...socketOptions } = options;
    const socket: CollabSocket = io(`${origin.replace(/\/$/, '')}${COLLAB_NAMESPACE}`, {
      transports: ['websocket'],
      ...socketOptions,
      ...(token === undefined ? {} : { auth: { token } }),
    });
    return new CollabConnection(socket);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  attach(docId: string, endpoint: DocumentEndpoint): void {
    if (this.endpoints.has(docId)) {
      throw new Error(`document ${docId} already has a provider on this connection`);
    }
    this.endpoints.set(docId, endpoint);
  }

  detach(docId: string, endpoint: DocumentEndpoint): void {
    if (this.endpoints.get(docId) === endpoint) this.endpoints.delete(docId);
  }

  /** Closes the socket and the providers on it (their Y.Docs are left to their owners). */
  close(): void {
    for (const endpoint of [...this.endpoints.values()]) endpoint.destroy();
    this.socket.disconnect();
  }
}
