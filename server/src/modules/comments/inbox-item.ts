import type { InboxItem } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { StoredComment } from './comment-thread.schema';
import type { StoredThread } from './thread-view';

/** Why a thread is in someone's inbox, its newest comment for them, and whether they read it. */
export interface InboxPlacement {
  reason: InboxItem['reason'];
  latest: StoredComment;
  unread: boolean;
}

/** Where a thread stands in someone's inbox; null when it is not in it. */
export function inboxItemFor(
  thread: Pick<StoredThread, 'comments'>,
  userId: Types.ObjectId,
  readAt: Date | undefined,
): InboxPlacement | null {
  const byOthers = thread.comments.filter(
    (comment) => !comment.deleted && !comment.authorId.equals(userId),
  );
  const unreadComments = byOthers.filter((comment) => !readAt || comment.createdAt > readAt);
  const mentioning = byOthers.filter((comment) => comment.mentions.some((id) => id.equals(userId)));
  const tookPart = thread.comments.some((comment) => comment.authorId.equals(userId));
  const latestUnread = unreadComments.at(-1);
  if (mentioning.length > 0) {
    return {
      reason: 'mention',
      latest: latestUnread ?? mentioning.at(-1)!,
      unread: latestUnread !== undefined,
    };
  }
  if (tookPart && latestUnread) return { reason: 'reply', latest: latestUnread, unread: true };
  return null;
}
