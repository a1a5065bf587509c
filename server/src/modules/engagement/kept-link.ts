import type { FeedbackLinkRequest } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { StoredFeedbackLink } from './feedback.schema';

/**
 * The link already stored that `request` asks for again unchanged: the same specification
 * and anchor, with no quote or the one stored. Undefined for anything new or different.
 */
export function keptLink(
  kept: readonly StoredFeedbackLink[],
  request: Omit<FeedbackLinkRequest, 'specificationId'> & { specificationId: Types.ObjectId },
): StoredFeedbackLink | undefined {
  return kept.find(
    (link) =>
      link.specificationId.equals(request.specificationId) &&
      (link.anchor && request.anchor
        ? link.anchor.start === request.anchor.start &&
          link.anchor.end === request.anchor.end &&
          (request.quote === undefined || request.quote === link.quote)
        : !link.anchor && !request.anchor),
  );
}
