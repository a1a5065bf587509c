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
import { AccessPolicy } from '../access/access-policy';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { Connection } from '../connections/connection';
import { SpecificationsService } from '../specifications/specifications.service';
import { collabErrorBody, type CollabRefusal } from './collab-error';
import type { DocumentMember } from './document-member';
import { DocumentRegistry } from './document-registry';
import type { OpenDocument } from './open-document';
import { SharedLookup } from './shared-lookup';

/** A document one connection has joined, with what its authorisation was decided on. */
export interface JoinedDocument {
  document: OpenDocument;
  member: DocumentMember;
  workspaceId: string;
}

interface Access {
  role: Role;
  workspaceId: string;
  /** Archived: nobody edits it, whatever their role. */
  archived: boolean;
}

/** Access looked up again at most this often in one join, when memberships keep changing. */
const MAX_ACCESS_CHECKS = 3;

/**
 * Which open documents each connection has joined: admitting a connection to a
 * specification (access, loading, the first sync), taking it out again, and changing the
 * role its frames are judged by. Live documents admit only roles that may read drafts:
 * a provider is never a member of one, whatever the specification's status (published
 * text reaches providers from an immutable copy, never from here).
 */
@Injectable()
export class JoinedDocuments {
  private readonly logger = new Logger(JoinedDocuments.name);
  private readonly joined = new Map<Connection, Map<string, JoinedDocument>>();
  /** Bumped when someone's membership changes, so a join that was deciding meanwhile decides again. */
  private readonly accessVersions = new Map<string, number>();
  private readonly accessLookups = new SharedLookup<Access>();
  /** Bumped when a specification is archived or restored, for the same reason. */
  private readonly archiveVersions = new Map<string, number>();

  constructor(
    private readonly specifications: SpecificationsService,
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
    let access: Access;
    let document: OpenDocument | undefined;
    for (let check = 1; ; check++) {
      const version = this.accessVersion(userId);
      const archiveVersion = this.archiveVersions.get(docId) ?? 0;
      try {
        access = await this.lookUpAccess(docId, userId, `${version}:${archiveVersion}`);
      } catch (error) {
        if (document) this.registry.released(document);
        if (error instanceof NotFound) return refuse(error);
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
      if (
        this.accessVersion(userId) === version &&
        (this.archiveVersions.get(docId) ?? 0) === archiveVersion
      ) {
        break;
      }
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

  /** Judges the member's next frames by `role`, and tells their client what it may do now. */
  changeRole(connection: Connection, docId: string, role: Role): void {
    const joined = this.joined.get(connection)?.get(docId);
    if (!joined || joined.member.role === role) return;
    joined.member.role = role;
    connection.send(CollabEvent.role, docId, roleNotice(role, joined.document.archived));
  }

  /**
   * A specification was archived or restored: its open copy refuses (or takes again)
   * every edit, and everyone in it is told what they may do now. A join deciding
   * meanwhile decides again.
   */
  archiveChanged(docId: string, archived: boolean): void {
    this.archiveVersions.set(docId, (this.archiveVersions.get(docId) ?? 0) + 1);
    for (const [connection, joined] of this.joinedTo(docId)) {
      joined.document.archived = archived;
      connection.send(CollabEvent.role, docId, roleNotice(joined.member.role, archived));
    }
  }

  /**
   * A workspace was archived or restored: as `archiveChanged` for each of its documents
   * open here. Restoring the workspace leaves a specification archived on its own as it is.
   */
  async workspaceArchiveChanged(workspaceId: string, archived: boolean): Promise<void> {
    const docIds = new Set(
      [...this.joined.values()].flatMap((documents) =>
        [...documents].flatMap(([docId, joined]) =>
          joined.workspaceId === workspaceId ? [docId] : [],
        ),
      ),
    );
    for (const docId of docIds) {
      if (archived) {
        this.archiveChanged(docId, true);
        continue;
      }
      const specification = await this.specifications.findById(docId);
      this.archiveChanged(docId, Boolean(specification?.archivedAt));
    }
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
    access: Access,
    answer: (ack: JoinAck) => void,
  ): Promise<void> {
    if (!connection.connected) {
      this.registry.released(document);
      return;
    }
    const existing = this.joined.get(connection)?.get(docId);
    if (existing && existing.document !== document) this.evict(connection, docId);
    const member = existing?.member ?? memberOf(connection, access.role);
    member.role = access.role;
    let documents = this.joined.get(connection);
    if (!documents) this.joined.set(connection, (documents = new Map()));
    documents.set(docId, { document, member, workspaceId: access.workspaceId });
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
    document.archived = access.archived;
    answer({ ok: true, ...roleNotice(member.role, access.archived) });
    document.join(member);
  }

  private lookUpAccess(docId: string, userId: string, version: string): Promise<Access> {
    return this.accessLookups.get(`${docId}:${userId}:${version}`, async () => {
      const found = await this.specifications.findForMember(docId, userId);
      // Structural, not by status: a live document is a draft to everyone in it.
      if (!AccessPolicy.can(found.role, 'specification.read-draft')) {
        throw new NotFound('that specification');
      }
      return {
        role: found.role,
        workspaceId: found.specification.workspaceId.toHexString(),
        archived: found.archived,
      };
    });
  }
}

/** A connection's presence in one document, judged by `role`. */
function memberOf(connection: Connection, role: Role): DocumentMember {
  return {
    connectionId: connection.id,
    userId: connection.person.userId,
    name: connection.person.name,
    role,
    send: (event, ...args) => connection.send(event, ...args),
  };
}

/** What a member may do in a document: edit only if their role may and it is not archived. */
function roleNotice(role: Role, archived: boolean): RoleNotice {
  return {
    role,
    canEdit: !archived && AccessPolicy.can(role, 'specification.edit'),
    ...(archived ? { archived } : {}),
  };
}
