/** A stretch of the editor's document, between two ProseMirror positions. */
export interface TextRange {
  from: number;
  to: number;
}

/**
 * The id of the range that holds `position` (its ends included), the shortest when
 * several do, among those `counts` lets in; null when none does.
 */
export function shortestRangeAt(
  ranges: ReadonlyMap<string, TextRange>,
  position: number,
  counts: (id: string) => boolean = () => true,
): string | null {
  let found: { id: string; length: number } | null = null;
  for (const [id, { from, to }] of ranges) {
    if (!counts(id) || position < from || position > to) continue;
    if (!found || to - from < found.length) found = { id, length: to - from };
  }
  return found?.id ?? null;
}
