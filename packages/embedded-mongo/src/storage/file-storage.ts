import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  MAX_GENERATION,
  journalFileName,
  listDataDirectory,
  snapshotFileName,
  syncDirectory,
} from './data-directory-layout';
import { lockDataDirectory, type DataDirectoryLock } from './data-directory-lock';
import {
  makeDataDirectoryPrivate,
  PRIVATE_DIRECTORY_MODE,
  PRIVATE_FILE_MODE,
} from './private-files';
import { encodeEntries } from './entry-codec';
import type { JournalEntry, Storage } from './journal-entry';
import { readJournal } from './journal-reader';
import { JournalWriter, emptyCounters, type JournalWriterCounters } from './journal-writer';
import { readSnapshot } from './snapshot-reader';
import { writeSnapshot } from './snapshot-writer';
import { StorageCorruptionError, StorageUnavailableError } from './storage-errors';

export interface FileStorageOptions {
  /** Where to say what recovery did (torn tail dropped, leftovers removed). Defaults to console.warn. */
  log?: (message: string) => void;
}

export interface FileStorage extends Storage {
  readonly dbpath: string;
  /** Appends, records and datasyncs since open, across journal generations. */
  journalCounters(): JournalWriterCounters;
}

/**
 * Durable storage in a data directory: `journal-N.log` files of
 * checksummed records appended with group commit, `snapshot-N.bson` written by
 * compaction, and a lock against a second process.
 */
export function createFileStorage(dbpath: string, options: FileStorageOptions = {}): FileStorage {
  return new DataDirectoryStorage(resolve(dbpath), options);
}

type Lifecycle = 'new' | 'opening' | 'open' | 'closed';

class DataDirectoryStorage implements FileStorage {
  private lifecycle: Lifecycle = 'new';
  private opening: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private lock: DataDirectoryLock | null = null;
  private writer: JournalWriter | null = null;
  /** Journal bytes of generations before the current one, not yet folded into a snapshot. */
  private olderJournalBytes = 0;
  private readonly counters = emptyCounters();
  private compactions: Promise<void> = Promise.resolve();
  private lostLock: StorageUnavailableError | null = null;
  private readonly log: (message: string) => void;

  constructor(
    readonly dbpath: string,
    options: FileStorageOptions,
  ) {
    this.log = options.log ?? ((message) => console.warn(`embedded-mongo storage: ${message}`));
  }

  open(apply: (entry: JournalEntry) => void): Promise<void> {
    if (this.lifecycle !== 'new') {
      return Promise.reject(new StorageUnavailableError(`storage is already ${this.lifecycle}`));
    }
    this.lifecycle = 'opening';
    this.opening = this.recover(apply).then(
      () => {
        if (this.lifecycle === 'opening') this.lifecycle = 'open';
      },
      async (error: unknown) => {
        this.lifecycle = 'closed';
        await this.lock?.release().catch(() => undefined);
        this.lock = null;
        throw error;
      },
    );
    return this.opening;
  }

  append(entries: JournalEntry[]): Promise<void> {
    if (this.lostLock) return Promise.reject(this.lostLock);
    if (this.lifecycle !== 'open' || !this.writer) {
      return Promise.reject(new StorageUnavailableError(`storage is ${this.lifecycle}, not open`));
    }
    let documents: Buffer[];
    try {
      documents = encodeEntries(entries);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.writer.append(documents);
  }

  compact(dumpState: () => Iterable<JournalEntry>): Promise<void> {
    const run = this.compactions.then(() => this.compactOnce(dumpState));
    this.compactions = run.catch(() => undefined);
    return run;
  }

  journalBytes(): number {
    return this.olderJournalBytes + (this.writer?.size ?? 0);
  }

  journalCounters(): JournalWriterCounters {
    return { ...this.counters };
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    if (this.opening) await this.opening.catch(() => undefined);
    this.lifecycle = 'closed';
    await this.compactions;
    try {
      // Failed appends were already rejected to their callers; closing still releases the lock.
      await this.writer?.finish().catch(() => undefined);
    } finally {
      await this.lock?.release();
      this.lock = null;
    }
  }

  private async recover(apply: (entry: JournalEntry) => void): Promise<void> {
    await this.createDataDirectory();
    this.lock = await lockDataDirectory(this.dbpath, (error) => this.loseLock(error));
    const contents = await listDataDirectory(this.dbpath);
    for (const name of contents.temporary) {
      await rm(join(this.dbpath, name), { force: true });
      this.log(`removed ${name}, a file left unfinished by an interrupted run`);
    }

    const snapshotGeneration = contents.snapshots.at(-1) ?? 0;
    if (snapshotGeneration > 0) await readSnapshot(this.dbpath, snapshotGeneration, apply);
    const journals = contents.journals.filter((generation) => generation >= snapshotGeneration);
    this.checkJournalSequence(journals, snapshotGeneration);

    const currentGeneration = journals.at(-1) ?? Math.max(snapshotGeneration, 1);
    let currentLength = 0;
    for (const [index, generation] of journals.entries()) {
      const result = await readJournal(this.dbpath, generation, apply);
      if (result.tornTail) {
        await this.refuseIfLaterJournalsHoldData(journals.slice(index + 1), generation);
        await this.truncateJournal(generation, result.validLength);
        this.log(
          `dropped the last ${result.fileSize - result.validLength} bytes of ` +
            `${journalFileName(generation)} (${result.tornTail}): a write interrupted by a crash, ` +
            'never acknowledged',
        );
      }
      if (generation === currentGeneration) currentLength = result.validLength;
      else this.olderJournalBytes += result.validLength;
    }

    await this.removeFilesOlderThan(snapshotGeneration, contents);
    const handle = await this.openJournal(currentGeneration, journals.length === 0);
    this.writer = new JournalWriter(
      handle,
      { kind: 'journal', generation: currentGeneration },
      currentLength,
      Promise.resolve(),
      this.counters,
    );
  }

  /** A data directory created here must itself survive a crash, like the files in it. */
  private async createDataDirectory(): Promise<void> {
    const firstCreated = await mkdir(this.dbpath, {
      recursive: true,
      mode: PRIVATE_DIRECTORY_MODE,
    });
    // Made by an older version, or by hand: tightened before anything is read from it.
    if (firstCreated === undefined) return makeDataDirectoryPrivate(this.dbpath);
    // A new directory's name lives in its parent: sync each parent up to the first one created.
    let directory = this.dbpath;
    do {
      directory = dirname(directory);
      await syncDirectory(directory);
    } while (directory !== dirname(firstCreated));
  }

  /** Journals from the snapshot on must be consecutive generations, or data is missing. */
  private checkJournalSequence(journals: number[], snapshotGeneration: number): void {
    const first = journals[0];
    if (first === undefined) return;
    const expectedFirst = snapshotGeneration > 0 ? snapshotGeneration : 1;
    const gap = journals.findIndex((generation, index) => generation !== first + index);
    if (first !== expectedFirst || gap !== -1) {
      const missing = first !== expectedFirst ? expectedFirst : journals[gap - 1]! + 1;
      throw new StorageCorruptionError(
        `${this.dbpath}: ${journalFileName(missing)} is missing but later journals exist; ` +
          'refusing to start rather than replay a log with a hole in it',
      );
    }
  }

  /**
   * A journal is only started after the one before it is durable and closed,
   * so a torn record can only be the very end of the log: damage followed by
   * data in a later journal is corruption.
   */
  private async refuseIfLaterJournalsHoldData(later: number[], torn: number): Promise<void> {
    for (const generation of later) {
      const { size } = await stat(join(this.dbpath, journalFileName(generation)));
      if (size > 0) {
        throw new StorageCorruptionError(
          `${this.dbpath}: ${journalFileName(torn)} ends in a damaged record but ` +
            `${journalFileName(generation)} holds later writes; refusing to start`,
        );
      }
    }
  }

  private async truncateJournal(generation: number, length: number): Promise<void> {
    const handle = await open(join(this.dbpath, journalFileName(generation)), 'r+');
    try {
      await handle.truncate(length);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  private async openJournal(generation: number, create: boolean): Promise<FileHandle> {
    const path = join(this.dbpath, journalFileName(generation));
    if (!create) return open(path, 'r+');
    const handle = await open(path, 'wx', PRIVATE_FILE_MODE);
    await syncDirectory(this.dbpath);
    return handle;
  }

  private async removeFilesOlderThan(
    generation: number,
    contents: { journals: number[]; snapshots: number[] },
  ): Promise<void> {
    const names = [
      ...contents.journals.filter((g) => g < generation).map(journalFileName),
      ...contents.snapshots.filter((g) => g < generation).map(snapshotFileName),
    ];
    for (const name of names) await rm(join(this.dbpath, name), { force: true });
    if (names.length > 0) await syncDirectory(this.dbpath);
  }

  private async compactOnce(dumpState: () => Iterable<JournalEntry>): Promise<void> {
    if (this.lifecycle !== 'open' || !this.writer) {
      throw new StorageUnavailableError(`storage is ${this.lifecycle}, cannot compact`);
    }
    if (this.lostLock) throw this.lostLock;
    const generation = this.writer.file.generation + 1;
    if (generation > MAX_GENERATION) throw new RangeError('journal generations exhausted');
    const handle = await this.openJournal(generation, true);
    if (this.lifecycle !== 'open') {
      await handle.close();
      throw new StorageUnavailableError('storage closed during compaction');
    }

    // The instant of the snapshot: appends before it are in the old journal
    // and in the state dumped now; appends after it go to the new journal.
    const previous = this.writer;
    this.writer = new JournalWriter(
      handle,
      { kind: 'journal', generation },
      0,
      previous.finish(),
      this.counters,
    );
    if (this.lostLock) this.writer.fail(this.lostLock);
    this.olderJournalBytes += previous.size;
    const state = dumpState()[Symbol.iterator]();

    await writeSnapshot(this.dbpath, generation, state, {
      shouldAbandon: () => this.lifecycle !== 'open',
    });
    await previous.finish();
    this.olderJournalBytes = 0;
    await this.removeFilesOlderThan(generation, await listDataDirectory(this.dbpath));
  }

  private loseLock(error: Error): void {
    this.lostLock = new StorageUnavailableError(
      `lost the lock on data directory ${this.dbpath} (${error.message}); ` +
        'no further writes are accepted — restart the server',
    );
    this.writer?.fail(this.lostLock);
  }
}
