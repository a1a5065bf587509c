import { ObservableV2 } from 'lib0/observable';
import {
  Awareness,
  CollabEvent,
  Y,
  awarenessProtocol,
  FrameDecodeError,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  readStateVector,
  stateVectorCovers,
  toBytes,
  type CollabErrorBody,
  type JoinAck,
  type JoinErrorCode,
  type Role,
  type RoleNotice,
  type SavedNotice,
  type SizeWarning,
} from '@coproduce/protocol';
import type { CollabConnection, DocumentEndpoint } from './collab-connection';

const { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } = awarenessProtocol;

const FIRST_JOIN_RETRY_MS = 1_000;
const LAST_JOIN_RETRY_MS = 15_000;

/**
 * What a person is told about their edits: `saved` only when the server has said that
 * everything this replica sent is durable (every update, deletions included) and it
 * holds nothing the server has not had (edits never sent are not saved); `saving`
 * while connected and not yet; `offline` when not connected to the document (edits
 * are kept and sent on return); `not-saved` when this replica holds edits the server will not take from this person
 * (their role no longer lets them edit), which stay on this device.
 */
export type SaveStatus = 'saving' | 'saved' | 'offline' | 'not-saved';

export interface CollabProviderEvents {
  status: (status: SaveStatus) => void;
  /** The first full exchange with the server after each (re)join. */
  synced: () => void;
  joined: (role: Role, canEdit: boolean) => void;
  /** The member's role changed while in the document. */
  role: (role: Role, canEdit: boolean) => void;
  'join-failed': (error: CollabErrorBody<JoinErrorCode>) => void;
  /** A frame the server refused, or one from the server that did not decode. */
  error: (error: CollabErrorBody) => void;
  warning: (warning: SizeWarning) => void;
}

export interface CollabProviderOptions {
  awareness?: Awareness;
  /** How long to wait for the join answer before trying again (ms). */
  joinTimeoutMs?: number;
}

/**
 * Binds one specification's Y.Doc and Awareness to a shared collab connection.
 *
 * Local edits are sent only after this replica has answered the server's sync step 1:
 * that answer carries everything made offline, so every live update that follows has
 * all it depends on already at the server, which refuses updates that do not.
 */
export class CollabProvider extends ObservableV2<CollabProviderEvents> implements DocumentEndpoint {
  readonly awareness: Awareness;
  role: Role | null = null;
  canEdit = false;
  /** The specification is archived: nobody may edit it until a commissioner restores it. */
  archived = false;
  /** An engagement copy whose market engagement round has closed: read-only for good. */
  closed = false;
  synced = false;
  private joined = false;
  private answeredServer = false;
  private durable = new Map<number, number>();
  /** Clocks this replica received from the server: those edits are the server's to keep. */
  private fromServer = new Map<number, number>();
  /** Update frames sent since the latest join, and how many the server said are saved. */
  private updatesSent = 0;
  private updatesSaved = 0;
  private currentStatus: SaveStatus = 'offline';
  private destroyed = false;
  private readonly joinTimeoutMs: number;
  /** A join the server could not serve (its store failed) is tried again after this. */
  private joinRetryMs = FIRST_JOIN_RETRY_MS;
  private joinRetry: ReturnType<typeof setTimeout> | undefined;
  /** Waits begun with whenSaved / whenSynced: closing the provider ends them. */
  private readonly pendingWaits = new Set<() => void>();
  /** Whether this provider made the Awareness, and so destroys it. */
  private readonly ownsAwareness: boolean;
  /** Listening to the document's updates: only while one of this replica's own edits is under way. */
  private hearingUpdates = false;

  constructor(
    private readonly connection: CollabConnection,
    readonly docId: string,
    readonly doc: Y.Doc,
    options: CollabProviderOptions = {},
  ) {
    super();
    this.awareness = options.awareness ?? new Awareness(doc);
    this.ownsAwareness = options.awareness === undefined;
    this.joinTimeoutMs = options.joinTimeoutMs ?? 10_000;
    doc.on('beforeTransaction', this.onBeforeTransaction);
    doc.on('afterTransaction', this.onAfterTransaction);
    doc.on('afterAllTransactions', this.onAfterAllTransactions);
    this.awareness.on('update', this.onAwarenessUpdate);
    connection.attach(docId, this);
    if (connection.connected) this.onConnected();
  }

  get status(): SaveStatus {
    return this.currentStatus;
  }

  /** True when the server's last `doc:saved` covers everything in `stateVector`. */
  isDurable(stateVector: Uint8Array): boolean {
    return stateVectorCovers(this.durable, readStateVector(stateVector));
  }

  /** Resolves when the status is `saved` (or rejects after `timeoutMs`). */
  whenSaved(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(() => this.currentStatus === 'saved', 'status', timeoutMs, 'saved');
  }

  whenSynced(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(() => this.synced, 'synced', timeoutMs, 'synced');
  }

  onConnected(): void {
    if (this.destroyed) return;
    this.join();
  }

  onDisconnected(): void {
    this.joined = false;
    this.answeredServer = false;
    this.synced = false;
    const others = [...this.awareness.getStates().keys()].filter(
      (clientId) => clientId !== this.doc.clientID,
    );
    if (others.length > 0) removeAwarenessStates(this.awareness, others, this);
    this.updateStatus();
  }

  onFrame(payload: unknown): void {
    const bytes = toBytes(payload);
    if (!bytes) return;
    let frame;
    try {
      frame = decodeFrame(bytes);
    } catch (error) {
      if (!(error instanceof FrameDecodeError)) throw error;
      this.emit('error', [{ code: 'bad-message', message: `from the server: ${error.message}` }]);
      return;
    }
    switch (frame.kind) {
      case 'sync-step-1':
        if (this.canEdit) {
          this.sendUpdate(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)));
        }
        this.answeredServer = true;
        break;
      case 'sync-step-2':
        Y.applyUpdate(this.doc, frame.update, this);
        if (!this.synced) {
          this.synced = true;
          this.emit('synced', []);
        }
        break;
      case 'update':
        Y.applyUpdate(this.doc, frame.update, this);
        // What the server sends is the server's to keep: it cannot take "Saved" away, and
        // checking every client's clock on each of a busy document's frames would cost more
        // than applying them.
        if (this.currentStatus === 'saved') return;
        break;
      case 'awareness':
        applyAwarenessUpdate(this.awareness, frame.update, this);
        break;
      case 'query-awareness':
        this.sendLocalAwareness();
        break;
    }
    this.updateStatus();
  }

  onSaved(notice: unknown): void {
    if (typeof notice !== 'object' || notice === null) return;
    const { stateVector, updatesSaved } = notice as Partial<Record<keyof SavedNotice, unknown>>;
    const bytes = toBytes(stateVector);
    if (!bytes) return;
    try {
      this.durable = readStateVector(bytes);
    } catch {
      return;
    }
    if (
      typeof updatesSaved === 'number' &&
      Number.isSafeInteger(updatesSaved) &&
      updatesSaved > this.updatesSaved &&
      updatesSaved <= this.updatesSent
    ) {
      this.updatesSaved = updatesSaved;
    }
    this.updateStatus();
  }

  onRole(notice: unknown): void {
    if (!this.joined || typeof notice !== 'object' || notice === null) return;
    const { role, canEdit, archived, closed } = notice as Partial<
      Record<keyof RoleNotice, unknown>
    >;
    if (typeof role !== 'string' || typeof canEdit !== 'boolean') return;
    this.role = role as Role;
    this.canEdit = canEdit;
    this.archived = archived === true;
    this.closed = closed === true;
    this.emit('role', [role as Role, canEdit]);
    this.updateStatus();
  }

  onError(error: CollabErrorBody): void {
    // We were taken out of the document (or the server restarted it): join again. A
    // refusal may mean the person was taken out for good (removed, made provider): the
    // join then fails, and the page learns it now rather than at the next keystroke.
    if ((error.code === 'not-joined' || error.code === 'forbidden') && this.joined) {
      this.joined = false;
      this.answeredServer = false;
      this.join();
    }
    this.emit('error', [error]);
  }

  onWarning(warning: SizeWarning): void {
    this.emit('warning', [warning]);
  }

  /** Leaves the document and stops listening; the Y.Doc is left to its owner. */
  override destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.joined) {
      removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
      this.connection.socket.emit(CollabEvent.leave, { docId: this.docId });
    }
    this.doc.off('beforeTransaction', this.onBeforeTransaction);
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.doc.off('afterAllTransactions', this.onAfterAllTransactions);
    this.stopHearingUpdates();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.connection.detach(this.docId, this);
    this.joined = false;
    this.updateStatus();
    clearTimeout(this.joinRetry);
    for (const abandon of [...this.pendingWaits]) abandon();
    // Awareness keeps a timer running until destroyed.
    if (this.ownsAwareness) this.awareness.destroy();
    super.destroy();
  }

  private join(): void {
    const socket = this.connection.socket;
    socket
      .timeout(this.joinTimeoutMs)
      .emit(CollabEvent.join, { docId: this.docId }, (timedOut: Error | null, answer: JoinAck) => {
        if (this.destroyed || !socket.connected) return;
        if (timedOut) {
          this.join();
          return;
        }
        if (!answer.ok) {
          this.emit('join-failed', [answer.error]);
          // The store failed on the server's side: try again, waiting longer each time.
          if (answer.error.code === 'unavailable') this.retryJoinLater();
          return;
        }
        this.joinRetryMs = FIRST_JOIN_RETRY_MS;
        this.joined = true;
        this.role = answer.role;
        this.canEdit = answer.canEdit;
        this.archived = answer.archived === true;
        this.closed = answer.closed === true;
        this.updatesSent = 0;
        this.updatesSaved = 0;
        this.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
        this.sendLocalAwareness();
        this.emit('joined', [answer.role, answer.canEdit]);
        this.updateStatus();
      });
  }

  private retryJoinLater(): void {
    clearTimeout(this.joinRetry);
    this.joinRetry = setTimeout(() => {
      if (!this.destroyed && this.connection.connected && !this.joined) this.join();
    }, this.joinRetryMs);
    this.joinRetryMs = Math.min(this.joinRetryMs * 2, LAST_JOIN_RETRY_MS);
  }

  /**
   * Yjs encodes a transaction's update for as long as anyone listens to 'update', frames
   * applied from the server included, and this provider only sends its replica's own
   * edits: with thirty people typing, most transactions are others' edits arriving, each
   * encoded again for nothing. So it listens only from the start of an edit made here
   * until every transaction under way has been cleaned up (Yjs emits the update before that).
   */
  private readonly onBeforeTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === this || this.hearingUpdates) return;
    this.hearingUpdates = true;
    this.doc.on('update', this.onDocumentUpdate);
  };

  private readonly onAfterAllTransactions = (): void => this.stopHearingUpdates();

  private stopHearingUpdates(): void {
    if (!this.hearingUpdates) return;
    this.hearingUpdates = false;
    this.doc.off('update', this.onDocumentUpdate);
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    // A frame from the server, cleaned up with an edit of this replica's: onFrame looks
    // at the status once it is applied.
    if (origin === this) return;
    if (this.joined && this.answeredServer && this.canEdit) this.sendUpdate(encodeUpdate(update));
    this.updateStatus();
  };

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin !== this) return;
    for (const [client, clock] of transaction.afterState) {
      if (clock !== transaction.beforeState.get(client)) this.fromServer.set(client, clock);
    }
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.joined) return;
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length > 0) {
      this.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)));
    }
  };

  private sendLocalAwareness(): void {
    if (this.awareness.getLocalState() === null) return;
    this.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
  }

  private send(frame: Uint8Array): void {
    this.connection.socket.emit(CollabEvent.yjs, this.docId, frame);
  }

  /** Sends a frame carrying an update (sync step 2 or update): one the server counts. */
  private sendUpdate(frame: Uint8Array): void {
    this.updatesSent++;
    this.send(frame);
  }

  private updateStatus(): void {
    let next: SaveStatus;
    if (!this.joined || !this.connection.connected) next = 'offline';
    else if (this.updatesSaved >= this.updatesSent && this.durableCoversDocument()) next = 'saved';
    else next = this.canEdit ? 'saving' : 'not-saved';
    if (next !== this.currentStatus) {
      this.currentStatus = next;
      this.emit('status', [next]);
    }
  }

  /**
   * Whether every clock this replica holds is durable by the last `doc:saved` or came
   * from the server. Reads the clocks from the document's store rather than encoding a
   * state vector: this runs on every frame.
   */
  private durableCoversDocument(): boolean {
    for (const client of this.doc.store.clients.keys()) {
      const known = Math.max(this.durable.get(client) ?? 0, this.fromServer.get(client) ?? 0);
      if (known < Y.getState(this.doc.store, client)) return false;
    }
    return true;
  }

  private waitFor(
    done: () => boolean,
    event: 'status' | 'synced',
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    if (done()) return Promise.resolve();
    if (this.destroyed) return Promise.reject(new Error(`${this.docId} was closed, not ${what}`));
    return new Promise((resolve, reject) => {
      const settle = (error?: Error): void => {
        clearTimeout(timer);
        this.off(event, check);
        this.pendingWaits.delete(abandon);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (done()) settle();
      };
      const abandon = (): void => settle(new Error(`${this.docId} was closed, not ${what}`));
      const timer = setTimeout(
        () => settle(new Error(`${this.docId} was not ${what} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.on(event, check);
      this.pendingWaits.add(abandon);
    });
  }
}
