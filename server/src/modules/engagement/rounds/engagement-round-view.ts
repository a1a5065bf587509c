import { HIDDEN_PROVIDER_NAME, type RoundParticipant, type RoundView } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { UserSummary } from '@coproduce/domain';
import { hasClosed } from './engagement-copies';
import type { StoredRound } from './engagement-round.schema';

/** What a round's view is made from besides the round. */
export interface RoundContext {
  people: ReadonlyMap<string, UserSummary>;
  organisations: ReadonlyMap<string, string>;
  events: ReadonlyMap<string, string>;
  specifications: ReadonlyMap<string, string>;
  /** Whether the caller is a provider: they see no draft, and others' names only if shown. */
  asProvider: boolean;
  callerId: Types.ObjectId;
  changes?: { total: number; decided: number };
}

export function roundStatus(round: StoredRound, now = new Date()): RoundView['status'] {
  if (hasClosed(round, now)) return 'closed';
  return round.opensAt.getTime() > now.getTime() ? 'upcoming' : 'open';
}

export function engagementRoundView(round: StoredRound, context: RoundContext): RoundView {
  const id = (value: Types.ObjectId) => value.toHexString();
  const nameOf = (user: Types.ObjectId) => context.people.get(id(user))?.name ?? 'Former member';
  const participants = round.participants.map((user): RoundParticipant => {
    if (context.asProvider && !round.namesShown && !user.equals(context.callerId)) {
      return { name: HIDDEN_PROVIDER_NAME };
    }
    const organisation = context.organisations.get(id(user));
    return { id: id(user), name: nameOf(user), ...(organisation ? { organisation } : {}) };
  });
  const specificationTitle = context.specifications.get(id(round.specificationId));
  return {
    id: id(round._id),
    title: round.title,
    status: roundStatus(round),
    copyId: id(round.copyId),
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    ...(hasClosed(round) ? { closedAt: (round.closedAt ?? round.closesAt).toISOString() } : {}),
    namesShown: round.namesShown,
    event: { id: id(round.eventId), title: context.events.get(id(round.eventId)) ?? '' },
    ...(!context.asProvider && specificationTitle !== undefined
      ? { specification: { id: id(round.specificationId), title: specificationTitle } }
      : {}),
    participants,
    forkedAt: round.forkedAt.toISOString(),
    createdBy: { id: id(round.createdBy), name: nameOf(round.createdBy) },
    ...(context.changes ? { changes: context.changes } : {}),
  };
}
