import type {
  Feedback as FeedbackView,
  FeedbackEventSummary,
  FeedbackLink,
} from '@coproduce/domain';
import type { Types } from 'mongoose';
import { personNamed } from './engagement-event-view';
import type { Feedback } from './feedback.schema';

export type StoredFeedback = Feedback & { _id: Types.ObjectId };

/** What a feedback item is shown with: its event, its themes' names, people, its links now. */
export interface FeedbackContext {
  events: Map<string, FeedbackEventSummary>;
  themes: Map<string, string>;
  people: Map<string, { name: string }>;
}

export function feedbackView(
  item: StoredFeedback,
  context: FeedbackContext,
  links: FeedbackLink[],
): FeedbackView {
  const themeIds = item.themeIds.filter((id) => context.themes.has(id.toHexString()));
  const latest = item.statusChanges.at(-1);
  return {
    id: item._id.toHexString(),
    event: item.eventId ? (context.events.get(item.eventId.toHexString()) ?? null) : null,
    eventId: item.eventId ? item.eventId.toHexString() : null,
    source: item.source,
    text: item.text,
    verbatim: item.verbatim,
    audience: item.audience,
    ageBand: item.ageBand,
    themes: themeIds.map((id) => context.themes.get(id.toHexString())!),
    themeIds: themeIds.map((id) => id.toHexString()),
    status: item.status,
    reason: item.status === 'not-taken-forward' ? item.reason : null,
    statusChangedBy: latest ? personNamed(context.people, latest.by) : null,
    statusChangedAt: latest ? latest.at.toISOString() : null,
    links,
    createdBy: personNamed(context.people, item.createdBy),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function peopleInFeedback(items: readonly StoredFeedback[]): Types.ObjectId[] {
  return items.flatMap((item) => [
    item.createdBy,
    ...item.statusChanges.map((change) => change.by),
  ]);
}
