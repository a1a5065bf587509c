import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { HIDDEN_PROVIDER_NAME, type Role } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { Forbidden, NotFound } from '../../../base/errors';
import { parseObjectId } from '../../../base/object-id.pipe';
import { ukDateTime } from '../../../base/uk-time';
import { AccessPolicy } from '../../access/access-policy';
import { WorkspaceRoles } from '../../access/workspace-roles';
import {
  LiveDocumentKinds,
  type LiveAccess,
  type LiveDocumentKind,
  type LiveDocumentRule,
  type ReadOnlyState,
} from '../../collab/live-document-kinds';
import { CopyAuthorship } from './copy-authorship';
import { EngagementRound } from './engagement-round.schema';

type RoundForAccess = Pick<
  EngagementRound,
  'workspaceId' | 'participants' | 'opensAt' | 'closesAt' | 'closedAt' | 'namesShown'
> & { _id: Types.ObjectId };

/** Whether a round has closed: by a commissioner, or at its closing time (even before the sweep). */
export function hasClosed(
  round: Pick<EngagementRound, 'closesAt' | 'closedAt'>,
  now = new Date(),
): boolean {
  return round.closedAt !== null || round.closesAt.getTime() <= now.getTime();
}

/**
 * Engagement copies as live documents (the collab core's LiveDocumentKinds door): who
 * may join a round's copy and edit it, whether it has closed, and the name others see
 * for a provider when the round hides names. The team co-edits it as they would the
 * draft; a provider only if taking part, and only once the round has opened, so every
 * participant first sees the same text at the same time.
 */
@Injectable()
export class EngagementCopies implements LiveDocumentKind, OnModuleInit {
  /** Copies joined through this node, by copy id: their round, for attributing edits. */
  private readonly roundOfCopy = new Map<string, string>();

  constructor(
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
    private readonly roles: WorkspaceRoles,
    private readonly kinds: LiveDocumentKinds,
    private readonly authorship: CopyAuthorship,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  async accessOf(docId: string, userId: string): Promise<LiveAccess | null> {
    const copyId = parseObjectId(docId);
    const user = parseObjectId(userId);
    if (!copyId || !user) return null;
    const round = await this.rounds
      .findOne(
        { copyId },
        { workspaceId: 1, participants: 1, opensAt: 1, closesAt: 1, closedAt: 1, namesShown: 1 },
      )
      .lean<RoundForAccess>()
      .exec();
    if (!round) return null;
    const membership = await this.roles.findMembership(round.workspaceId, user);
    if (!membership) throw new NotFound('that engagement copy');
    const takesPart = round.participants.some((participant) => participant.equals(user));
    const rule = copyRule(takesPart);
    if (!rule.mayRead(membership.role)) throw new NotFound('that engagement copy');
    if (membership.role === 'provider' && round.opensAt.getTime() > Date.now()) {
      throw new Forbidden(
        `This market engagement round opens at ${ukDateTime(round.opensAt)}. Come back then: everyone taking part sees the copy at the same time.`,
      );
    }
    this.roundOfCopy.set(docId, round._id.toHexString());
    return {
      role: membership.role,
      workspaceId: round.workspaceId.toHexString(),
      rule,
      readOnly: membership.workspaceArchived ? WORKSPACE_ARCHIVED : closedState(round),
      ...(membership.role === 'provider' && !round.namesShown
        ? { shownAs: HIDDEN_PROVIDER_NAME }
        : {}),
      hidesProviderNames: !round.namesShown,
      ...(hasClosed(round) ? {} : { changesAt: round.closesAt.getTime() }),
    };
  }

  edited(docId: string, userId: string, update: Uint8Array): void {
    const roundId = this.roundOfCopy.get(docId);
    if (roundId) this.authorship.record(roundId, userId, update);
  }
}

/**
 * In a copy, the roles that take part edit it and comment on it (a provider only when
 * taking part); those who read engagement follow it read-only, and comment if their role
 * comments on drafts. No mentions: a mention emails a link to a draft's page.
 */
function copyRule(takesPart: boolean): LiveDocumentRule {
  const mayEdit = (role: Role): boolean =>
    AccessPolicy.can(role, 'engagement-round.take-part') && (role !== 'provider' || takesPart);
  const mayRead = (role: Role): boolean =>
    mayEdit(role) || AccessPolicy.can(role, 'engagement.read');
  return {
    mayEdit,
    mayRead,
    mayComment: (role) =>
      mayEdit(role) || (mayRead(role) && AccessPolicy.can(role, 'specification.comment')),
    allowsMentions: false,
  };
}

function closedState(round: RoundForAccess): ReadOnlyState | null {
  if (!hasClosed(round)) return null;
  return closedCopy(round.closedAt ?? round.closesAt);
}

/** An engagement copy once its round has closed at `at`: nobody may change it. */
export function closedCopy(at: Date): ReadOnlyState {
  return {
    kind: 'closed',
    message: `This market engagement round closed at ${ukDateTime(at)}, so its engagement copy can no longer be changed. It is kept as the round’s record.`,
  };
}

const WORKSPACE_ARCHIVED: ReadOnlyState = {
  kind: 'archived',
  message:
    'This workspace is archived, so nobody can edit its documents. A commissioner can restore it.',
};
