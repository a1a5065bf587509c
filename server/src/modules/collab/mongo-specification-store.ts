import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SpecificationSnapshot } from './specification-snapshot.schema';
import { SpecificationStore, type StoredSpecification } from './specification-store';
import { LogAppendCoalescer } from './log-append-coalescer';
import { SpecificationUpdate } from './specification-update.schema';

/**
 * `doc:saved` promises the edit survives a crash of the database too, so every
 * write here waits for the journal (and a majority, on a replica set). Passed on
 * each call: mongoose does not apply a schema's write concern to bulk inserts.
 */
const DURABLE = { w: 'majority', j: true } as const;

/** The specification store on MongoDB, through mongoose. */
@Injectable()
export class MongoSpecificationStore extends SpecificationStore {
  constructor(
    @InjectModel(SpecificationUpdate.name) private readonly updates: Model<SpecificationUpdate>,
    @InjectModel(SpecificationSnapshot.name)
    private readonly snapshots: Model<SpecificationSnapshot>,
  ) {
    super();
  }

  private readonly appends = new LogAppendCoalescer<SpecificationUpdate>(async (entries) => {
    await this.updates.bulkWrite(
      entries.map((document) => ({ insertOne: { document } })),
      { ordered: true, writeConcern: DURABLE },
    );
  });

  async load(specificationId: string): Promise<StoredSpecification> {
    const snapshot = await this.snapshots
      .findOne({ specificationId }, { state: 1, upToSeq: 1 })
      .lean()
      .exec();
    const upToSeq = snapshot?.upToSeq ?? 0;
    // A compaction cut off between writing the snapshot and trimming the log leaves
    // entries the snapshot already holds; the seq filter skips them.
    const tail = await this.updates
      .find({ specificationId, seq: { $gt: upToSeq } }, { seq: 1, update: 1 })
      .sort({ seq: 1 })
      .lean()
      .exec();
    const updates: Uint8Array[] = [];
    if (snapshot) updates.push(bytesOf(snapshot.state));
    let logBytes = 0;
    for (const entry of tail) {
      const update = bytesOf(entry.update);
      logBytes += update.length;
      updates.push(update);
    }
    return {
      updates,
      lastSeq: tail.length > 0 ? tail[tail.length - 1].seq : upToSeq,
      logEntries: tail.length,
      logBytes,
      snapshotBytes: snapshot ? bytesOf(snapshot.state).length : 0,
    };
  }

  async append(specificationId: string, firstSeq: number, updates: Uint8Array[]): Promise<void> {
    const createdAt = new Date();
    await this.appends.append(
      updates.map((update, index) => ({
        specificationId,
        seq: firstSeq + index,
        update: Buffer.from(update.buffer, update.byteOffset, update.byteLength),
        createdAt,
      })),
    );
  }

  async compact(specificationId: string, state: Uint8Array, upToSeq: number): Promise<void> {
    try {
      await this.snapshots.updateOne(
        { specificationId, upToSeq: { $lt: upToSeq } },
        {
          $set: {
            state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
            upToSeq,
            updatedAt: new Date(),
          },
        },
        { upsert: true, writeConcern: DURABLE },
      );
    } catch (error) {
      // A snapshot at or past upToSeq already exists; it holds these entries too.
      if (!isDuplicateKey(error)) throw error;
    }
    await this.updates.deleteMany({ specificationId, seq: { $lte: upToSeq } });
  }
}

/** Lean reads give the driver's Binary; hydrated ones a Buffer. */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer?: unknown };
  if (binary && binary.buffer instanceof Uint8Array) return binary.buffer;
  throw new Error('stored Yjs state is not binary');
}

function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
