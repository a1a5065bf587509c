import { BSON, Long, type Document } from 'bson';
import { CommandError } from '../commands/command-error';

/** Replies stay well under the 48 MB message limit, as mongod's 16 MiB batches do. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
export const DEFAULT_FIRST_BATCH_SIZE = 101;

interface OpenCursor {
  ns: string;
  source: Iterator<Document>;
  /** A document read ahead of the last batch, to know whether the cursor is exhausted. */
  pending: IteratorResult<Document>;
  lastUsed: number;
  /** Why the cursor can no longer continue (its collection was dropped or renamed). */
  killedBecause?: string;
}

export interface CursorReply extends Document {
  id: Long;
  ns: string;
}

/**
 * Open cursors by id. Results stay lazy iterators between batches; a cursor
 * nobody asked for within the idle timeout is dropped, as mongod does after
 * ten minutes.
 */
export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = 10 * 60 * 1000) {
    this.sweeper = setInterval(() => this.expireIdle(), Math.min(60_000, idleTimeoutMs)).unref();
  }

  get openCount(): number {
    return this.cursors.size;
  }

  /** First batch of a new cursor; the cursor is only kept if more documents remain. */
  open(
    ns: string,
    source: Iterator<Document>,
    batchSize: number | undefined,
    singleBatch = false,
  ): CursorReply {
    const cursor: OpenCursor = { ns, source, pending: source.next(), lastUsed: Date.now() };
    const firstBatch = takeBatch(cursor, batchSize ?? DEFAULT_FIRST_BATCH_SIZE);
    if (cursor.pending.done || singleBatch) return { id: Long.ZERO, ns, firstBatch };
    const id = this.newId();
    this.cursors.set(id, cursor);
    return { id: Long.fromNumber(id), ns, firstBatch };
  }

  getMore(id: number, ns: string, batchSize: number | undefined): CursorReply {
    const cursor = this.cursors.get(id);
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${id} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(
        'Unauthorized',
        `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`,
      );
    }
    if (cursor.killedBecause) {
      this.cursors.delete(id);
      throw new CommandError(
        'QueryPlanKilled',
        `Executor error during getMore :: caused by :: ${cursor.killedBecause}`,
      );
    }
    cursor.lastUsed = Date.now();
    let nextBatch: Document[];
    try {
      nextBatch = takeBatch(cursor, batchSize ?? Number.MAX_SAFE_INTEGER);
    } catch (error) {
      // A cursor whose results failed part-way (e.g. an aggregation error) cannot be resumed.
      this.cursors.delete(id);
      throw error;
    }
    if (cursor.pending.done) {
      this.cursors.delete(id);
      return { id: Long.ZERO, ns, nextBatch };
    }
    return { id: Long.fromNumber(id), ns, nextBatch };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed: number[] = [];
    const notFound: number[] = [];
    for (const id of ids) (this.cursors.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Ends the open cursors on namespaces that went away; their next getMore reports why. */
  invalidate(affected: (ns: string) => boolean, reason: string): void {
    for (const cursor of this.cursors.values()) {
      if (affected(cursor.ns)) cursor.killedBecause = reason;
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }

  private expireIdle(): void {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff) this.cursors.delete(id);
  }

  private newId(): number {
    let id: number;
    do id = Math.floor(Math.random() * Number.MAX_SAFE_INTEGER) + 1;
    while (this.cursors.has(id));
    return id;
  }
}

function takeBatch(cursor: OpenCursor, batchSize: number): Document[] {
  const batch: Document[] = [];
  let bytes = 0;
  while (!cursor.pending.done && batch.length < batchSize) {
    const size = BSON.calculateObjectSize(cursor.pending.value);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    batch.push(cursor.pending.value);
    bytes += size;
    cursor.pending = cursor.source.next();
  }
  return batch;
}
