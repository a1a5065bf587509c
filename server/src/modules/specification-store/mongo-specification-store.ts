import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Y } from '@coproduce/protocol';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { LogAppendCoalescer, type RefusedEntries } from './log-append-coalescer';
import { SpecificationSnapshot } from './specification-snapshot.schema';
import {
  SpecificationStore,
  type Compaction,
  type LogEntry,
  type StoredSpecification,
} from './specification-store';
import {
  RETIRED_SEQ_INDEX,
  SpecificationUpdate,
  logEntryProblem,
} from './specification-update.schema';
import { findOnePlain, findPlain } from '../../base/plain-reads';
import { storedBytes } from '../../base/stored-bytes';

/**
 * `doc:saved` promises the edit survives a crash of the database too, so every
 * write here waits for the journal (and a majority, on a replica set). Passed on
 * each call: mongoose does not apply a schema's write concern to bulk inserts.
 */
const DURABLE = { w: 'majority', j: true } as const;

/**
 * How far apart log writes start under load: a few milliseconds more before "Saved" (the
 * goal is 50 ms at the 99th percentile), for several times fewer commands when many
 * people type at once (issue 17's fan-out: about one command per keystroke before).
 */
const APPEND_SPACING_MS = 5;

/**
 * How long after an edit reached the server its log write may start, so that the edit has
 * reached everyone before the database is woken to compete with them for the machine (issue 15's
 * thirty people on one engagement copy: fan-out p99 over all deliveries 1.39–1.45× of
 * Hocuspocus's with the write started at once, 0.90–1.21× with this), for "Saved" that
 * much later.
 */
const APPEND_LINGER_MS = 10;

/** The specification store on MongoDB, through mongoose. */
@Injectable()
export class MongoSpecificationStore extends SpecificationStore implements OnModuleInit {
  private readonly logger = new Logger(MongoSpecificationStore.name);

  constructor(
    @InjectModel(SpecificationUpdate.name) private readonly updates: Model<SpecificationUpdate>,
    @InjectModel(SpecificationSnapshot.name)
    private readonly snapshots: Model<SpecificationSnapshot>,
  ) {
    super();
  }

  private readonly appends = new LogAppendCoalescer<SpecificationUpdate>(
    (entries) => this.insertLogEntries(entries),
    { spacingMs: APPEND_SPACING_MS, lingerMs: APPEND_LINGER_MS },
  );

  /** A database written by the first layout keeps its unique seq index: it must go. */
  async onModuleInit(): Promise<void> {
    try {
      await this.updates.collection.dropIndex(RETIRED_SEQ_INDEX);
      this.logger.log(`dropped the retired index ${RETIRED_SEQ_INDEX}`);
    } catch (error) {
      if (!isMissingIndex(error)) throw error;
    }
  }

  async load(specificationId: string): Promise<StoredSpecification> {
    // Every join of a specification not open yet comes here: read plainly, as stored.
    const [snapshot, entries] = await Promise.all([
      findOnePlain<{ state: unknown; version?: number }>(
        this.snapshots,
        { specificationId },
        { state: 1, version: 1 },
      ),
      findPlain<{ writer?: string | null; seq: number; update: unknown }>(
        this.updates,
        { specificationId },
        { writer: 1, seq: 1, update: 1 },
      ),
    ]);
    return {
      snapshot: snapshot
        ? { state: storedBytes(snapshot.state), version: snapshot.version ?? 0 }
        : null,
      log: entries.map((entry) => ({
        writer: entry.writer ?? null,
        seq: entry.seq,
        update: storedBytes(entry.update),
      })),
    };
  }

  async remove(specificationId: string): Promise<void> {
    await this.updates.deleteMany({ specificationId }).exec();
    await this.snapshots.deleteMany({ specificationId }).exec();
  }

  async append(specificationId: string, entries: LogEntry[], arrivedAt?: number): Promise<void> {
    const createdAt = new Date();
    await this.appends.append(
      entries.map(({ writer, seq, update }) => ({
        specificationId,
        writer,
        seq,
        update: Buffer.from(update.buffer, update.byteOffset, update.byteLength),
        createdAt,
      })),
      arrivedAt,
    );
  }

  async compact(
    specificationId: string,
    { state, basedOnVersion, folded }: Compaction,
  ): Promise<{ version: number; state: Uint8Array }> {
    let merged = state;
    let based = basedOnVersion;
    for (
      let attempt = 1;
      !(await this.replaceSnapshot(specificationId, merged, based));
      attempt++
    ) {
      if (attempt >= MAX_SNAPSHOT_RACES) {
        throw new Error(`the snapshot of ${specificationId} kept changing while compacting`);
      }
      // Another writer compacted first: keep what its snapshot holds as well as ours.
      const current = await this.snapshots
        .findOne({ specificationId }, { state: 1, version: 1 })
        .lean()
        .exec();
      merged = current ? Y.mergeUpdates([storedBytes(current.state), merged]) : merged;
      based = current?.version ?? 0;
    }
    // Ranges, not a list of entries: a range of one writer is one index scan.
    for (const { writer, fromSeq, toSeq } of folded) {
      await this.updates.deleteMany(
        { specificationId, writer, seq: { $gte: fromSeq, $lte: toSeq } },
        { writeConcern: DURABLE },
      );
    }
    return { version: based + 1, state: merged };
  }

  /** Writes the snapshot if the stored one is still `based`; false if another writer moved it. */
  private async replaceSnapshot(
    specificationId: string,
    state: Uint8Array,
    based: number,
  ): Promise<boolean> {
    // Version 0 is "no snapshot", or one of the first layout's, which has no version.
    const version = based === 0 ? { $in: [0, null] } : based;
    try {
      const result = await this.snapshots.updateOne(
        { specificationId, version },
        {
          $set: {
            state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
            version: based + 1,
            updatedAt: new Date(),
          },
        },
        { upsert: true, writeConcern: DURABLE },
      );
      return result.matchedCount + result.upsertedCount > 0;
    } catch (error) {
      // The upsert met the unique specificationId: a snapshot at another version exists.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /**
   * Unordered, so an entry the database refuses does not stop the entries after it
   * (other specifications' among them). Written through the driver: mongoose would build
   * and cast a document for every keystroke; the schema's rules are checked by
   * `logEntryProblem` instead, and an entry that breaks them is refused on its own.
   */
  private async insertLogEntries(entries: SpecificationUpdate[]): Promise<RefusedEntries> {
    const refused = new Map<number, Error>();
    const sent: number[] = [];
    entries.forEach((entry, index) => {
      const problem = logEntryProblem(entry);
      if (problem) refused.set(index, new Error(`a log entry was refused: ${problem}`));
      else sent.push(index);
    });
    if (sent.length === 0) return refused;
    try {
      await this.updates.collection.bulkWrite(
        sent.map((index) => ({ insertOne: { document: { ...entries[index] } } })),
        { ordered: false, writeConcern: DURABLE },
      );
    } catch (error) {
      for (const [at, why] of refusedEntries(error, sent.length)) refused.set(sent[at], why);
    }
    return refused;
  }
}

/** Compactions that lose the race to another writer this many times in a row give up for now. */
const MAX_SNAPSHOT_RACES = 5;

function isMissingIndex(error: unknown): boolean {
  const code = (error as { codeName?: unknown } | null)?.codeName;
  return code === 'IndexNotFound' || code === 'NamespaceNotFound';
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
 * Which entries of an unordered insert were refused, from the error it threw (an entry
 * stored already, by an attempt whose answer was lost, is not refused). Throws the error
 * back when it cannot be pinned to entries: nothing names a refused entry (a network or
 * whole-command failure), the write concern was not met (nothing is known to be
 * durable), or the stored and refused entries do not add up (the driver stopped between
 * batches).
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
  // An entry whose id is taken was stored by an earlier attempt whose answer was lost.
  for (const [index, refusal] of refused) {
    if (isDuplicateKeyError(refusal)) refused.delete(index);
  }
  return refused;
}

/** The driver's WriteError is not an Error; keep its code (e.g. 11000) for whoever checks. */
function asError(refusal: unknown): Error {
  if (refusal instanceof Error) return refusal;
  const { code, errmsg } = refusal as { code?: unknown; errmsg?: unknown };
  return Object.assign(new Error(`the database refused a log entry: ${String(errmsg)}`), { code });
}
