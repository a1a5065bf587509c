// How the feedback behind the text reads beside it: what was said, by whom and where,
// and the address of the item in the feedback list.
import {
  AUDIENCE_NAMES,
  ENGAGEMENT_EVENT_TYPE_NAMES,
  ageBandName,
  type Feedback,
  type FeedbackLink,
  type FeedbackLinkRequest,
} from '@coproduce/domain';
import { formatDate } from '../../dates';

/** Who said it: "Children and young people aged 11 to 15 years", "Parents and carers". */
export function whoSaidIt(item: Pick<Feedback, 'audience' | 'ageBand'>): string {
  if (item.audience === 'children-and-young-people' && item.ageBand) {
    return `Children and young people aged ${ageBandName(item.ageBand)}`;
  }
  return AUDIENCE_NAMES[item.audience];
}

/** Where it was said: "Drop-in session: Family hub drop-in, 12 March 2025", or its other source. */
export function whereSaid(item: Pick<Feedback, 'event' | 'source'>): string {
  if (item.event) {
    const type = ENGAGEMENT_EVENT_TYPE_NAMES[item.event.type];
    return `${type}: ${item.event.title}, ${formatDate(item.event.startsAt)}`;
  }
  return item.source.trim() || 'Not recorded';
}

/** At most `length` characters, cut at a word, with an ellipsis when cut. */
export function shortened(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** This specification's links of an item, in the order the item keeps them. */
export function linksHere(item: Pick<Feedback, 'links'>, specificationId: string): FeedbackLink[] {
  return item.links.filter((link) => link.specificationId === specificationId);
}

/** Every link of the item anchored here has lost its words (and there is at least one). */
export function allTextRemoved(item: Pick<Feedback, 'links'>, specificationId: string): boolean {
  const anchored = linksHere(item, specificationId).filter((link) => link.anchor !== null);
  return anchored.length > 0 && anchored.every((link) => link.textRemoved);
}

// The feedback list's address (the engagement pages' own): its filters are the API's query
// names, so the list opens on this specification's feedback, searched for the item's words.
const SEARCH_LENGTH = 60;

/** The feedback list, filtered to this specification and found by the item's first words. */
export function feedbackListAddress(
  workspaceId: string,
  specificationId: string,
  item: Pick<Feedback, 'text'>,
): string {
  const words = item.text.replace(/\s+/g, ' ').trim();
  let search = words.slice(0, SEARCH_LENGTH);
  // A whole word at the end: the search is for words that are there.
  if (words.length > SEARCH_LENGTH && search.includes(' ')) {
    search = search.slice(0, search.lastIndexOf(' '));
  }
  const query = new URLSearchParams({ specificationId, search });
  return `/workspaces/${encodeURIComponent(workspaceId)}/engagement/feedback?${query.toString()}`;
}

/**
 * The links to send to add `added` to an item: all it has (each as it was made: its
 * anchor and the words quoted then, which the server keeps as they are) and the new one.
 */
export function linksWith(
  item: Pick<Feedback, 'links'>,
  added: FeedbackLinkRequest,
): FeedbackLinkRequest[] {
  const kept = item.links.map((link): FeedbackLinkRequest => {
    if (!link.anchor) return { specificationId: link.specificationId };
    return {
      specificationId: link.specificationId,
      anchor: { start: link.anchor.start, end: link.anchor.end },
      ...(link.quote !== null ? { quote: link.quote } : {}),
    };
  });
  return [...kept, added];
}
