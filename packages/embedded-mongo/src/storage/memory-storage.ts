import type { JournalEntry, Storage } from './journal-entry';

/** Storage for in-memory mode (unit tests): nothing to replay, nothing kept. */
export class MemoryStorage implements Storage {
  async open(_apply: (entry: JournalEntry) => void): Promise<void> {}

  async append(_entries: JournalEntry[]): Promise<void> {}

  async compact(_dumpState: () => Iterable<JournalEntry>): Promise<void> {}

  journalBytes(): number {
    return 0;
  }

  async close(): Promise<void> {}
}
