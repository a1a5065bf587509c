import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { RoundRequest, RoundUpdate, RoundView } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BadRequest, Conflict, NotFound } from '../../../base/errors';
import { EventBus } from '../../../base/event-bus';
import { parseObjectId } from '../../../base/object-id.pipe';
import { AccessPolicy } from '../../access/access-policy';
import type { WorkspaceCaller } from '../../access/workspace-caller';
import { WorkspaceRoles } from '../../access/workspace-roles';
import { AccountsService } from '../../accounts/accounts.service';
import { SpecificationWriter } from '../../collab/specification-writer';
import '../../collab/live-document.events';
import { SpecificationsService } from '../../specifications/specifications.service';
import { EngagementAccess } from '../engagement-access';
import { EngagementEvent } from '../engagement-event.schema';
import { hasClosed } from './engagement-copies';
import { EngagementRound, type StoredRound } from './engagement-round.schema';
import { engagementRoundView, type RoundContext } from './engagement-round-view';
import { CopyRecords } from './copy-records';
import { RoundClosing } from './round-closing';

/**
 * Market engagement rounds: starting one (the draft forked into an engagement copy),
 * listing them as each caller may see them, changing and closing them. Who may join the
 * copy is EngagementCopies'; what became of its changes is RoundChangesService's.
 */
@Injectable()
export class EngagementRoundsService {
  constructor(
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    private readonly access: EngagementAccess,
    private readonly specifications: SpecificationsService,
    private readonly writer: SpecificationWriter,
    private readonly accounts: AccountsService,
    private readonly roles: WorkspaceRoles,
    private readonly bus: EventBus,
    private readonly closing: RoundClosing,
    private readonly records: CopyRecords,
  ) {}

  async list(caller: WorkspaceCaller): Promise<RoundView[]> {
    const rounds = await this.rounds
      .find(this.visible(caller))
      .sort({ opensAt: -1, _id: -1 })
      .lean<StoredRound[]>()
      .exec();
    return this.views(caller, rounds);
  }

  async get(caller: WorkspaceCaller, roundId: Types.ObjectId): Promise<RoundView> {
    const [view] = await this.views(caller, [await this.find(caller, roundId)]);
    return view!;
  }

  async create(caller: WorkspaceCaller, request: RoundRequest): Promise<RoundView> {
    const specificationId = parseObjectId(request.specificationId)!;
    const specification = await this.specifications.findInWorkspace(
      caller.workspaceId,
      specificationId,
    );
    if (!specification) {
      throw new BadRequest('specificationId names no specification in this workspace.');
    }
    if (specification.archivedAt) {
      throw new Conflict(
        'That specification is archived. Restore it before starting a round on it.',
      );
    }
    const eventId = parseObjectId(request.eventId)!;
    const event = await this.events
      .findOne({ _id: eventId, workspaceId: caller.workspaceId }, { type: 1 })
      .lean()
      .exec();
    if (!event || event.type !== 'market-engagement') {
      throw new BadRequest(
        'eventId must name a market engagement event of this workspace: a round belongs to one. Record the event first.',
      );
    }
    const now = new Date();
    const opensAt = request.opensAt ? new Date(request.opensAt) : now;
    const closesAt = new Date(request.closesAt);
    checkTimes(opensAt, closesAt, now);
    const participants = await this.participants(caller, request.participantIds);
    const copyId = new Types.ObjectId();
    const roundId = new Types.ObjectId();
    const forkState = await this.writer.fork(specificationId.toHexString(), copyId.toHexString());
    await this.records.keepFork(roundId, forkState);
    const created = await this.rounds.create({
      _id: roundId,
      workspaceId: caller.workspaceId,
      specificationId,
      eventId,
      copyId,
      title: request.title,
      opensAt,
      closesAt,
      closedAt: null,
      participants,
      namesShown: request.namesShown ?? false,
      forkedAt: now,
      createdBy: caller.user._id,
      decisions: [],
    });
    await this.attendEvent(eventId, participants);
    this.closing.schedule(created._id, closesAt);
    return this.get(caller, created._id);
  }

  async update(
    caller: WorkspaceCaller,
    roundId: Types.ObjectId,
    request: RoundUpdate,
  ): Promise<RoundView> {
    const round = await this.find(caller, roundId);
    if (Object.values(request).every((value) => value === undefined)) {
      throw new BadRequest(
        'Say what to change: the title, the closing time, the names setting or who takes part.',
      );
    }
    if (hasClosed(round)) {
      throw new Conflict(
        'This round has closed; its engagement copy is kept as it was. Start a new round to engage again.',
      );
    }
    const set: Partial<EngagementRound> = {};
    if (request.title !== undefined) set.title = request.title;
    if (request.namesShown !== undefined) set.namesShown = request.namesShown;
    if (request.closesAt !== undefined) {
      set.closesAt = new Date(request.closesAt);
      checkTimes(round.opensAt, set.closesAt, new Date());
    }
    if (request.participantIds !== undefined) {
      set.participants = await this.participants(caller, request.participantIds);
    }
    await this.rounds.updateOne({ _id: roundId, closedAt: null }, { $set: set }).exec();
    if (set.participants) await this.attendEvent(round.eventId, set.participants);
    if (set.closesAt) this.closing.schedule(roundId, set.closesAt);
    // Taken off the round, or names hidden or shown: open copies follow at once.
    if (set.participants || set.namesShown !== undefined) {
      this.bus.publish('live-document.access-changed', { docId: round.copyId.toHexString() });
    }
    return this.get(caller, roundId);
  }

  async close(caller: WorkspaceCaller, roundId: Types.ObjectId): Promise<RoundView> {
    const round = await this.find(caller, roundId);
    if (!hasClosed(round)) await this.closing.close(round, new Date(), caller.user._id);
    return this.get(caller, roundId);
  }

  /** A round the caller may see; 404 for any other, as for an id that names nothing. */
  async find(caller: WorkspaceCaller, roundId: Types.ObjectId): Promise<StoredRound> {
    const round = await this.rounds
      .findOne({ ...this.visible(caller), _id: roundId })
      .lean<StoredRound>()
      .exec();
    if (!round) throw new NotFound('that market engagement round');
    return round;
  }

  /** Rounds the caller may see: all, to whoever reads engagement; else the ones they take part in. */
  private visible(caller: WorkspaceCaller): Record<string, unknown> {
    return AccessPolicy.can(caller.role, 'engagement.read')
      ? { workspaceId: caller.workspaceId }
      : { workspaceId: caller.workspaceId, participants: caller.user._id };
  }

  private async participants(
    caller: WorkspaceCaller,
    userIds: readonly string[],
  ): Promise<Types.ObjectId[]> {
    const participants = await this.access.providerParticipants(caller, userIds);
    if (participants.length === 0) {
      throw new BadRequest('Choose at least one provider to take part in the round.');
    }
    return participants;
  }

  /** Providers in a round took part in its event, and see it among their events. */
  private async attendEvent(
    eventId: Types.ObjectId,
    participants: Types.ObjectId[],
  ): Promise<void> {
    await this.events
      .updateOne({ _id: eventId }, { $addToSet: { providerParticipants: { $each: participants } } })
      .exec();
  }

  private async views(caller: WorkspaceCaller, rounds: StoredRound[]): Promise<RoundView[]> {
    if (rounds.length === 0) return [];
    const ids = (pick: (round: StoredRound) => Types.ObjectId[]) => rounds.flatMap(pick);
    const asProvider = !AccessPolicy.can(caller.role, 'specification.read-draft');
    const [people, members, events, specifications] = await Promise.all([
      this.accounts.findSummaries(ids((round) => [...round.participants, round.createdBy])),
      this.roles.membersOf(caller.workspaceId),
      this.events
        .find({ _id: { $in: ids((round) => [round.eventId]) } }, { title: 1 })
        .lean()
        .exec(),
      asProvider
        ? new Map<string, string>()
        : this.specifications.titlesOf(ids((round) => [round.specificationId])),
    ]);
    const context: RoundContext = {
      people,
      organisations: new Map(
        members.flatMap((member) =>
          member.organisation ? [[member.userId.toHexString(), member.organisation]] : [],
        ),
      ),
      events: new Map(events.map((event) => [event._id.toHexString(), event.title])),
      specifications,
      asProvider,
      callerId: caller.user._id,
    };
    return rounds.map((round) => engagementRoundView(round, context));
  }
}

function checkTimes(opensAt: Date, closesAt: Date, now: Date): void {
  if (closesAt.getTime() <= opensAt.getTime()) {
    throw new BadRequest('closesAt must be after the round opens.');
  }
  if (closesAt.getTime() <= now.getTime()) {
    throw new BadRequest('closesAt must be in the future.');
  }
}
