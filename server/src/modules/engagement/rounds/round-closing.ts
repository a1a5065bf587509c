import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { EventBus } from '../../../base/event-bus';
import '../../collab/live-document.events';
import { AuditService } from '../../audit/audit.service';
import { closedCopy } from './engagement-copies';
import { EngagementRound, type StoredRound } from './engagement-round.schema';

/** How often rounds past their closing time are looked for (a timer closes those due sooner). */
const SWEEP_EVERY_MS = 15_000;

/**
 * Closes market engagement rounds at their closing time, on the dot: a timer for each
 * round due before the next sweep, and a sweep for the rest (and for rounds that came due
 * while no node was running). Closing is one conditional write, so when several nodes
 * race only one closes and announces it; every open copy then turns read-only at once.
 */
@Injectable()
export class RoundClosing implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RoundClosing.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
    private readonly bus: EventBus,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
    void this.sweep();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Closes the round at `closesAt` if that comes before the next sweep. */
  schedule(roundId: Types.ObjectId, closesAt: Date): void {
    const key = roundId.toHexString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const wait = closesAt.getTime() - Date.now();
    if (wait > SWEEP_EVERY_MS) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        void this.closeDue(roundId);
      },
      Math.max(0, wait),
    );
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Closes a round now (a commissioner's choice, or its time come); false if it was already. */
  async close(
    round: Pick<StoredRound, '_id' | 'workspaceId' | 'copyId' | 'title'>,
    at: Date,
    by: Types.ObjectId | null = null,
  ): Promise<boolean> {
    const closed = await this.rounds
      .updateOne({ _id: round._id, closedAt: null }, { $set: { closedAt: at } })
      .exec();
    if (closed.modifiedCount === 0) return false;
    // Read-only at once on this node, before each member's access is looked up again.
    this.bus.publish('live-document.access-changed', {
      docId: round.copyId.toHexString(),
      readOnly: closedCopy(at),
    });
    await this.audit.record({
      workspaceId: round.workspaceId,
      actorId: by,
      action: by ? 'engagement-round.close' : 'engagement-round.closed-on-time',
      target: { type: 'engagement-round', id: round._id.toHexString() },
      detail: { title: round.title },
    });
    return true;
  }

  private async closeDue(roundId: Types.ObjectId): Promise<void> {
    try {
      const round = await this.rounds
        .findOne(
          { _id: roundId, closedAt: null },
          { workspaceId: 1, copyId: 1, title: 1, closesAt: 1 },
        )
        .lean<StoredRound>()
        .exec();
      if (!round) return;
      if (round.closesAt.getTime() > Date.now()) return this.schedule(roundId, round.closesAt);
      await this.close(round, round.closesAt);
    } catch (error) {
      this.logger.error(`closing round ${roundId.toHexString()}: ${String(error)}`);
    }
  }

  private async sweep(): Promise<void> {
    try {
      const soon = new Date(Date.now() + SWEEP_EVERY_MS);
      const due = await this.rounds
        .find({ closedAt: null, closesAt: { $lte: soon } }, { closesAt: 1 })
        .lean<Pick<StoredRound, '_id' | 'closesAt'>[]>()
        .exec();
      for (const round of due) this.schedule(round._id, round.closesAt);
    } catch (error) {
      this.logger.warn(`looking for rounds to close: ${String(error)}`);
    }
  }
}
