import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  ChangeEngagementEventRequest,
  CreateEngagementEventRequest,
  EngagementEvent as EventView,
} from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BadRequest, Conflict } from '../../base/errors';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { AccountsService } from '../accounts/accounts.service';
import { EngagementAccess } from './engagement-access';
import { EngagementEvent, type StoredMarketNotice } from './engagement-event.schema';
import { engagementEventView, peopleInEvents, type StoredEvent } from './engagement-event-view';
import { Feedback } from './feedback.schema';
import { checkedReach, sumOf } from './reach-counts';

/**
 * Engagement events: drop-ins, interviews, surveys, market engagement and the rest, with
 * who took part. The team sees them all; a provider only the market engagement they
 * attended (EngagementAccess).
 */
@Injectable()
export class EngagementEventsService {
  constructor(
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    private readonly access: EngagementAccess,
    private readonly accounts: AccountsService,
  ) {}

  /** Newest first. */
  async list(caller: WorkspaceCaller): Promise<EventView[]> {
    const events = await this.events
      .find(this.access.visibleEvents(caller))
      .sort({ startsAt: -1, _id: -1 })
      .lean<StoredEvent[]>()
      .exec();
    return this.views(caller, events);
  }

  async get(caller: WorkspaceCaller, eventId: Types.ObjectId): Promise<EventView> {
    const event = await this.access.findEvent(caller, eventId);
    return (await this.views(caller, [event]))[0]!;
  }

  async create(caller: WorkspaceCaller, request: CreateEngagementEventRequest): Promise<EventView> {
    const fields = await this.storedFields(caller, request);
    const created = await this.events.create({
      ...fields,
      workspaceId: caller.workspaceId,
      createdBy: caller.user._id,
    });
    return this.get(caller, created._id);
  }

  async change(
    caller: WorkspaceCaller,
    eventId: Types.ObjectId,
    request: ChangeEngagementEventRequest,
  ): Promise<EventView> {
    const stored = await this.access.findEvent(caller, eventId);
    if (Object.values(request).every((value) => value === undefined)) {
      throw new BadRequest('Say what to change: give at least one of the event’s fields.');
    }
    const merged: CreateEngagementEventRequest = {
      type: request.type ?? stored.type,
      title: request.title ?? stored.title,
      startsAt: request.startsAt ?? stored.startsAt.toISOString(),
      endsAt:
        request.endsAt !== undefined ? request.endsAt : (stored.endsAt?.toISOString() ?? null),
      place: request.place ?? stored.place,
      online: request.online ?? stored.online,
      facilitators: request.facilitators ?? stored.facilitators,
      partnerOrganisations: request.partnerOrganisations ?? stored.partnerOrganisations,
      notes: request.notes ?? stored.notes,
      accessibilityNotes: request.accessibilityNotes ?? stored.accessibilityNotes,
      safeguardingNotes: request.safeguardingNotes ?? stored.safeguardingNotes,
      reach:
        request.reach ??
        stored.reach.map((row) => ({
          audience: row.audience,
          ...(row.ageBand ? { ageBand: row.ageBand } : {}),
          count: row.count,
        })),
      tookPart: request.tookPart !== undefined ? request.tookPart : stored.tookPart,
      attendingOrganisations: request.attendingOrganisations ?? stored.attendingOrganisations,
      providerParticipants:
        request.providerParticipants ?? stored.providerParticipants.map((id) => id.toHexString()),
      marketNotice: request.marketNotice !== undefined ? request.marketNotice : stored.marketNotice,
    };
    const fields = await this.storedFields(caller, merged);
    await this.events
      .updateOne({ _id: eventId, workspaceId: caller.workspaceId }, { $set: fields })
      .exec();
    return this.get(caller, eventId);
  }

  /** An event with feedback is part of the record: its feedback would lose where it came from. */
  async remove(caller: WorkspaceCaller, eventId: Types.ObjectId): Promise<StoredEvent> {
    const event = await this.access.findEvent(caller, eventId);
    const feedback = await this.feedback
      .countDocuments({ workspaceId: caller.workspaceId, eventId })
      .exec();
    if (feedback > 0) {
      throw new Conflict(
        `This event has ${feedback} piece${feedback === 1 ? '' : 's'} of feedback, so it stays on record. Move or delete its feedback first.`,
      );
    }
    await this.events.deleteOne({ _id: eventId, workspaceId: caller.workspaceId }).exec();
    return event;
  }

  private async storedFields(caller: WorkspaceCaller, request: CreateEngagementEventRequest) {
    const startsAt = new Date(request.startsAt);
    const endsAt = request.endsAt ? new Date(request.endsAt) : null;
    if (endsAt && endsAt <= startsAt) {
      throw new BadRequest('The event must end after it starts: check the end time.');
    }
    const market = request.type === 'market-engagement';
    const marketOnly: [string, boolean][] = [
      ['attending organisations', (request.attendingOrganisations ?? []).length > 0],
      ['providers who took part', (request.providerParticipants ?? []).length > 0],
      ['a market engagement notice', Boolean(request.marketNotice)],
    ];
    const misplaced = marketOnly.find(([, given]) => given && !market);
    if (misplaced) {
      throw new BadRequest(
        `Only a market engagement event has ${misplaced[0]}: make it a market engagement event, or leave them out.`,
      );
    }
    const reach = checkedReach(request.reach);
    const tookPart = request.tookPart ?? null;
    const counted = sumOf(reach);
    if (tookPart !== null && tookPart < counted) {
      throw new BadRequest(
        `The total who took part (${tookPart}) is less than the ${counted} counted by audience. Correct the counts or the total.`,
      );
    }
    const marketNotice: StoredMarketNotice | null = request.marketNotice
      ? { purpose: request.marketNotice.purpose, howToTakePart: request.marketNotice.howToTakePart }
      : null;
    return {
      type: request.type,
      title: request.title,
      startsAt,
      endsAt,
      place: request.place ?? '',
      online: request.online ?? false,
      facilitators: request.facilitators ?? [],
      partnerOrganisations: request.partnerOrganisations ?? [],
      notes: request.notes ?? '',
      accessibilityNotes: request.accessibilityNotes ?? '',
      safeguardingNotes: request.safeguardingNotes ?? '',
      reach,
      tookPart,
      total: tookPart ?? counted,
      attendingOrganisations: request.attendingOrganisations ?? [],
      providerParticipants: await this.access.providerParticipants(
        caller,
        request.providerParticipants ?? [],
      ),
      marketNotice,
    };
  }

  private async views(caller: WorkspaceCaller, events: StoredEvent[]): Promise<EventView[]> {
    if (events.length === 0) return [];
    const sight = this.access.sightOf(caller);
    const [people, counts] = await Promise.all([
      this.accounts.findSummaries(peopleInEvents(events)),
      sight === 'all' ? this.feedbackCounts(caller.workspaceId, events) : new Map<string, number>(),
    ]);
    return events.map((event) =>
      engagementEventView(
        event,
        people,
        counts.get(event._id.toHexString()) ?? 0,
        sight,
        caller.user._id,
      ),
    );
  }

  private async feedbackCounts(
    workspaceId: Types.ObjectId,
    events: StoredEvent[],
  ): Promise<Map<string, number>> {
    const counts = await this.feedback
      .aggregate<{ _id: Types.ObjectId; count: number }>([
        // Every event's, when listing them all: one pass, no list of ids to test each against.
        {
          $match:
            events.length === 1
              ? { workspaceId, eventId: events[0]!._id }
              : { workspaceId, eventId: { $ne: null } },
        },
        { $project: { eventId: 1 } },
        { $group: { _id: '$eventId', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(counts.map((each) => [each._id.toHexString(), each.count]));
  }
}
