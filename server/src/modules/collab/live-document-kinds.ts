import { Injectable } from '@nestjs/common';
import type { Role } from '@coproduce/protocol';
import { NotFound } from '../../base/errors';
import { AccessPolicy } from '../access/access-policy';
import { SpecificationsService } from '../specifications/specifications.service';

/** Why nobody may edit a live document now, whatever their role. */
export interface ReadOnlyState {
  /** Sent with `doc:role` and the join answer (`archived: true` or `closed: true`). */
  kind: 'archived' | 'closed';
  /** What a refused update is answered with. */
  message: string;
}

/** Which roles may stay in a kind of live document, which may edit it, and comment on it. */
export interface LiveDocumentRule {
  mayRead(role: Role): boolean;
  mayEdit(role: Role): boolean;
  mayComment(role: Role): boolean;
  /** Whether its comments may mention people (and so email them a link to it). */
  allowsMentions: boolean;
}

/** What a person may do in one live document, decided when they join. */
export interface LiveAccess {
  role: Role;
  workspaceId: string;
  rule: LiveDocumentRule;
  readOnly: ReadOnlyState | null;
  /** The name the others see for this person (presence); their account's name when absent. */
  shownAs?: string;
  /** Whether the document shows every provider in it as "A provider" (comments too). */
  hidesProviderNames?: boolean;
  /**
   * When this access changes by itself, with nothing published (a round reaching its
   * closing time), epoch ms: it is not reused past then. Absent when only a published
   * change (membership, archiving, `live-document.access-changed`) can change it.
   */
  changesAt?: number;
}

/**
 * A kind of live document other than a specification's draft (an engagement copy):
 * its feature decides who may join and hears each edit, so the collab core never
 * imports it (STYLE.md §8).
 */
export interface LiveDocumentKind {
  /**
   * The person's access to `docId`, null when the id is not one of this kind's. Throws
   * NotFound for a document of this kind the person may not see.
   */
  accessOf(docId: string, userId: string): Promise<LiveAccess | null>;
  /** A member's update was applied to the document (after admission, before it is durable). */
  edited?(docId: string, userId: string, update: Uint8Array): void;
}

const DRAFT_RULE: LiveDocumentRule = {
  // Structural, not by status: a live document is a draft to everyone in it.
  mayRead: (role) => AccessPolicy.can(role, 'specification.read-draft'),
  mayEdit: (role) => AccessPolicy.can(role, 'specification.edit'),
  mayComment: (role) => AccessPolicy.can(role, 'specification.comment'),
  allowsMentions: true,
};

const ARCHIVED: ReadOnlyState = {
  kind: 'archived',
  message:
    'This specification is archived (on its own or with its workspace), so nobody can edit it. A commissioner can restore it.',
};

/**
 * Every kind of live document the collab gateway serves: the specifications' drafts,
 * and whatever features register. A join asks drafts first (the common case costs no
 * more than before), then the registered kinds.
 */
@Injectable()
export class LiveDocumentKinds {
  private readonly kinds: LiveDocumentKind[] = [];

  constructor(private readonly specifications: SpecificationsService) {}

  register(kind: LiveDocumentKind): void {
    this.kinds.push(kind);
  }

  async accessOf(docId: string, userId: string): Promise<LiveAccess> {
    let refusal: unknown;
    try {
      const found = await this.specifications.findForMember(docId, userId);
      if (DRAFT_RULE.mayRead(found.role)) {
        return {
          role: found.role,
          workspaceId: found.specification.workspaceId.toHexString(),
          rule: DRAFT_RULE,
          readOnly: found.archived ? ARCHIVED : null,
        };
      }
      refusal = new NotFound('that specification');
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      refusal = error;
    }
    for (const kind of this.kinds) {
      const access = await kind.accessOf(docId, userId);
      if (access) return access;
    }
    throw refusal;
  }

  /** The specification archived or restored, as its open document should now be. */
  static archivedState(archived: boolean): ReadOnlyState | null {
    return archived ? ARCHIVED : null;
  }

  edited(docId: string, userId: string, update: Uint8Array): void {
    for (const kind of this.kinds) kind.edited?.(docId, userId, update);
  }
}
