import { Injectable, Logger } from '@nestjs/common';
import type { CommentPerson, CommentThread } from '@coproduce/domain';
import { CollabEvent, type ThreadChange } from '@coproduce/protocol';
import { OneAtATime } from '../../base/one-at-a-time';
import { ConnectionRegistry } from '../connections/connection-registry';
import { InboxService } from './inbox.service';

/**
 * What comment threads tell people live, through the connection registry (socket.io
 * rooms, so another node's people hear it too once scale-out plugs in there).
 */
@Injectable()
export class CommentNotices {
  private readonly logger = new Logger(CommentNotices.name);
  private readonly recounts = new OneAtATime();

  constructor(
    private readonly connections: ConnectionRegistry,
    private readonly inbox: InboxService,
  ) {}

  /** To everyone with the thread's specification open. */
  threadChanged(thread: CommentThread, change: ThreadChange, by: CommentPerson): void {
    this.connections.toSpecification(thread.specificationId, CollabEvent.threadChanged, [
      thread.specificationId,
      { threadId: thread.id, change, by, thread },
    ]);
  }

  /**
   * Each person's new unread count, to every connection of theirs. Not awaited by the
   * request that caused it: the change is stored already, and a count that fails to
   * arrive is put right by the next one or by asking GET /api/inbox.
   */
  inboxesChanged(userIds: readonly string[]): void {
    for (const userId of new Set(userIds)) this.recount(userId);
  }

  /**
   * One count at a time per person: changes that arrive while one runs are all covered by
   * a single count after it, so a busy discussion costs a count per burst, not per reply.
   */
  private recount(userId: string): void {
    this.recounts.run(userId, () =>
      this.inbox.unreadCountFor(userId).then(
        (unreadCount) =>
          this.connections.toPerson(userId, CollabEvent.inboxChanged, { unreadCount }),
        (error: unknown) => this.logger.warn({ err: error, userId }, 'inbox count not sent'),
      ),
    );
  }
}
