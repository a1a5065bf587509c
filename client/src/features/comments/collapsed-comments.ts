import type { SpecificationComment } from '@coproduce/domain';

/** Comments shown before a long thread's hidden replies, and after them. */
const FIRST_SHOWN = 1;
const LAST_SHOWN = 2;

/**
 * A long thread as the panel first shows it: the comment that started it and the latest
 * replies, with how many in between are folded away. Short threads are shown whole.
 */
export function collapsedComments(comments: readonly SpecificationComment[]): {
  first: readonly SpecificationComment[];
  hidden: number;
  last: readonly SpecificationComment[];
} {
  if (comments.length <= FIRST_SHOWN + LAST_SHOWN + 1) {
    return { first: comments, hidden: 0, last: [] };
  }
  return {
    first: comments.slice(0, FIRST_SHOWN),
    hidden: comments.length - FIRST_SHOWN - LAST_SHOWN,
    last: comments.slice(-LAST_SHOWN),
  };
}
