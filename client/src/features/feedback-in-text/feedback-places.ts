// Where feedback sits in the text: one highlighted stretch per link into this
// specification, and one margin marker per paragraph that has some.
import type { Anchor, Feedback } from '@coproduce/domain';

/** A feedback item's link as the editor highlights it. */
export interface FeedbackPlace {
  /** The item's id and the link's place among its links: `<feedbackId>:<index>`. */
  id: string;
  feedbackId: string;
  anchor: Anchor;
}

/** The places in this specification's text that feedback shaped, item by item. */
export function feedbackPlaces(
  items: readonly Pick<Feedback, 'id' | 'links'>[],
  specificationId: string,
): FeedbackPlace[] {
  return items.flatMap((item) =>
    item.links.flatMap((link, index) =>
      link.specificationId === specificationId && link.anchor && !link.textRemoved
        ? [{ id: `${item.id}:${index}`, feedbackId: item.id, anchor: link.anchor }]
        : [],
    ),
  );
}

/** A place found in the editor: where its words begin, and the paragraph they begin in. */
export interface PlacedFeedback {
  feedbackId: string;
  from: number;
  /** Where the paragraph (or heading, or list item's text) holding `from` begins. */
  block: number;
}

/** One margin marker: at the first of a paragraph's places, for every item with a place there. */
export interface MarkerGroup {
  at: number;
  feedbackIds: string[];
}

/**
 * The margin markers: one per paragraph with feedback in it, at the earliest place, naming
 * each item once (in the order their words come), in the order of the text.
 */
export function markerGroups(placed: readonly PlacedFeedback[]): MarkerGroup[] {
  const byBlock = new Map<number, PlacedFeedback[]>();
  for (const place of placed) {
    const held = byBlock.get(place.block);
    if (held) held.push(place);
    else byBlock.set(place.block, [place]);
  }
  return [...byBlock.values()]
    .map((places) => {
      const inOrder = [...places].sort((a, b) => a.from - b.from);
      return {
        at: inOrder[0]?.from ?? 0,
        feedbackIds: [...new Set(inOrder.map((place) => place.feedbackId))],
      };
    })
    .sort((a, b) => a.at - b.at);
}

/** The marker's accessible name: "Feedback: 1 item", "Feedback: 3 items". */
export function markerLabel(count: number): string {
  return `Feedback: ${count} ${count === 1 ? 'item' : 'items'}`;
}

/** Where each item's words begin: the earliest of its places; null when none is in the text. */
export function firstPlaceOf(
  feedbackId: string,
  places: readonly FeedbackPlace[],
  ranges: ReadonlyMap<string, { from: number; to: number }>,
): { from: number; to: number } | null {
  let first: { from: number; to: number } | null = null;
  for (const place of places) {
    if (place.feedbackId !== feedbackId) continue;
    const range = ranges.get(place.id);
    if (range && (!first || range.from < first.from)) first = range;
  }
  return first;
}
