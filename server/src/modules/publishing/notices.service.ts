import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { PublishingNotice, PublishingNotices } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import { SpecificationsService } from '../specifications/specifications.service';
import { ClarificationQuestion } from './clarification-question.schema';
import { SpecificationVersion } from './specification-version.schema';
import { NoticeReading } from './version-reading.schema';

const NOTICES_LISTED = 50;

type Notice = Omit<PublishingNotice, 'specificationTitle' | 'unread'> & { at: string };

/**
 * A person's publishing notices across their workspaces, worked out from the versions and
 * questions themselves (never stored twice): versions published or withdrawn, questions
 * answered, and, for those who answer them, questions asked. What others did, not
 * what the person did themselves; unread when newer than their last look.
 */
@Injectable()
export class NoticesService {
  constructor(
    @InjectModel(SpecificationVersion.name) private readonly versions: Model<SpecificationVersion>,
    @InjectModel(ClarificationQuestion.name)
    private readonly questions: Model<ClarificationQuestion>,
    @InjectModel(NoticeReading.name) private readonly readings: Model<NoticeReading>,
    private readonly roles: WorkspaceRoles,
    private readonly specifications: SpecificationsService,
  ) {}

  async noticesFor(userId: Types.ObjectId): Promise<PublishingNotices> {
    const [notices, readAt] = await Promise.all([this.found(userId), this.readAt(userId)]);
    const shown = notices.slice(0, NOTICES_LISTED);
    const titles = await this.specifications.titlesOf(
      shown.map((notice) => new Types.ObjectId(notice.specificationId)),
    );
    const unread = (notice: Notice) => readAt === null || new Date(notice.at) > readAt;
    return {
      unreadCount: notices.filter(unread).length,
      items: shown.map((notice) => ({
        ...notice,
        specificationTitle: titles.get(notice.specificationId) ?? 'A specification',
        unread: unread(notice),
      })),
    };
  }

  async unreadCountFor(userId: Types.ObjectId): Promise<number> {
    const [notices, readAt] = await Promise.all([this.found(userId), this.readAt(userId)]);
    return notices.filter((notice) => readAt === null || new Date(notice.at) > readAt).length;
  }

  async markRead(userId: Types.ObjectId): Promise<void> {
    await this.readings
      .updateOne({ userId }, { $set: { readAt: new Date() } }, { upsert: true })
      .exec();
  }

  private async readAt(userId: Types.ObjectId): Promise<Date | null> {
    return (await this.readings.findOne({ userId }).lean().exec())?.readAt ?? null;
  }

  /** Every notice of the person, newest first (at most a few hundred are looked at). */
  private async found(userId: Types.ObjectId): Promise<Notice[]> {
    const memberships = await this.roles.membershipsOf(userId);
    const where = (action: Parameters<typeof AccessPolicy.can>[1]) =>
      memberships
        .filter((each) => AccessPolicy.can(each.role, action))
        .map((each) => each.workspaceId);
    const [versions, answered, asked] = await Promise.all([
      this.versions
        .find(
          { workspaceId: { $in: where('version.read') }, publishedBy: { $ne: userId } },
          { specificationId: 1, workspaceId: 1, number: 1, publishedAt: 1, withdrawal: 1 },
        )
        .sort({ publishedAt: -1 })
        .limit(200)
        .lean()
        .exec(),
      this.questions
        .find(
          {
            workspaceId: { $in: where('clarification.read') },
            answeredAt: { $ne: null },
            answeredBy: { $ne: userId },
          },
          { specificationId: 1, workspaceId: 1, versionNumber: 1, answeredAt: 1 },
        )
        .sort({ answeredAt: -1 })
        .limit(200)
        .lean()
        .exec(),
      this.questions
        .find(
          { workspaceId: { $in: where('clarification.answer') }, askedBy: { $ne: userId } },
          { specificationId: 1, workspaceId: 1, versionNumber: 1, askedAt: 1 },
        )
        .sort({ askedAt: -1 })
        .limit(200)
        .lean()
        .exec(),
    ]);
    const base = (each: { workspaceId: Types.ObjectId; specificationId: Types.ObjectId }) => ({
      workspaceId: each.workspaceId.toHexString(),
      specificationId: each.specificationId.toHexString(),
    });
    const notices: Notice[] = [
      ...versions.flatMap((version): Notice[] => [
        {
          ...base(version),
          id: `version-published:${version.specificationId.toHexString()}:${version.number}`,
          kind: 'version-published',
          versionNumber: version.number,
          questionId: null,
          at: version.publishedAt.toISOString(),
        },
        ...(version.withdrawal && !version.withdrawal.by.equals(userId)
          ? [
              {
                ...base(version),
                id: `version-withdrawn:${version.specificationId.toHexString()}:${version.number}`,
                kind: 'version-withdrawn' as const,
                versionNumber: version.number,
                questionId: null,
                at: version.withdrawal.at.toISOString(),
              },
            ]
          : []),
      ]),
      ...answered.map((question): Notice => ({
        ...base(question),
        id: `question-answered:${question._id.toHexString()}`,
        kind: 'question-answered',
        versionNumber: question.versionNumber,
        questionId: question._id.toHexString(),
        at: question.answeredAt!.toISOString(),
      })),
      ...asked.map((question): Notice => ({
        ...base(question),
        id: `question-asked:${question._id.toHexString()}`,
        kind: 'question-asked',
        versionNumber: question.versionNumber,
        questionId: question._id.toHexString(),
        at: question.askedAt.toISOString(),
      })),
    ];
    return notices.sort((a, b) => b.at.localeCompare(a.at));
  }
}
