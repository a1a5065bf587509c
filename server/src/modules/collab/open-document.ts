import { Logger } from '@nestjs/common';
import {
  Awareness,
  CollabEvent,
  Y,
  awarenessProtocol,
  encodeAwareness,
  encodeAwarenessStates,
  encodeSyncStep1,
  type CollabFrame,
  type FrameErrorCode,
  type Presence,
} from '@coproduce/protocol';
import { BadMessage, Forbidden, NotJoined, ServiceUnavailable } from '../../base/errors';
import { collabErrorBody, type CollabRefusal } from './collab-error';
import type { CollabLimits } from './collab-settings';
import type { DocumentChannel } from './document-channel';
import type { DocumentMember } from './document-member';
import type { ReadOnlyState } from './live-document-kinds';
import { SpecificationLog } from '../specification-store/specification-log';
import type { SpecificationStore } from '../specification-store/specification-store';
import { PresenceLedger } from './presence-ledger';
import { SyncAnswers } from './sync-answers';
import { admitUpdate } from './update-admission';
import { UpdateReceipts } from './update-receipts';
import { UpdateRelay } from './update-relay';

const { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } = awarenessProtocol;

/** Transaction origin of state read from the store: neither stored again nor relayed. */
const FROM_STORE = Symbol('from-store');
/** Transaction origin of a change the server makes for someone: stored and relayed to all. */
const SERVER_EDIT = Symbol('server-edit');

type FrameRefusal = CollabRefusal<FrameErrorCode>;

/** Writes fail now and then (a replica set electing); a few in a row are worth telling. */
const WRITE_FAILURES_BEFORE_TELLING = 3;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface OpenDocumentOptions {
  store: SpecificationStore;
  limits: CollabLimits;
  /** How the document reaches everyone viewing it. */
  channel: DocumentChannel;
  /** The first state of a specification that has nothing stored. */
  initialContent: () => Uint8Array;
  /** Someone changed the text (a live edit, or a sync answer with something new in it). */
  edited: (userId: string, update: Uint8Array | null) => void;
}

/**
 * One specification open in this server: its Y.Doc (garbage collection on), the presence
 * of the people in it, and its update log, which makes their edits durable before
 * `doc:saved` tells them so.
 */
export class OpenDocument {
  private readonly logger: Logger;
  readonly awareness: Awareness;
  private readonly members = new Map<string, DocumentMember>();
  /** Who shares which presence, and what the presences weigh. */
  private readonly presence: PresenceLedger;
  private readonly relay: UpdateRelay;
  private readonly receipts = new UpdateReceipts();
  private readonly syncAnswers: SyncAnswers;
  /** Updates from members applied to the document, and how many of them are written. */
  private appliedCount = 0;
  private writtenCount = 0;
  private warnedLarge = false;
  /** Archived or closed: every edit is refused, whoever sends it, until it is restored. */
  readOnly: ReadOnlyState | null = null;

  private constructor(
    readonly specificationId: string,
    readonly doc: Y.Doc,
    private readonly log: SpecificationLog,
    private readonly limits: CollabLimits,
    private readonly channel: DocumentChannel,
    private readonly edited: (userId: string, update: Uint8Array | null) => void,
  ) {
    this.logger = new Logger(`Specification ${specificationId}`);
    // Awareness keeps a timer: made only once the document has loaded, so a load that
    // fails or never ends leaves nothing running.
    this.awareness = new Awareness(doc);
    // The server is no one's presence.
    this.awareness.setLocalState(null);
    this.presence = new PresenceLedger(doc, limits.maxPresenceBytes);
    this.relay = new UpdateRelay(specificationId, channel);
    this.syncAnswers = new SyncAnswers(doc);
  }

  /** Reads the specification's stored state and starts following its members' edits. */
  static async load(
    specificationId: string,
    { store, limits, channel, initialContent, edited }: OpenDocumentOptions,
  ): Promise<OpenDocument> {
    // A guid of its own: Yjs otherwise draws a random one, 31 calls to the system's
    // random source (0.8 ms a document, 1.4 % of the app's time in a reconnection storm).
    const doc = new Y.Doc({ gc: true, guid: specificationId });
    // Nothing is written before the document exists: only its members' edits are.
    const owner: { document?: OpenDocument } = {};
    const log = await SpecificationLog.open({
      specificationId,
      store,
      limits,
      doc,
      origin: FROM_STORE,
      initialContent,
      listener: {
        written: (updates) => owner.document?.onWritten(updates),
        failing: (attempt) => {
          if (attempt === WRITE_FAILURES_BEFORE_TELLING) owner.document?.tellSavingIsStuck();
        },
      },
    });
    const document = new OpenDocument(specificationId, doc, log, limits, channel, edited);
    owner.document = document;
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

  /** Whether anyone changed the text since it was loaded (reading it changes nothing). */
  get editedSinceLoad(): boolean {
    return this.appliedCount > 0;
  }

  /** Log entries not yet folded into the snapshot. */
  get logEntryCount(): number {
    return this.log.unfoldedEntryCount;
  }

  get storedBytes(): number {
    return this.log.storedBytes;
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
    member.send(CollabEvent.saved, this.specificationId, {
      stateVector: this.log.durableStateVector,
    });
    if (this.storedBytes > this.limits.warnAboveBytes) this.warnIfCommissioner(member);
  }
  /**
   * A present member is now shown by another name (a market engagement round hiding or
   * showing providers' names): their presences say so at once, to everyone in the
   * document (themselves included, so their next presence follows on) and to whoever
   * joins next, without waiting for them to move.
   */
  renamed(member: DocumentMember): void {
    const states = this.awareness.getStates();
    const entries = this.presence.ownedBy(member.connectionId).flatMap((clientId) => {
      const state = states.get(clientId) as Presence | undefined;
      const clock = this.awareness.meta.get(clientId)?.clock;
      if (!state || clock === undefined || state.user?.name === member.name) return [];
      const renamed: Presence = { ...state, user: { ...state.user, name: member.name } };
      return [{ clientId, clock: clock + 1, json: JSON.stringify(renamed) }];
    });
    if (entries.length > 0) {
      applyAwarenessUpdate(this.awareness, encodeAwarenessStates(entries), null);
    }
  }

  /** Removes a member and the presence they set. */
  leave(connectionId: string): void {
    if (!this.members.delete(connectionId)) return;
    this.receipts.left(connectionId);
    const stillPresent = this.presence
      .leave(connectionId)
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
          this.syncAnswers.answer(frame.stateVector),
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
    if (!member.canEdit) {
      return new Forbidden('Your role lets you read this specification, not edit it.');
    }
    if (this.readOnly) return new Forbidden(this.readOnly.message);
    try {
      Y.applyUpdate(this.doc, update, member);
    } catch (error) {
      this.logger.warn(`an admitted update threw inside Yjs: ${String(error)}`);
      return new BadMessage('The update could not be applied.');
    }
    // Whatever changed the text: a live edit, or edits made offline sent as a sync answer.
    this.edited(member.userId, update);
    return null;
  }

  private receiveAwareness(
    member: DocumentMember,
    frame: Extract<CollabFrame, { kind: 'awareness' }>,
  ): FrameRefusal | null {
    const admission = this.presence.admit(
      member,
      frame.entries,
      (connectionId) => this.members.get(connectionId)?.userId === member.userId,
      this.awareness.getStates(),
    );
    if (admission.refusal) return admission.refusal;
    applyAwarenessUpdate(this.awareness, admission.update, member);
    return null;
  }

  /** Every change that reached the document from a member: relay it, then store it. */
  private onDocumentUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === FROM_STORE) return;
    this.relay.relay(update, this.isMember(origin) ? origin.connectionId : undefined);
    this.appliedCount++;
    this.log.append(update);
  }

  private onAwarenessUpdate(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    this.presence.changed(changed, this.awareness.getStates());
    const except = this.isMember(origin) ? origin.connectionId : undefined;
    const frame = encodeAwareness(encodeAwarenessUpdate(this.awareness, changed));
    this.channel.broadcast(CollabEvent.yjs, [this.specificationId, frame], except);
  }

  private onWritten(updates: number): void {
    this.writtenCount += updates;
    this.receipts.writtenThrough(this.writtenCount);
    this.sendSavedNotices();
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
    const owed = this.receipts.takeOwed();
    if (owed.length === 0) return;
    const stateVector = this.log.durableStateVector;
    for (const [connectionId, updatesSaved] of owed) {
      this.members
        .get(connectionId)
        ?.send(CollabEvent.saved, this.specificationId, { stateVector, updatesSaved });
    }
  }

  /**
   * A change the server makes to the text for a person (restoring a checkpoint): one
   * transaction on the live document, so it is relayed to every member and appended to
   * the log like a member's edit, and merges with whatever they are typing. Resolves once
   * it is durable.
   */
  edit(userId: string, change: (doc: Y.Doc) => void): Promise<void> {
    this.doc.transact(() => change(this.doc), SERVER_EDIT);
    this.edited(userId, null);
    return this.log.settle();
  }

  /** Folds the log into the snapshot; one compaction at a time. */
  compact(): Promise<void> {
    return this.log.compact();
  }

  /** Waits until every accepted edit is durable and no compaction is running. */
  settle(): Promise<void> {
    return this.log.settle();
  }

  /**
   * Gives up on the edits not yet durable, for an unload or shutdown past its deadline: no
   * more writes or retries. Returns how many updates that was; the members' browsers keep them.
   */
  abandonUnsaved(): number {
    return this.log.abandonUnwritten();
  }

  destroy(): void {
    this.syncAnswers.destroy();
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
}
