import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  AUDIENCES,
  AGE_BANDS,
  MAX_COUNT_CHANGES_PER_EVENT,
  type AgeBand,
  type AppliedCountChange,
  type Audience,
  type CountChange,
  type RecordCountsRequest,
  type RecordedCounts,
} from '@coproduce/domain';
import type { Model, Types } from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { BadRequest, Conflict, NotFound, ServiceUnavailable } from '../../base/errors';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { AuditService } from '../audit/audit.service';
import type { AppliedCount } from './applied-count.schema';
import { EngagementAccess } from './engagement-access';
import { EngagementEvent } from './engagement-event.schema';
import { reachView } from './reach-counts';

/** How often one change is tried again when other devices' changes moved the event on. */
const ATTEMPTS = 20;

interface EventCounts {
  reach: { audience: Audience; ageBand?: AgeBand | null; count: number }[];
  tookPart: number | null;
  total: number;
  appliedCounts?: AppliedCount[];
}

/**
 * Counting people at a drop-in from several devices at once. Each change is one
 * single-document update of the event: the count of its audience and the event's total
 * move by one, and the change's id is kept in the event (`appliedCounts`) by the same
 * update, so a change sent again is recognised (after a lost answer, a reload, a restart
 * of the server) and does nothing more. An undo never takes a count below 0. No
 * transactions: this holds on the embedded store and on any MongoDB.
 */
@Injectable()
export class EventCountsService {
  constructor(
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    private readonly access: EngagementAccess,
    private readonly audit: AuditService,
  ) {}

  async record(
    caller: WorkspaceCaller,
    eventId: Types.ObjectId,
    request: RecordCountsRequest,
  ): Promise<RecordedCounts> {
    checkChanges(request.changes);
    await this.access.findEvent(caller, eventId);
    const room = await this.events.collection.findOne(
      {
        _id: eventId,
        [`appliedCounts.${MAX_COUNT_CHANGES_PER_EVENT - request.changes.length}`]: {
          $exists: true,
        },
      },
      { projection: { _id: 1 } },
    );
    if (room) throw fullEvent();

    const at = new Date();
    const answers: AppliedCountChange[] = [];
    const fresh: { change: CountChange; applied: number }[] = [];
    for (const change of request.changes) {
      const outcome = await this.applyOne(caller, eventId, change, at);
      answers.push({ clientId: change.clientId, applied: outcome.applied });
      if (outcome.fresh) fresh.push({ change, applied: outcome.applied });
    }

    // A group undone to nobody goes from the list, as on an event recorded by hand. Safe
    // beside other devices: a tap finding its row gone adds it again.
    if (fresh.some(({ applied }) => applied < 0)) {
      await this.events
        .updateOne(
          { _id: eventId, workspaceId: caller.workspaceId },
          { $pull: { reach: { count: { $lte: 0 } } } },
        )
        .exec();
    }
    const now = await this.events
      .findOne({ _id: eventId, workspaceId: caller.workspaceId }, { reach: 1, total: 1 })
      .lean<{ reach: EngagementEvent['reach']; total: number }>()
      .exec();
    if (!now) throw new NotFound('that engagement event');
    // One entry per request that changed something, not one per tap: the device sends its
    // taps in batches, and each tap's who and when is kept with the event.
    if (fresh.length > 0) {
      await this.audit.record({
        workspaceId: caller.workspaceId,
        actorId: caller.user._id,
        action: 'engagement-event.count',
        target: { type: 'engagement-event', id: eventId.toHexString() },
        detail: {
          changes: String(fresh.length),
          counted: summary(fresh),
          total: String(now.total),
        },
      });
    }
    return { changes: answers, reach: reachView(now.reach), total: now.total };
  }

  /** Applies one change unless its id was applied before; says what it did either way. */
  private async applyOne(
    caller: WorkspaceCaller,
    eventId: Types.ObjectId,
    change: CountChange,
    at: Date,
  ): Promise<{ applied: AppliedCountChange['applied']; fresh: boolean }> {
    const ageBand = change.ageBand ?? null;
    const group = { audience: change.audience, ageBand };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const event = await this.events.collection.findOne<EventCounts>(
        { _id: eventId, workspaceId: caller.workspaceId },
        {
          projection: {
            reach: 1,
            tookPart: 1,
            total: 1,
            appliedCounts: { $elemMatch: { clientId: change.clientId } },
          },
        },
      );
      if (!event) throw new NotFound('that engagement event');
      const earlier = event.appliedCounts?.[0];
      if (earlier)
        return { applied: earlier.applied as AppliedCountChange['applied'], fresh: false };

      const row = event.reach.find(
        (each) => each.audience === group.audience && (each.ageBand ?? null) === ageBand,
      );
      const applied = change.change === 1 ? 1 : row && row.count >= 1 ? -1 : 0;
      const record: AppliedCount = {
        clientId: change.clientId,
        audience: change.audience,
        ageBand,
        change: change.change,
        applied,
        by: caller.user._id,
        at,
      };
      const tookPart = event.tookPart ?? null;
      const filter: Record<string, unknown> = {
        _id: eventId,
        workspaceId: caller.workspaceId,
        'appliedCounts.clientId': { $ne: change.clientId },
        [`appliedCounts.${MAX_COUNT_CHANGES_PER_EVENT - 1}`]: { $exists: false },
        // A total recorded apart from the counts moves with them; the sum moves by itself.
        tookPart: tookPart === null ? null : { $type: 'number' },
      };
      const totals = { total: applied, ...(tookPart === null ? {} : { tookPart: applied }) };
      let update: Record<string, unknown>;
      let arrayFilters: Record<string, unknown>[] | undefined;
      if (applied === 0) {
        filter.reach = { $not: { $elemMatch: { ...group, count: { $gte: 1 } } } };
        update = { $push: { appliedCounts: record } };
      } else if (row) {
        filter.reach = { $elemMatch: { ...group, count: { $gte: applied < 0 ? 1 : 0 } } };
        update = {
          $inc: { 'reach.$[group].count': applied, ...totals },
          $push: { appliedCounts: record },
        };
        arrayFilters = [{ 'group.audience': group.audience, 'group.ageBand': ageBand }];
      } else {
        filter.reach = { $not: { $elemMatch: group } };
        update = {
          $inc: totals,
          $push: { reach: { ...group, count: 1 }, appliedCounts: record },
        };
      }
      const result = await this.events.collection.updateOne(
        filter,
        update,
        arrayFilters ? { arrayFilters } : {},
      );
      if (result.matchedCount === 1) return { applied, fresh: true };

      // Another device's change came first (or this one's, sent twice at once): look again.
      const full = await this.events.collection.findOne(
        {
          _id: eventId,
          [`appliedCounts.${MAX_COUNT_CHANGES_PER_EVENT - 1}`]: { $exists: true },
          'appliedCounts.clientId': { $ne: change.clientId },
        },
        { projection: { _id: 1 } },
      );
      if (full) throw fullEvent();
      await sleep(Math.random() * 5 * (attempt + 1));
    }
    throw new ServiceUnavailable(
      'Many changes to these counts arrived at once. Send them again in a moment.',
    );
  }
}

/** Every change's id once, and an age band only for children and young people. */
function checkChanges(changes: readonly CountChange[]): void {
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    if (seen.has(change.clientId)) {
      throw new BadRequest(
        `Change ${index + 1} has the same clientId as an earlier one: give each change its own.`,
      );
    }
    seen.add(change.clientId);
    if (change.ageBand && change.audience !== 'children-and-young-people') {
      throw new BadRequest(
        `Change ${index + 1}: an age band is only for children and young people, not ${change.audience}.`,
      );
    }
  });
}

function fullEvent(): Conflict {
  return new Conflict(
    `This event has had ${MAX_COUNT_CHANGES_PER_EVENT.toLocaleString('en-GB')} changes to its counts, the most one event keeps. Change the event’s counts on its page instead.`,
  );
}

/** "children-and-young-people 11-15 +3, parents-and-carers +1" for the audit log. */
function summary(changes: readonly { change: CountChange; applied: number }[]): string {
  const net = new Map<string, number>();
  for (const { change, applied } of changes) {
    const key = `${change.audience}${change.ageBand ? ` ${change.ageBand}` : ''}`;
    net.set(key, (net.get(key) ?? 0) + applied);
  }
  const order = (key: string) => {
    const [audience = '', band] = key.split(' ');
    return (
      AUDIENCES.indexOf(audience as Audience) * 10 +
      (band ? AGE_BANDS.indexOf(band as AgeBand) + 1 : 0)
    );
  };
  return [...net.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([key, sum]) => `${key} ${sum > 0 ? `+${sum}` : sum < 0 ? `−${-sum}` : '±0'}`)
    .join(', ');
}
