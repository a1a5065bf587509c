import type { CommentThread, SpecificationComment } from '@coproduce/domain';

/**
 * Threads in the order their text comes in the document as it is now (`startOf` says
 * where each begins). Threads whose text is gone follow, in the order given, so a
 * thread made a moment ago elsewhere does not jump about before its place is known.
 */
export function inDocumentOrder(
  threads: readonly CommentThread[],
  startOf: (thread: CommentThread) => number | null,
): CommentThread[] {
  const placed = threads.map((thread, index) => ({ thread, index, start: startOf(thread) }));
  return placed
    .sort((a, b) => {
      if (a.start === null || b.start === null) {
        if (a.start !== b.start) return a.start === null ? 1 : -1;
        return a.index - b.index;
      }
      return a.start - b.start || a.index - b.index;
    })
    .map(({ thread }) => thread);
}

/**
 * The list with `thread` in it: replacing the one with its id, unless the one held is
 * newer (an answer to a request can arrive after the live notice of a later change).
 */
export function withThread(
  threads: readonly CommentThread[],
  thread: CommentThread,
): CommentThread[] {
  const index = threads.findIndex((each) => each.id === thread.id);
  if (index < 0) return [...threads, thread];
  const held = threads[index];
  if (held && held.updatedAt > thread.updatedAt) return [...threads];
  return threads.map((each, i) => (i === index ? thread : each));
}

/** The list with `comment` added to, or replaced in, its thread. */
export function withComment(
  threads: readonly CommentThread[],
  threadId: string,
  comment: SpecificationComment,
): CommentThread[] {
  return threads.map((thread) => {
    if (thread.id !== threadId) return thread;
    const known = thread.comments.some((each) => each.id === comment.id);
    return {
      ...thread,
      comments: known
        ? thread.comments.map((each) => (each.id === comment.id ? comment : each))
        : [...thread.comments, comment],
    };
  });
}
