import type { CommentThread } from '@coproduce/domain';

/** The ways the panel narrows its list; "open" is what needs attention, so it comes first. */
export type ThreadFilter = 'open' | 'resolved' | 'mine' | 'mentions';

export const THREAD_FILTERS: readonly { value: ThreadFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'mine', label: 'Yours' },
  { value: 'mentions', label: 'Mentioning you' },
];

/** A thread you started or wrote in. */
export function takesPartIn(thread: CommentThread, userId: string): boolean {
  return (
    thread.createdBy.id === userId ||
    thread.comments.some((comment) => comment.author.id === userId)
  );
}

/** A thread where a comment still standing mentions you. */
export function mentionsPerson(thread: CommentThread, userId: string): boolean {
  return thread.comments.some(
    (comment) => !comment.deleted && comment.mentions.some((person) => person.id === userId),
  );
}

export function matchesFilter(
  thread: CommentThread,
  filter: ThreadFilter,
  userId: string,
): boolean {
  switch (filter) {
    case 'open':
      return thread.status === 'open';
    case 'resolved':
      return thread.status === 'resolved';
    case 'mine':
      return takesPartIn(thread, userId);
    case 'mentions':
      return mentionsPerson(thread, userId);
  }
}

/** How many threads each filter would show, for the filter's label. */
export function filterCounts(
  threads: readonly CommentThread[],
  userId: string,
): Record<ThreadFilter, number> {
  const counts: Record<ThreadFilter, number> = { open: 0, resolved: 0, mine: 0, mentions: 0 };
  for (const thread of threads) {
    for (const { value } of THREAD_FILTERS) {
      if (matchesFilter(thread, value, userId)) counts[value] += 1;
    }
  }
  return counts;
}
