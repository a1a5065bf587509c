import { Injectable, Logger } from '@nestjs/common';
import {
  CollabEvent,
  type FrameErrorCode,
  type JoinAck,
  type JoinErrorCode,
  type Role,
  type RoleNotice,
} from '@coproduce/protocol';
import { Forbidden, NotFound, ServiceUnavailable } from '../../base/errors';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { Connection } from '../connections/connection';
import { collabErrorBody, type CollabRefusal } from './collab-error';
import type { DocumentMember } from './document-member';
import { DocumentRegistry } from './document-registry';
import { LiveDocumentKinds, type LiveAccess, type ReadOnlyState } from './live-document-kinds';
import type { OpenDocument } from './open-document';
import { RememberedAccess } from './remembered-access';
import { SharedLookup } from './shared-lookup';

/** A document one connection has joined, with what its authorisation was decided on. */
export interface JoinedDocument {
  document: OpenDocument;
  member: DocumentMember;
  workspaceId: string;
  /** Which roles may stay in this document and edit it, judged again when a role changes. */
  access: LiveAccess;
}

/** Access looked up again at most this often in one join, when memberships keep changing. */
const MAX_ACCESS_CHECKS = 3;

/**
 * Which open documents each connection has joined: admitting a connection to a
 * specification (access, loading, the first sync), taking it out again, and changing the
 * role its frames are judged by. Who may join is the document's kind's to say
 * (LiveDocumentKinds): a draft admits only roles that may read drafts, so a provider is
 * never a member of one, whatever the specification's status (published text reaches
 * providers from an immutable copy, never from here); an engagement copy admits the
 * providers of its round.
 */
@Injectable()
export class JoinedDocuments {
  private readonly logger = new Logger(JoinedDocuments.name);
  private readonly joined = new Map<Connection, Map<string, JoinedDocument>>();
  /** Bumped when someone's membership changes, so a join that was deciding meanwhile decides again. */
  private readonly accessVersions = new Map<string, number>();
  private readonly accessLookups = new SharedLookup<LiveAccess>();
  /** Bumped when a specification is archived or restored, for the same reason. */
  private readonly archiveVersions = new Map<string, number>();
  /** Bumped when a workspace is archived or restored (its every document changed). */
  private workspaceChanges = 0;
  private readonly rememberedAccess = new RememberedAccess();

  constructor(
    private readonly kinds: LiveDocumentKinds,
    private readonly registry: DocumentRegistry,
    private readonly connections: ConnectionRegistry,
  ) {}

  /** The documents a connection has joined, by specification id. */
  of(connection: Connection): ReadonlyMap<string, JoinedDocument> {
    return this.joined.get(connection) ?? new Map<string, JoinedDocument>();
  }

  /** The person's access may have changed: joins under way look it up again before admitting. */
  accessChanged(userId: string): void {
    this.accessVersions.set(userId, this.accessVersion(userId) + 1);
  }

  /**
   * How many times the person's access has changed: anything decided on a lookup that
   * started at an older count may rest on a membership that no longer holds.
   */
  accessVersion(userId: string): number {
    return this.accessVersions.get(userId) ?? 0;
  }

  /**
   * Admits a connection to a specification if its person may read it, answering `answer`
   * before the first sync message. A connection that goes while joining gets no answer.
   */
  async join(connection: Connection, docId: string, answer: (ack: JoinAck) => void): Promise<void> {
    const refuse = (error: CollabRefusal<JoinErrorCode>): void =>
      answer({ ok: false, error: collabErrorBody(error) });
    const userId = connection.person.userId;
    let access: LiveAccess;
    let document: OpenDocument | undefined;
    for (let check = 1; ; check++) {
      const stamp = this.accessStamp(docId, userId);
      try {
        access = await this.lookUpAccess(docId, userId, stamp);
      } catch (error) {
        if (document) this.registry.released(document);
        // A kind of document may refuse outright (a round not open yet) as well as not find it.
        if (error instanceof NotFound || error instanceof Forbidden) return refuse(error);
        this.logger.error(`access check for ${docId} failed: ${String(error)}`);
        return refuse(
          new ServiceUnavailable('The specification could not be opened. Try again shortly.'),
        );
      }
      try {
        document ??= await this.registry.acquire(docId);
      } catch (error) {
        this.logger.error(`loading ${docId} failed: ${String(error)}`);
        return refuse(
          new ServiceUnavailable('The specification could not be loaded. Try again shortly.'),
        );
      }
      // Decided on a membership that changed meanwhile: decide again on the new one.
      if (this.accessStamp(docId, userId) === stamp) break;
      if (check === MAX_ACCESS_CHECKS) {
        this.registry.released(document);
        return refuse(new ServiceUnavailable('Your access is changing. Try again shortly.'));
      }
    }
    await this.admit(connection, docId, document, access, answer);
  }

  /** Takes a connection out of a document (leaving, disconnected, or no longer allowed). */
  evict(connection: Connection, docId: string, why?: CollabRefusal<FrameErrorCode>): void {
    const documents = this.joined.get(connection);
    const joined = documents?.get(docId);
    if (!documents || !joined) return;
    documents.delete(docId);
    if (documents.size === 0) this.joined.delete(connection);
    this.connections.stopViewing(connection, docId);
    joined.document.leave(connection.id);
    this.registry.released(joined.document);
    if (why) connection.send(CollabEvent.error, docId, collabErrorBody(why));
  }

  /** Takes a connection out of everything it joined (it disconnected). */
  leaveAll(connection: Connection): void {
    for (const docId of [...this.of(connection).keys()]) this.evict(connection, docId);
  }

  /**
   * Judges the member's next frames by `role`, and tells their client what it may do
   * now; a role the document does not admit is taken out at once, before any relay.
   * False when the member was taken out.
   */
  changeRole(
    connection: Connection,
    docId: string,
    role: Role,
    why: () => CollabRefusal<FrameErrorCode>,
  ): boolean {
    const joined = this.joined.get(connection)?.get(docId);
    if (!joined) return false;
    if (!joined.access.rule.mayRead(role)) {
      this.evict(connection, docId, why());
      return false;
    }
    if (joined.member.role === role) return true;
    joined.member.role = role;
    joined.member.canEdit = joined.access.rule.mayEdit(role);
    connection.send(CollabEvent.role, docId, roleNotice(joined.member, joined.document.readOnly));
    return true;
  }

  /** The person's access to a document, looked up afresh (a membership change is confirmed). */
  confirmAccess(docId: string, userId: string): Promise<LiveAccess> {
    return this.kinds.accessOf(docId, userId);
  }

  /**
   * A document turned read-only for everyone (a specification archived, a round closed)
   * or editable again (restored): its open copy refuses (or takes again) every edit, and
   * everyone in it is told what they may do now. A join deciding meanwhile decides again.
   */
  readOnlyChanged(docId: string, readOnly: ReadOnlyState | null): void {
    this.archiveVersions.set(docId, (this.archiveVersions.get(docId) ?? 0) + 1);
    for (const [connection, joined] of this.joinedTo(docId)) {
      joined.document.readOnly = readOnly;
      connection.send(CollabEvent.role, docId, roleNotice(joined.member, readOnly));
    }
  }

  /**
   * Looks up again the access of everyone in a document (its kind's rules changed for
   * them): whoever may no longer see it leaves; read-only or not, and each role, as now
   * stored. Fails closed: a member whose access cannot be looked up leaves. A document
   * made read-only for everyone (`readOnly`) is so at once, before the look-ups.
   */
  async accessChangedFor(docId: string, readOnly?: ReadOnlyState): Promise<void> {
    this.archiveVersions.set(docId, (this.archiveVersions.get(docId) ?? 0) + 1);
    const members = this.joinedTo(docId);
    if (readOnly) for (const [, joined] of members) joined.document.readOnly = readOnly;
    const accesses = await Promise.all(
      members.map(([connection]) =>
        this.kinds.accessOf(docId, connection.person.userId).catch(() => null),
      ),
    );
    members.forEach(([connection, joined], index) => {
      const access = accesses[index];
      if (this.joined.get(connection)?.get(docId) !== joined) return;
      if (!access) {
        this.evict(connection, docId, new Forbidden('You can no longer open this document.'));
        return;
      }
      joined.access = access;
      joined.member.role = access.role;
      const name = access.shownAs ?? connection.person.name;
      const renamed = joined.member.name !== name;
      joined.member.name = name;
      joined.member.canEdit = access.rule.mayEdit(access.role);
      joined.document.readOnly = access.readOnly;
      if (renamed) joined.document.renamed(joined.member);
      connection.send(CollabEvent.role, docId, roleNotice(joined.member, access.readOnly));
    });
  }

  /** A specification was archived or restored. */
  archiveChanged(docId: string, archived: boolean): void {
    this.readOnlyChanged(docId, LiveDocumentKinds.archivedState(archived));
  }

  /**
   * A workspace was archived or restored: as `archiveChanged` for each of its documents
   * open here. Restoring the workspace leaves a specification archived on its own as it is.
   */
  async workspaceArchiveChanged(workspaceId: string, archived: boolean): Promise<void> {
    this.workspaceChanges++;
    this.rememberedAccess.clear();
    // One member of each document, whose access says how the document itself stands.
    const members = new Map<string, string>();
    for (const documents of this.joined.values()) {
      for (const [docId, joined] of documents) {
        if (joined.workspaceId === workspaceId) members.set(docId, joined.member.userId);
      }
    }
    await Promise.all(
      [...members].map(async ([docId, userId]) => {
        if (archived) return this.archiveChanged(docId, true);
        const access = await this.kinds.accessOf(docId, userId).catch(() => null);
        this.readOnlyChanged(docId, access ? access.readOnly : null);
      }),
    );
  }

  /** A specification was deleted: everyone in it is taken out, told it is gone. */
  deleted(docId: string): void {
    this.archiveVersions.set(docId, (this.archiveVersions.get(docId) ?? 0) + 1);
    for (const [connection] of this.joinedTo(docId)) {
      this.evict(connection, docId, new Forbidden('This specification has been deleted.'));
    }
  }

  private joinedTo(docId: string): [Connection, JoinedDocument][] {
    return [...this.joined].flatMap(([connection, documents]) => {
      const joined = documents.get(docId);
      return joined ? [[connection, joined] as [Connection, JoinedDocument]] : [];
    });
  }

  private async admit(
    connection: Connection,
    docId: string,
    document: OpenDocument,
    access: LiveAccess,
    answer: (ack: JoinAck) => void,
  ): Promise<void> {
    if (!connection.connected) {
      this.registry.released(document);
      return;
    }
    const existing = this.joined.get(connection)?.get(docId);
    if (existing && existing.document !== document) this.evict(connection, docId);
    const member = existing?.member ?? memberOf(connection, access);
    member.role = access.role;
    member.canEdit = access.rule.mayEdit(access.role);
    let documents = this.joined.get(connection);
    if (!documents) this.joined.set(connection, (documents = new Map()));
    documents.set(docId, { document, member, workspaceId: access.workspaceId, access });
    // From here the membership watcher sees this join and takes it out if the person's
    // access goes while the room is joined.
    await this.connections.viewSpecification(connection, docId);
    // Disconnected, left, or taken out while joining the room: its eviction has already
    // run, and a member added now would be one nobody is there to take out.
    if (!connection.connected || this.joined.get(connection)?.get(docId)?.document !== document) {
      this.registry.released(document);
      if (connection.connected) {
        answer({
          ok: false,
          error: collabErrorBody(
            new Forbidden('Your access changed while the specification was opening.'),
          ),
        });
      }
      return;
    }
    document.readOnly = access.readOnly;
    connection.sendTogether(() => {
      answer({ ok: true, ...roleNotice(member, access.readOnly) });
      document.join(member);
    });
  }

  /**
   * What an access to a document is decided on, as counts: the person's memberships, the
   * document's archiving and its kind's rules, every workspace's archiving. An access
   * looked up under one stamp holds while the stamp is unchanged.
   */
  private accessStamp(docId: string, userId: string): string {
    const archiveVersion = this.archiveVersions.get(docId) ?? 0;
    return `${this.accessVersion(userId)}:${archiveVersion}:${this.workspaceChanges}`;
  }

  /** The person's access, as remembered under this stamp or else looked up (once, if asked together). */
  private async lookUpAccess(docId: string, userId: string, stamp: string): Promise<LiveAccess> {
    const known = this.rememberedAccess.recall(docId, userId, stamp);
    if (known) return known;
    const access = await this.accessLookups.get(`${docId}:${userId}:${stamp}`, () =>
      this.kinds.accessOf(docId, userId),
    );
    if (this.accessStamp(docId, userId) === stamp) {
      this.rememberedAccess.remember(docId, userId, stamp, access);
    }
    return access;
  }
}

/** A connection's presence in one document, as its access says. */
function memberOf(connection: Connection, access: LiveAccess): DocumentMember {
  return {
    connectionId: connection.id,
    userId: connection.person.userId,
    name: access.shownAs ?? connection.person.name,
    role: access.role,
    canEdit: access.rule.mayEdit(access.role),
    send: (event, ...args) => connection.send(event, ...args),
  };
}

/** What a member may do in a document: edit only if their role may and it is not read-only. */
function roleNotice(member: DocumentMember, readOnly: ReadOnlyState | null): RoleNotice {
  return {
    role: member.role,
    canEdit: readOnly === null && member.canEdit,
    ...(readOnly ? { [readOnly.kind]: true } : {}),
  };
}
