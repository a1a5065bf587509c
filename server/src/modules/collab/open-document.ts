import { Logger } from '@nestjs/common';
import {
  Awareness,
  CollabEvent,
  Y,
  awarenessProtocol,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  type CollabFrame,
  type FrameErrorCode,
} from '@coproduce/protocol';
import { BadMessage, Forbidden, NotJoined, ServiceUnavailable } from '../../base/errors';
import { AccessPolicy } from '../access/access-policy';
import { collabErrorBody, type CollabRefusal } from './collab-error';
import type { CollabLimits } from './collab-settings';
import type { DocumentChannel } from './document-channel';
import type { DocumentMember } from './document-member';
import type { SpecificationStore } from './specification-store';
import { admitUpdate } from './update-admission';
import { UpdateReceipts } from './update-receipts';
import { UpdateRelay } from './update-relay';
import { WriteBatcher } from './write-batcher';

const {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  modifyAwarenessUpdate,
  removeAwarenessStates,
} = awarenessProtocol;

function attestPresence(state: unknown, member: DocumentMember): unknown {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return state;
  const claimed = (state as { user?: unknown }).user;
  const user = typeof claimed === 'object' && claimed !== null ? claimed : {};
  return { ...state, user: { ...user, name: member.name, role: member.role } };
}

/** Transaction origin of state read from the store: neither stored again nor relayed. */
const FROM_STORE = Symbol('from-store');

type FrameRefusal = CollabRefusal<FrameErrorCode>;

/** Writes fail now and then (a replica set electing); a few in a row are worth telling. */
const WRITE_FAILURES_BEFORE_TELLING = 3;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * One specification open in this server: its Y.Doc (garbage collection on), the
 * presence of the people in it, and the write batcher that makes their edits durable
 * before `doc:saved` tells them so.
 */
export class OpenDocument {
  private readonly logger: Logger;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  private readonly members = new Map<string, DocumentMember>();
  /** Which member set each awareness client id: nobody may speak for someone else. */
  private readonly awarenessOwners = new Map<number, string>();
  private readonly batcher: WriteBatcher<Uint8Array>;
  private readonly relay: UpdateRelay;
  private readonly receipts = new UpdateReceipts();
  private durableStateVector: Uint8Array;
  /** Updates from members applied to the document, and how many of them are written. */
  private appliedCount = 0;
  private writtenCount = 0;
  private nextSeq: number;
  private lastWrittenSeq: number;
  private logEntries: number;
  private logBytes: number;
  private snapshotBytes: number;
  private compacting: Promise<void> | null = null;
  private warnedLarge = false;

  private constructor(
    readonly specificationId: string,
    private readonly store: SpecificationStore,
    private readonly limits: CollabLimits,
    private readonly channel: DocumentChannel,
    stored: { lastSeq: number; logEntries: number; logBytes: number; snapshotBytes: number },
  ) {
    this.logger = new Logger(`Specification ${specificationId}`);
    this.nextSeq = stored.lastSeq + 1;
    this.lastWrittenSeq = stored.lastSeq;
    this.logEntries = stored.logEntries;
    this.logBytes = stored.logBytes;
    this.snapshotBytes = stored.snapshotBytes;
    this.durableStateVector = Y.encodeStateVector(this.doc);
    // The server is no one's presence.
    this.awareness.setLocalState(null);
    this.relay = new UpdateRelay(specificationId, channel);
    this.batcher = new WriteBatcher<Uint8Array>({
      label: specificationId,
      maxBatchBytes: limits.maxBatchBytes,
      cut: () => Y.encodeStateVector(this.doc),
      write: (updates) => this.append(updates),
      written: (stateVector, updates) => this.onWritten(stateVector, updates.length),
      failed: (_error, attempt) => {
        if (attempt === WRITE_FAILURES_BEFORE_TELLING) this.tellSavingIsStuck();
      },
    });
  }

  /** Reads the snapshot and the log tail; a specification with no state gets the template. */
  static async load(
    specificationId: string,
    store: SpecificationStore,
    limits: CollabLimits,
    channel: DocumentChannel,
    writeInitialContent: (doc: Y.Doc) => void,
  ): Promise<OpenDocument> {
    const stored = await store.load(specificationId);
    const document = new OpenDocument(specificationId, store, limits, channel, stored);
    if (stored.updates.length > 0) {
      document.applyStored(stored.updates);
    } else {
      // Durable before anyone sees it: were it lost, a client that had received it and
      // a template written again on reload would both survive, as two copies.
      Y.transact(document.doc, () => writeInitialContent(document.doc), FROM_STORE);
      const initial = Y.encodeStateAsUpdate(document.doc);
      await store.append(specificationId, document.nextSeq, [initial]);
      document.nextSeq++;
      document.lastWrittenSeq++;
      document.logEntries++;
      document.logBytes += initial.length;
    }
    document.durableStateVector = Y.encodeStateVector(document.doc);
    document.doc.on('update', (update: Uint8Array, origin: unknown) =>
      document.onDocumentUpdate(update, origin),
    );
    document.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      document.onAwarenessUpdate(change, origin),
    );
    return document;
  }

  get memberCount(): number {
    return this.members.size;
  }

  /** Log entries not yet folded into the snapshot. */
  get logEntryCount(): number {
    return this.logEntries;
  }

  get storedBytes(): number {
    return this.snapshotBytes + this.logBytes;
  }

  hasMember(connectionId: string): boolean {
    return this.members.has(connectionId);
  }

  /** Adds a member and starts their sync: step 1, everyone's presence, what is saved. */
  join(member: DocumentMember): void {
    this.members.set(member.connectionId, member);
    this.receipts.joined(member.connectionId);
    member.send(
      CollabEvent.yjs,
      this.specificationId,
      encodeSyncStep1(Y.encodeStateVector(this.doc)),
    );
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) {
      member.send(
        CollabEvent.yjs,
        this.specificationId,
        encodeAwareness(encodeAwarenessUpdate(this.awareness, present)),
      );
    }
    member.send(CollabEvent.saved, this.specificationId, { stateVector: this.durableStateVector });
    if (this.storedBytes > this.limits.warnAboveBytes) this.warnIfCommissioner(member);
  }

  /** Removes a member and the presence they set. */
  leave(connectionId: string): void {
    if (!this.members.delete(connectionId)) return;
    this.receipts.left(connectionId);
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === connectionId);
    for (const [clientId] of owned) this.awarenessOwners.delete(clientId);
    const stillPresent = owned
      .map(([clientId]) => clientId)
      .filter((clientId) => this.awareness.getStates().has(clientId));
    if (stillPresent.length > 0) removeAwarenessStates(this.awareness, stillPresent, null);
  }

  /** Handles one decoded frame from a member; returns why it was refused, if it was. */
  receive(connectionId: string, frame: CollabFrame): FrameRefusal | null {
    const member = this.members.get(connectionId);
    if (!member) return new NotJoined();
    switch (frame.kind) {
      case 'sync-step-1':
        member.send(
          CollabEvent.yjs,
          this.specificationId,
          encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)),
        );
        return null;
      case 'sync-step-2':
      case 'update': {
        const refusal = this.receiveUpdate(member, frame.update);
        if (refusal) this.receipts.refused(connectionId);
        else this.receipts.handled(connectionId, this.appliedCount);
        // A frame with nothing new, sent when everything before it is written, is saved now.
        this.sendSavedNotices();
        return refusal;
      }
      case 'awareness':
        return this.receiveAwareness(member, frame);
      case 'query-awareness': {
        const present = [...this.awareness.getStates().keys()];
        member.send(
          CollabEvent.yjs,
          this.specificationId,
          encodeAwareness(encodeAwarenessUpdate(this.awareness, present)),
        );
        return null;
      }
    }
  }

  private receiveUpdate(member: DocumentMember, update: Uint8Array): FrameRefusal | null {
    const admission = admitUpdate(this.doc, update);
    if (admission.verdict === 'refused') return new BadMessage(admission.reason);
    // A read-only member's client answers sync step 1 too; an answer with nothing new
    // in it is not an edit.
    if (admission.verdict === 'no-op') return null;
    if (!AccessPolicy.can(member.role, 'specification.edit')) {
      return new Forbidden('Your role lets you read this specification, not edit it.');
    }
    try {
      Y.applyUpdate(this.doc, update, member);
    } catch (error) {
      this.logger.warn(`an admitted update threw inside Yjs: ${String(error)}`);
      return new BadMessage('The update could not be applied.');
    }
    return null;
  }

  private receiveAwareness(
    member: DocumentMember,
    frame: Extract<CollabFrame, { kind: 'awareness' }>,
  ): FrameRefusal | null {
    for (const entry of frame.entries) {
      const owner = this.awarenessOwners.get(entry.clientId);
      // The same person on a new connection (a reconnect the server has not yet seen
      // the old socket drop from) takes their presence over; nobody else may.
      if (
        owner !== undefined &&
        owner !== member.connectionId &&
        this.members.get(owner)?.userId !== member.userId
      ) {
        return new Forbidden('That presence belongs to someone else.');
      }
    }
    for (const entry of frame.entries) {
      if (entry.state === null) this.awarenessOwners.delete(entry.clientId);
      else this.awarenessOwners.set(entry.clientId, member.connectionId);
    }
    // Presence shows who someone is from their account and membership, not from what
    // their client claims.
    const attested = modifyAwarenessUpdate(frame.update, (state: unknown) =>
      attestPresence(state, member),
    );
    applyAwarenessUpdate(this.awareness, attested, member);
    return null;
  }

  /** Every change that reached the document from a member: relay it, then store it. */
  private onDocumentUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === FROM_STORE) return;
    this.relay.relay(update, this.isMember(origin) ? origin.connectionId : undefined);
    this.appliedCount++;
    this.batcher.add(update);
  }

  private onAwarenessUpdate(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    const except = this.isMember(origin) ? origin.connectionId : undefined;
    const frame = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed));
    this.channel.broadcast(CollabEvent.yjs, [this.specificationId, frame], except);
  }

  private async append(updates: Uint8Array[]): Promise<void> {
    // A failed append may have stored part of the batch; the retry takes new seqs, and
    // an update stored twice is harmless to Yjs.
    const firstSeq = this.nextSeq;
    this.nextSeq += updates.length;
    await this.store.append(this.specificationId, firstSeq, updates);
    this.lastWrittenSeq = firstSeq + updates.length - 1;
    this.logEntries += updates.length;
    for (const update of updates) this.logBytes += update.length;
  }

  private onWritten(stateVector: Uint8Array | null, updates: number): void {
    this.writtenCount += updates;
    this.receipts.writtenThrough(this.writtenCount);
    if (stateVector) this.durableStateVector = stateVector;
    this.sendSavedNotices();
    if (
      this.logEntries >= this.limits.compactAfterEntries ||
      this.logBytes >= this.limits.compactAfterBytes
    ) {
      void this.compact();
    }
    if (this.storedBytes > this.limits.warnAboveBytes && !this.warnedLarge) {
      this.warnedLarge = true;
      for (const member of this.members.values()) this.warnIfCommissioner(member);
    }
  }

  /** The database keeps refusing: the people waiting for "Saved" learn why it is not coming. */
  private tellSavingIsStuck(): void {
    for (const connectionId of this.receipts.waitingConnections()) {
      this.members
        .get(connectionId)
        ?.send(
          CollabEvent.error,
          this.specificationId,
          collabErrorBody(
            new ServiceUnavailable(
              'Your latest changes are not saved yet because the database is not answering. They are kept in this browser and will be saved when it is back, so keep this page open.',
            ),
          ),
        );
    }
  }

  /**
   * Tells each member whose updates became durable how many of theirs are saved, with
   * the durable state vector, at most once per write. Only they are told: "Saved" is
   * about a person's own edits, and a notice to every member after every write would
   * double the messages of a busy document.
   */
  private sendSavedNotices(): void {
    const stateVector = this.durableStateVector;
    for (const [connectionId, updatesSaved] of this.receipts.takeOwed()) {
      this.members
        .get(connectionId)
        ?.send(CollabEvent.saved, this.specificationId, { stateVector, updatesSaved });
    }
  }

  /** Folds the log into the snapshot in the background; one compaction at a time. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const upToSeq = this.lastWrittenSeq;
    const entries = this.logEntries;
    const bytes = this.logBytes;
    // The state may hold updates still being written (seq > upToSeq); a snapshot with
    // more than it claims is harmless, because Yjs applies an update once.
    const state = Y.encodeStateAsUpdate(this.doc);
    this.compacting = this.store
      .compact(this.specificationId, state, upToSeq)
      .then(() => {
        this.snapshotBytes = state.length;
        this.logEntries -= entries;
        this.logBytes -= bytes;
      })
      .catch((error: unknown) => this.logger.error(`compaction failed: ${String(error)}`))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /** Waits until every accepted edit is durable and no compaction is running. */
  async settle(): Promise<void> {
    await this.batcher.whenIdle();
    if (this.compacting) await this.compacting;
  }

  /**
   * Gives up on the edits not yet durable, for an unload or shutdown past its deadline: no
   * more writes or retries. Returns how many updates that was; the members' browsers keep them.
   */
  abandonUnsaved(): number {
    return this.batcher.stop();
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private warnIfCommissioner(member: DocumentMember): void {
    if (member.role !== 'commissioner') return;
    member.send(CollabEvent.warning, this.specificationId, {
      code: 'document-large',
      message:
        'This specification has grown very large. Consider moving long appendices into linked documents so it keeps loading quickly for everyone.',
      bytes: this.storedBytes,
      limitBytes: this.limits.warnAboveBytes,
    });
  }

  private isMember(origin: unknown): origin is DocumentMember {
    return (
      typeof origin === 'object' &&
      origin !== null &&
      this.members.get((origin as DocumentMember).connectionId) === origin
    );
  }

  private applyStored(updates: Uint8Array[]): void {
    try {
      Y.applyUpdate(this.doc, Y.mergeUpdates(updates), FROM_STORE);
      return;
    } catch (error) {
      this.logger.error(`stored state did not merge, applying entry by entry: ${String(error)}`);
    }
    for (const update of updates) {
      try {
        Y.applyUpdate(this.doc, update, FROM_STORE);
      } catch (error) {
        this.logger.error(`skipped a stored update that does not apply: ${String(error)}`);
      }
    }
  }
}
