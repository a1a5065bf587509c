import { writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { MAX_RECORD_PAYLOAD_BYTES, encodeRecord, type RecordFileIdentity } from './record-frame';
import { StorageUnavailableError } from './storage-errors';

/** Appends gathered into one record stop growing past this, so a record stays bounded. */
const TARGET_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * Records up to this size are copied into the page cache on the event loop. Handing a
 * small write to the thread pool costs more than the copy (a wake-up there and one back:
 * about a fifth of the store's CPU for a write command of a few log entries, measured by
 * bench/embedded-mongo/log-append.bench.mjs); the datasync, which waits for the disk,
 * stays off the loop.
 */
const WRITE_ON_LOOP_MAX_BYTES = 256 * 1024;

interface PendingAppend {
  documents: Buffer[];
  bytes: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface JournalWriterCounters {
  /** append() calls made durable. */
  appends: number;
  /** Records written; each was followed by exactly one datasync. */
  records: number;
  datasyncs: number;
  bytesWritten: number;
}

/**
 * Appends to one journal file with group commit: while a write and its
 * datasync are in flight, new appends queue up, and the next cycle writes
 * them all as one record followed by one datasync. Only one record is ever
 * unsynced, so a crash can tear at most the last record of the file.
 */
export function emptyCounters(): JournalWriterCounters {
  return { appends: 0, records: 0, datasyncs: 0, bytesWritten: 0 };
}

export class JournalWriter {
  private queue: PendingAppend[] = [];
  private queuedBytes = 0;
  private draining: Promise<void> | null = null;
  private failure: Error | null = null;
  private closing = false;
  private finished: Promise<void> | null = null;

  /**
   * @param previousGeneration settles once the journal before this one is
   *   durable and closed; nothing is written here before that, so the journals
   *   together stay one ordered log.
   * @param counters shared by the writers of successive generations.
   */
  constructor(
    private readonly handle: FileHandle,
    readonly file: RecordFileIdentity,
    private position: number,
    private readonly previousGeneration: Promise<void> = Promise.resolve(),
    readonly counters: JournalWriterCounters = emptyCounters(),
  ) {}

  /** Bytes in the file plus bytes queued for it. */
  get size(): number {
    return this.position + this.queuedBytes;
  }

  append(documents: Buffer[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) {
      return Promise.reject(new StorageUnavailableError('the journal is closed to new writes'));
    }
    const bytes = documents.reduce((total, document) => total + document.byteLength, 0);
    if (bytes === 0) return Promise.resolve();
    if (bytes > MAX_RECORD_PAYLOAD_BYTES) {
      return Promise.reject(
        new RangeError(`a write of ${bytes} bytes exceeds the journal's record limit`),
      );
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ documents, bytes, resolve, reject });
      this.queuedBytes += bytes;
      this.draining ??= this.drain();
    });
  }

  /** Stops the writer: rejects everything queued and everything later with `error`. */
  fail(error: Error): void {
    this.failure ??= error;
    const abandoned = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const pending of abandoned) pending.reject(this.failure);
  }

  /**
   * Refuses new appends, makes the queued ones durable, closes the file.
   * Rejects if any write failed; the same promise is shared by every caller.
   */
  finish(): Promise<void> {
    if (!this.finished) {
      this.closing = true;
      this.finished = (async () => {
        while (this.draining) await this.draining;
        await this.handle.close();
        if (this.failure) throw this.failure;
      })();
      // Callers await it; this only keeps an unobserved failure from crashing the process.
      this.finished.catch(() => undefined);
    }
    return this.finished;
  }

  private async drain(): Promise<void> {
    try {
      await this.previousGeneration;
    } catch (error) {
      this.fail(
        new StorageUnavailableError(
          `the previous journal could not be made durable: ${(error as Error).message}`,
        ),
      );
    }
    while (this.queue.length > 0 && !this.failure) {
      const batch = this.takeBatch();
      try {
        await this.writeRecord(batch.flatMap((pending) => pending.documents));
      } catch (error) {
        // After a failed write or fsync the page cache cannot be trusted
        // (the kernel may drop the dirty pages), so this journal takes no more.
        const failure = new StorageUnavailableError(
          `journal write failed: ${(error as Error).message}`,
        );
        for (const pending of batch) pending.reject(failure);
        this.fail(failure);
        break;
      }
      this.counters.appends += batch.length;
      for (const pending of batch) pending.resolve();
    }
    this.draining = null;
  }

  private takeBatch(): PendingAppend[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length) {
      const next = this.queue[count]!;
      if (count > 0 && bytes + next.bytes > TARGET_RECORD_BYTES) break;
      bytes += next.bytes;
      count += 1;
    }
    this.queuedBytes -= bytes;
    return this.queue.splice(0, count);
  }

  private async writeRecord(payload: Buffer[]): Promise<void> {
    const record = encodeRecord(this.file, this.position, payload);
    let written = 0;
    while (written < record.byteLength) {
      written += await this.writeAt(record, written, this.position + written);
    }
    this.position += record.byteLength;
    this.counters.bytesWritten += record.byteLength;
    this.counters.records += 1;
    await this.handle.datasync();
    this.counters.datasyncs += 1;
  }

  private async writeAt(record: Buffer, offset: number, position: number): Promise<number> {
    const length = record.byteLength - offset;
    if (record.byteLength <= WRITE_ON_LOOP_MAX_BYTES) {
      return writeSync(this.handle.fd, record, offset, length, position);
    }
    const { bytesWritten } = await this.handle.write(record, offset, length, position);
    return bytesWritten;
  }
}
