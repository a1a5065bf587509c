import { Types } from 'mongoose';
import type { StoredComment } from './comment-thread.schema';
import { inboxItemFor } from './inbox-item';

const me = new Types.ObjectId();
const someone = new Types.ObjectId();
const hour = (n: number) => new Date(Date.UTC(2026, 0, 1, n));

function comment(
  author: Types.ObjectId,
  at: number,
  extra: Partial<StoredComment> = {},
): StoredComment {
  return {
    _id: new Types.ObjectId(),
    authorId: author,
    body: `said at ${at}`,
    mentions: [],
    createdAt: hour(at),
    editedAt: null,
    deleted: false,
    deletedAt: null,
    ...extra,
  };
}

describe("what a thread puts in a person's inbox", () => {
  it('nothing, for a thread they neither wrote in nor were mentioned in', () => {
    expect(inboxItemFor({ comments: [comment(someone, 1)] }, me, undefined)).toBeNull();
  });

  it('a reply by someone else in a thread they wrote in, unread until they read it', () => {
    const comments = [comment(me, 1), comment(someone, 2)];
    expect(inboxItemFor({ comments }, me, undefined)).toMatchObject({
      reason: 'reply',
      unread: true,
      latest: { body: 'said at 2' },
    });
    expect(inboxItemFor({ comments }, me, hour(3))).toBeNull();
  });

  it('never their own comments, nor deleted ones', () => {
    const comments = [comment(me, 1), comment(me, 2), comment(someone, 3, { deleted: true })];
    expect(inboxItemFor({ comments }, me, undefined)).toBeNull();
  });

  it('a mention by someone else, listed even once read', () => {
    const comments = [comment(someone, 1, { mentions: [me] })];
    expect(inboxItemFor({ comments }, me, undefined)).toMatchObject({
      reason: 'mention',
      unread: true,
    });
    expect(inboxItemFor({ comments }, me, hour(2))).toMatchObject({
      reason: 'mention',
      unread: false,
      latest: { body: 'said at 1' },
    });
  });

  it('not a mention of themselves', () => {
    expect(
      inboxItemFor({ comments: [comment(me, 1, { mentions: [me] })] }, me, undefined),
    ).toBeNull();
  });

  it('the newest unread comment as the latest', () => {
    const comments = [
      comment(someone, 1, { mentions: [me] }),
      comment(someone, 2),
      comment(someone, 5),
    ];
    expect(inboxItemFor({ comments }, me, hour(3))).toMatchObject({
      unread: true,
      latest: { body: 'said at 5' },
    });
  });
});
