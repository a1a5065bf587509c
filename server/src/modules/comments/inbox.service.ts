import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { CommentInbox, InboxItem } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { parseObjectId } from '../../base/object-id.pipe';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AccountsService } from '../accounts/accounts.service';
import { SpecificationsService } from '../specifications/specifications.service';
import { CommentThread } from './comment-thread.schema';
import { inboxItemFor, type InboxPlacement } from './inbox-item';
import { ThreadRead } from './thread-read.schema';
import { peopleIn, personView, type StoredThread } from './thread-view';

/** The most items an inbox lists; `unreadCount` counts beyond it. */
export const INBOX_LIMIT = 50;
// How many of a person's most recently active threads the inbox looks through.
const THREADS_LOOKED_AT = 1000;

/**
 * A person's comment inbox across their workspaces: threads where someone else
 * mentioned them, and threads they wrote in where others have written since they
 * last read it. Worked out from the threads and read markers, never stored twice.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectModel(CommentThread.name) private readonly threads: Model<CommentThread>,
    @InjectModel(ThreadRead.name) private readonly reads: Model<ThreadRead>,
    private readonly roles: WorkspaceRoles,
    private readonly accounts: AccountsService,
    private readonly specifications: SpecificationsService,
  ) {}

  /** The header's count alone: what `inboxFor` counts, without naming anyone. */
  async unreadCountFor(userId: string): Promise<number> {
    return (await this.entriesFor(userId)).found.filter((entry) => entry.unread).length;
  }

  async inboxFor(userId: string): Promise<CommentInbox> {
    const { found, titles } = await this.entriesFor(userId);
    const shown = found.slice(0, INBOX_LIMIT);
    const people = await this.accounts.findSummaries(peopleIn(shown.map((each) => each.thread)));
    const items: InboxItem[] = shown.map(({ thread, reason, latest, unread }) => ({
      workspaceId: thread.workspaceId.toHexString(),
      specificationId: thread.specificationId.toHexString(),
      specificationTitle: titles.get(thread.specificationId.toHexString()) ?? 'A specification',
      threadId: thread._id.toHexString(),
      quote: thread.quote,
      reason,
      latest: {
        author: personView(latest.authorId, people),
        body: latest.body,
        at: latest.createdAt.toISOString(),
      },
      unread,
    }));
    return { unreadCount: found.filter((each) => each.unread).length, items };
  }

  /**
   * Every thread in the person's inbox, newest first, each with why and whether unread;
   * with the titles of the specifications they are on, looked up to leave out copies.
   */
  private async entriesFor(userIdText: string): Promise<{
    found: Array<InboxPlacement & { thread: StoredThread }>;
    titles: Map<string, string>;
  }> {
    const nothing = { found: [], titles: new Map<string, string>() };
    const userId = parseObjectId(userIdText);
    if (!userId) return nothing;
    // Threads belong to drafts: a provider's inbox is empty, in every workspace.
    const workspaceIds = (await this.roles.membershipsOf(userId))
      .filter((membership) => AccessPolicy.can(membership.role, 'specification.read-draft'))
      .map((membership) => membership.workspaceId);
    if (workspaceIds.length === 0) return nothing;
    const threads = await this.threads
      .find(
        {
          workspaceId: { $in: workspaceIds },
          $or: [{ 'comments.authorId': userId }, { 'comments.mentions': userId }],
        },
        { statusChanges: 0, anchor: 0 },
      )
      .sort({ updatedAt: -1 })
      .limit(THREADS_LOOKED_AT)
      .lean<StoredThread[]>()
      .exec();
    // Threads on specifications only: an engagement copy's comments stay with its round.
    const titles = await this.specifications.titlesOf(
      threads.map((thread) => thread.specificationId),
    );
    const onSpecifications = threads.filter((thread) =>
      titles.has(thread.specificationId.toHexString()),
    );
    const readAt = await this.readMarkers(userId, onSpecifications);
    const found = onSpecifications.flatMap((thread) => {
      const item = inboxItemFor(thread, userId, readAt.get(thread._id.toHexString()));
      return item ? [{ thread, ...item }] : [];
    });
    found.sort((a, b) => b.latest.createdAt.getTime() - a.latest.createdAt.getTime());
    return { found, titles };
  }

  private async readMarkers(
    userId: Types.ObjectId,
    threads: StoredThread[],
  ): Promise<Map<string, Date>> {
    if (threads.length === 0) return new Map();
    const markers = await this.reads
      .find(
        { userId, threadId: { $in: threads.map((thread) => thread._id) } },
        { threadId: 1, readAt: 1 },
      )
      .lean()
      .exec();
    return new Map(markers.map((marker) => [marker.threadId.toHexString(), marker.readAt]));
  }
}
