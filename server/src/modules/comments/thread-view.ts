import type {
  CommentPerson,
  CommentThread as ThreadView,
  SpecificationComment,
} from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { CommentThread, StoredComment } from './comment-thread.schema';

/** A stored thread as read with `.lean()`: plain data with its id. */
export type StoredThread = CommentThread & { _id: Types.ObjectId };

/** Names of the people a set of threads mentions, by user id. */
export type People = ReadonlyMap<string, { name: string }>;

/** Everyone a thread names: authors, those mentioned, who started and resolved it. */
export function peopleIn(threads: readonly StoredThread[]): Types.ObjectId[] {
  const ids = new Map<string, Types.ObjectId>();
  const add = (id: Types.ObjectId | null) => {
    if (id) ids.set(id.toHexString(), id);
  };
  for (const thread of threads) {
    add(thread.createdBy);
    add(thread.resolvedBy);
    for (const comment of thread.comments) {
      add(comment.authorId);
      comment.mentions.forEach(add);
    }
  }
  return [...ids.values()];
}

export function personView(id: Types.ObjectId, people: People): CommentPerson {
  const hex = id.toHexString();
  return { id: hex, name: people.get(hex)?.name ?? 'A former member' };
}

export function commentView(comment: StoredComment, people: People): SpecificationComment {
  return {
    id: comment._id.toHexString(),
    author: personView(comment.authorId, people),
    body: comment.deleted ? '' : comment.body,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    deleted: comment.deleted,
    mentions: comment.deleted ? [] : comment.mentions.map((id) => personView(id, people)),
  };
}

export function threadView(thread: StoredThread, textRemoved: boolean, people: People): ThreadView {
  const resolved = thread.status === 'resolved';
  return {
    id: thread._id.toHexString(),
    specificationId: thread.specificationId.toHexString(),
    status: thread.status,
    anchor: { start: thread.anchor.start, end: thread.anchor.end },
    quote: thread.quote,
    textRemoved,
    comments: thread.comments.map((comment) => commentView(comment, people)),
    createdBy: personView(thread.createdBy, people),
    createdAt: thread.createdAt.toISOString(),
    resolvedBy: resolved && thread.resolvedBy ? personView(thread.resolvedBy, people) : null,
    resolvedAt: resolved && thread.resolvedAt ? thread.resolvedAt.toISOString() : null,
    updatedAt: thread.updatedAt.toISOString(),
  };
}
