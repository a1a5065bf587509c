import { Injectable, Logger } from '@nestjs/common';
import { CollabEvent, type HistoryChangedNotice } from '@coproduce/protocol';
import type { Types } from 'mongoose';
import { OneAtATime } from '../../base/one-at-a-time';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import type { UserDocument } from '../accounts/user.schema';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { ClarificationQuestion } from './clarification-question.schema';
import { NoticesService } from './notices.service';
import type { SpecificationVersion } from './specification-version.schema';

/**
 * What publishing tells people live, through the connection registry: everyone with the
 * specification open hears its history changed; the workspace's members hear of versions
 * and questions (never who asked), with their new count of unread notices. Carries no
 * text: the routes have it, for those allowed to read it.
 */
@Injectable()
export class PublishingLive {
  private readonly logger = new Logger(PublishingLive.name);
  private readonly recounts = new OneAtATime();

  constructor(
    private readonly connections: ConnectionRegistry,
    private readonly roles: WorkspaceRoles,
    private readonly notices: NoticesService,
  ) {}

  historyChanged(
    specificationId: Types.ObjectId,
    change: HistoryChangedNotice['change'],
    by: UserDocument,
  ): void {
    const id = specificationId.toHexString();
    this.connections.toSpecification(id, CollabEvent.historyChanged, [
      id,
      { change, by: { id: by.id as string, name: by.name } },
    ]);
  }

  versionChanged(
    change: 'published' | 'withdrawn',
    version: Pick<
      SpecificationVersion,
      'workspaceId' | 'specificationId' | 'number' | 'name' | 'publishedAt' | 'withdrawal'
    >,
    by: UserDocument,
  ): void {
    this.historyChanged(version.specificationId, `version-${change}`, by);
    const notice = {
      workspaceId: version.workspaceId.toHexString(),
      specificationId: version.specificationId.toHexString(),
      number: version.number,
      name: version.name,
      at: (change === 'withdrawn' && version.withdrawal
        ? version.withdrawal.at
        : version.publishedAt
      ).toISOString(),
    };
    const event =
      change === 'published' ? CollabEvent.versionPublished : CollabEvent.versionWithdrawn;
    this.toMembers(version.workspaceId, 'version.read', (userId) =>
      this.connections.toPerson(userId, event, notice),
    );
  }

  questionChanged(
    change: 'asked' | 'answered',
    question: ClarificationQuestion & { _id: Types.ObjectId },
  ): void {
    const notice = {
      workspaceId: question.workspaceId.toHexString(),
      specificationId: question.specificationId.toHexString(),
      questionId: question._id.toHexString(),
      versionNumber: question.versionNumber,
    };
    const event = change === 'asked' ? CollabEvent.questionAsked : CollabEvent.questionAnswered;
    this.toMembers(
      question.workspaceId,
      change === 'asked' ? 'clarification.answer' : 'clarification.read',
      (userId) => this.connections.toPerson(userId, event, notice),
    );
  }

  /** Tells each member whose role allows `action`, then sends them their new unread count. */
  private toMembers(
    workspaceId: Types.ObjectId,
    action: Parameters<typeof AccessPolicy.can>[1],
    tell: (userId: string) => void,
  ): void {
    this.roles.membersOf(workspaceId).then(
      (members) => {
        for (const member of members) {
          if (!AccessPolicy.can(member.role, action)) continue;
          const userId = member.userId.toHexString();
          tell(userId);
          this.recount(member.userId);
        }
      },
      (error: unknown) => this.logger.warn({ err: error }, 'publishing notices not sent'),
    );
  }

  private recount(userId: Types.ObjectId): void {
    const id = userId.toHexString();
    this.recounts.run(id, () =>
      this.notices.unreadCountFor(userId).then(
        (unreadCount) => this.connections.toPerson(id, CollabEvent.noticesChanged, { unreadCount }),
        (error: unknown) => this.logger.warn({ err: error, userId: id }, 'notice count not sent'),
      ),
    );
  }
}
