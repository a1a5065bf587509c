import type { EngagementEvent as EventView, EngagementPerson } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { EngagementSight } from './engagement-access';
import type { EngagementEvent } from './engagement-event.schema';
import { reachView } from './reach-counts';

export type StoredEvent = EngagementEvent & { _id: Types.ObjectId };

/** A person by name only (never their email address), or who they were once they have gone. */
export function personNamed(
  people: Map<string, { name: string }>,
  id: Types.ObjectId,
): EngagementPerson {
  return {
    id: id.toHexString(),
    name: people.get(id.toHexString())?.name ?? 'Someone who has left',
  };
}

/**
 * An event as the API shows it. A provider who took part sees what the event was and
 * the notice, but not the team's own notes, its safeguarding notes or which other
 * providers came (the organisations that attended are listed, as at the event itself).
 */
export function engagementEventView(
  event: StoredEvent,
  people: Map<string, { name: string }>,
  feedbackCount: number,
  sight: EngagementSight,
  callerId: Types.ObjectId,
): EventView {
  const team = sight === 'all';
  const person = (id: Types.ObjectId) => personNamed(people, id);
  return {
    id: event._id.toHexString(),
    type: event.type,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt ? event.endsAt.toISOString() : null,
    place: event.place,
    online: event.online,
    facilitators: event.facilitators,
    partnerOrganisations: event.partnerOrganisations,
    notes: team ? event.notes : '',
    accessibilityNotes: event.accessibilityNotes,
    safeguardingNotes: team ? event.safeguardingNotes : '',
    reach: reachView(event.reach),
    total: event.total,
    tookPart: event.tookPart,
    attendingOrganisations: event.attendingOrganisations,
    providerParticipants: event.providerParticipants
      .filter((id) => team || id.equals(callerId))
      .map(person),
    marketNotice: event.marketNotice
      ? { purpose: event.marketNotice.purpose, howToTakePart: event.marketNotice.howToTakePart }
      : null,
    feedbackCount: team ? feedbackCount : 0,
    createdBy: person(event.createdBy),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

export function peopleInEvents(events: readonly StoredEvent[]): Types.ObjectId[] {
  return events.flatMap((event) => [event.createdBy, ...event.providerParticipants]);
}
