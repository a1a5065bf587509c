import type { CommentThread } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { decodeAnchor, specificationFragment } from '@coproduce/specification-document';

/**
 * How many threads start in each section: `headingStarts` are where the sections'
 * headings are (in order), `threadStarts` where the threads' text begins. A thread
 * before the first heading belongs to no section.
 */
export function countBySection(
  headingStarts: readonly number[],
  threadStarts: readonly number[],
): number[] {
  const counts = headingStarts.map(() => 0);
  for (const start of threadStarts) {
    let section = -1;
    for (let i = 0; i < headingStarts.length; i += 1) {
      if ((headingStarts[i] ?? Infinity) <= start) section = i;
      else break;
    }
    if (section >= 0) counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}

/**
 * How many open threads start in each of the specification's sections (its top-level
 * headings, as `readOutline` lists them), read from the Y.Doc itself so it follows
 * everyone's edits. Threads whose text is gone, or whose anchor does not decode, count nowhere.
 */
export function openThreadsPerSection(
  doc: Y.Doc,
  threads: readonly Pick<CommentThread, 'status' | 'anchor'>[],
): number[] {
  const fragment = specificationFragment(doc);
  const blocks = fragment.toArray();
  const headingStarts: number[] = [];
  blocks.forEach((block, index) => {
    if (block instanceof Y.XmlElement && block.nodeName === 'heading') headingStarts.push(index);
  });
  const blockIndex = new Map<unknown, number>(blocks.map((block, index) => [block, index]));
  const threadStarts: number[] = [];
  for (const thread of threads) {
    if (thread.status !== 'open') continue;
    const block = topLevelBlockOf(doc, fragment, thread.anchor);
    const index = block ? blockIndex.get(block) : undefined;
    if (index !== undefined) threadStarts.push(index);
  }
  return countBySection(headingStarts, threadStarts);
}

function topLevelBlockOf(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  anchor: CommentThread['anchor'],
): Y.AbstractType<unknown> | null {
  let start: Y.RelativePosition;
  try {
    start = decodeAnchor(anchor).start;
  } catch {
    return null;
  }
  const position = Y.createAbsolutePositionFromRelativePosition(start, doc);
  let type: Y.AbstractType<unknown> | null = position?.type ?? null;
  while (type && type._item && !type._item.deleted) {
    const parent = type._item.parent;
    if (parent === fragment) return type;
    type = parent instanceof Y.AbstractType ? (parent as Y.AbstractType<unknown>) : null;
  }
  return null;
}
