import { Injectable } from '@nestjs/common';
import type { FeedbackLink, FeedbackLinkRequest } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import { quoteAnchors, type ResolvedAnchor } from '@coproduce/specification-document';
import type { Types } from 'mongoose';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { checkedAnchor, quoteAtNewAnchor } from '../collab/anchored-quote';
import { SpecificationReader } from '../collab/specification-reader';
import { SpecificationsService } from '../specifications/specifications.service';
import { EngagementAccess } from './engagement-access';
import type { StoredFeedbackLink } from './feedback.schema';
import { keptLink } from './kept-link';

const SELECT_AGAIN = 'Select the text again and link the feedback to it.';

/** Each specification's text, read once however many links point into it. */
class TextsRead {
  private readonly docs = new Map<string, Promise<Y.Doc>>();

  constructor(private readonly reader: SpecificationReader) {}

  doc(specificationId: Types.ObjectId): Promise<Y.Doc> {
    const key = specificationId.toHexString();
    let doc = this.docs.get(key);
    if (!doc) {
      doc = this.reader.read(key);
      this.docs.set(key, doc);
    }
    return doc;
  }

  async destroy(): Promise<void> {
    for (const doc of await Promise.allSettled(this.docs.values())) {
      if (doc.status === 'fulfilled') doc.value.destroy();
    }
  }
}

/**
 * Links from feedback into specifications: checked against the text when made (the
 * words selected must be there), and read against the text as it is now when shown,
 * so "what changed" always quotes the current words.
 */
@Injectable()
export class FeedbackLinks {
  constructor(
    private readonly access: EngagementAccess,
    private readonly reader: SpecificationReader,
    private readonly specifications: SpecificationsService,
  ) {}

  /**
   * `kept`: the item's links before this change. A request for one of them as it is (the
   * same anchor, and its quote or none) keeps it as it was, even when the words it shaped
   * have since been changed or removed: adding a link to an item must not lose the others.
   */
  async checked(
    caller: WorkspaceCaller,
    requests: readonly FeedbackLinkRequest[],
    kept: readonly StoredFeedbackLink[] = [],
  ): Promise<StoredFeedbackLink[]> {
    const texts = new TextsRead(this.reader);
    try {
      const links: StoredFeedbackLink[] = [];
      for (const request of requests) {
        const specificationId = await this.access.referencedSpecification(
          caller,
          request.specificationId,
        );
        const same = keptLink(kept, { ...request, specificationId });
        if (same) {
          links.push(same);
          continue;
        }
        if (!request.anchor) {
          links.push({ specificationId, anchor: null, quote: null });
          continue;
        }
        const anchor = checkedAnchor(request.anchor, SELECT_AGAIN);
        const quote = quoteAtNewAnchor(
          await texts.doc(specificationId),
          anchor,
          request.quote,
          SELECT_AGAIN,
        );
        links.push({ specificationId, anchor, quote });
      }
      return links;
    } finally {
      await texts.destroy();
    }
  }

  /** The links of many items as shown, each list in the order of its item's links. */
  async shown(items: readonly { links: StoredFeedbackLink[] }[]): Promise<FeedbackLink[][]> {
    const bySpecification = new Map<string, StoredFeedbackLink[]>();
    for (const link of items.flatMap((item) => item.links)) {
      const key = link.specificationId.toHexString();
      bySpecification.set(key, [...(bySpecification.get(key) ?? []), link]);
    }
    if (bySpecification.size === 0) return items.map(() => []);
    const titles = await this.specifications.titlesOf(
      [...bySpecification.values()].map((links) => links[0]!.specificationId),
    );
    // Each specification's text read once, and every anchor into it quoted in one pass.
    const now = new Map<StoredFeedbackLink, ResolvedAnchor>();
    for (const [id, links] of bySpecification) {
      const anchored = links.filter((link) => link.anchor && titles.has(id));
      if (anchored.length === 0) continue;
      const doc = await this.reader.read(id);
      try {
        const quoted = quoteAnchors(
          doc,
          anchored.map((link) => link.anchor!),
        );
        anchored.forEach((link, index) => now.set(link, quoted[index]!));
      } finally {
        doc.destroy();
      }
    }
    return items.map((item) =>
      item.links.flatMap((link) => {
        const title = titles.get(link.specificationId.toHexString());
        // A specification deleted since: the link goes with it.
        return title === undefined ? [] : [linkShown(link, title, now.get(link))];
      }),
    );
  }
}

function linkShown(
  link: StoredFeedbackLink,
  specificationName: string,
  now: ResolvedAnchor | undefined,
): FeedbackLink {
  return {
    specificationId: link.specificationId.toHexString(),
    specificationName,
    anchor: link.anchor ? { start: link.anchor.start, end: link.anchor.end } : null,
    quote: link.quote,
    currentText: now && !now.textRemoved ? now.quote : null,
    textRemoved: link.anchor !== null && (now?.textRemoved ?? true),
  };
}
