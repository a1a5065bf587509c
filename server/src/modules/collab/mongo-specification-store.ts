import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { SpecificationSnapshot } from './specification-snapshot.schema';
import { SpecificationStore, type StoredSpecification } from './specification-store';
import { LogAppendCoalescer, type RefusedEntries } from './log-append-coalescer';
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

  private readonly appends = new LogAppendCoalescer<SpecificationUpdate>((entries) =>
    this.insertLogEntries(entries),
  );

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
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.updates.deleteMany({ specificationId, seq: { $lte: upToSeq } });
  }

  /**
   * Unordered, so an entry the database refuses does not stop the entries after it
   * (other specifications' among them); mongoose is told to report the entries its own
   * validation refused rather than leave them out silently.
   */
  private async insertLogEntries(entries: SpecificationUpdate[]): Promise<RefusedEntries> {
    try {
      await this.updates.bulkWrite(
        entries.map((document) => ({ insertOne: { document } })),
        { ordered: false, throwOnValidationError: true, writeConcern: DURABLE },
      );
      return new Map();
    } catch (error) {
      return refusedEntries(error, entries.length);
    }
  }
}

/** Lean reads give the driver's Binary; hydrated ones a Buffer. */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer?: unknown };
  if (binary && binary.buffer instanceof Uint8Array) return binary.buffer;
  throw new Error('stored Yjs state is not binary');
}

/** The parts of mongoose's and the driver's bulk write errors that say what became of each entry. */
interface BulkWriteFailure {
  /** mongoose: per entry, null when stored, else why not (set when its validation refused any). */
  results?: unknown;
  mongoose?: { results?: unknown };
  /** The driver: the entries the database refused, by index. */
  writeErrors?: unknown;
  /** The driver's result (MongoBulkWriteError) or mongoose's copy of it (MongooseBulkWriteError). */
  result?: DriverBulkResult;
  rawResult?: DriverBulkResult;
}

interface DriverBulkResult {
  insertedCount?: number;
  getWriteConcernError?: () => unknown;
}

/**
 * Which entries of an unordered insert were refused, from the error it threw. Throws the
 * error back when it cannot be pinned to entries: nothing names a refused entry (a
 * network or whole-command failure), the write concern was not met (nothing is known to
 * be durable), or the stored and refused entries do not add up (the driver stopped
 * between batches).
 */
function refusedEntries(error: unknown, total: number): RefusedEntries {
  if (typeof error !== 'object' || error === null) throw error;
  const failure = error as BulkWriteFailure;
  const refused = new Map<number, Error>();
  const perEntry = failure.results ?? failure.mongoose?.results;
  if (Array.isArray(perEntry)) {
    perEntry.forEach((outcome: unknown, index) => {
      if (outcome != null) refused.set(index, asError(outcome));
    });
  } else if (Array.isArray(failure.writeErrors)) {
    for (const writeError of failure.writeErrors as unknown[]) {
      const index = (writeError as { index?: unknown }).index;
      if (typeof index === 'number') refused.set(index, asError(writeError));
    }
  }
  const result = failure.result ?? failure.rawResult;
  const inserted = result?.insertedCount ?? 0;
  if (refused.size === 0 || result?.getWriteConcernError?.() || inserted + refused.size !== total) {
    throw error;
  }
  return refused;
}

/** The driver's WriteError is not an Error; keep its code (e.g. 11000) for whoever checks. */
function asError(refusal: unknown): Error {
  if (refusal instanceof Error) return refusal;
  const { code, errmsg } = refusal as { code?: unknown; errmsg?: unknown };
  return Object.assign(new Error(`the database refused a log entry: ${String(errmsg)}`), { code });
}
