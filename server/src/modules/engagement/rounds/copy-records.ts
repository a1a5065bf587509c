import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { storedBytes } from '../../../base/stored-bytes';
import { CopyAuthorshipBatch, CopyFork } from './copy-records.schema';
import { EngagementRound, type CopyDeletion, type CopyWriter } from './engagement-round.schema';

/** Who wrote as which client and who deleted what in a copy, all batches together. */
export interface CopyAuthors {
  writers: CopyWriter[];
  deletions: CopyDeletion[];
}

/**
 * What a round keeps beside its copy: the fork it was measured from and who wrote what.
 * Rounds started before these had their own collections kept both in the round's
 * document (`forkState`, `writers`, `deletions`), which is still read.
 */
@Injectable()
export class CopyRecords {
  constructor(
    @InjectModel(CopyFork.name) private readonly forks: Model<CopyFork>,
    @InjectModel(CopyAuthorshipBatch.name) private readonly batches: Model<CopyAuthorshipBatch>,
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
  ) {}

  async keepFork(roundId: Types.ObjectId, state: Uint8Array): Promise<void> {
    await this.forks.create({
      roundId,
      state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
    });
  }

  async fork(roundId: Types.ObjectId): Promise<Uint8Array | null> {
    const kept = await this.forks.findOne({ roundId }, { state: 1 }).lean().exec();
    if (kept) return storedBytes(kept.state);
    const legacy = await this.rounds
      .findById(roundId, { forkState: 1 })
      .lean<{ forkState?: unknown }>()
      .exec();
    return legacy?.forkState ? storedBytes(legacy.forkState) : null;
  }

  async addAuthors(roundId: Types.ObjectId, authors: CopyAuthors): Promise<void> {
    await this.batches.create({ roundId, ...authors, writtenAt: new Date() });
  }

  async authors(roundId: Types.ObjectId): Promise<CopyAuthors> {
    const [legacy, batches] = await Promise.all([
      this.rounds
        .findById(roundId, { writers: 1, deletions: 1 })
        .lean<Partial<CopyAuthors>>()
        .exec(),
      this.batches.find({ roundId }, { writers: 1, deletions: 1 }).sort({ _id: 1 }).lean().exec(),
    ]);
    return {
      writers: [...(legacy?.writers ?? []), ...batches.flatMap((batch) => batch.writers)],
      deletions: [...(legacy?.deletions ?? []), ...batches.flatMap((batch) => batch.deletions)],
    };
  }
}
