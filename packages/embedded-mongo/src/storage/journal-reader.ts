import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { journalFileName } from './data-directory-layout';
import { decodeDocuments, entriesOf } from './entry-codec';
import type { JournalEntry } from './journal-entry';
import { scanRecords } from './record-scanner';
import { StorageCorruptionError } from './storage-errors';

export interface JournalReadResult {
  fileSize: number;
  /** Bytes holding whole, verified records; a torn tail starts here. */
  validLength: number;
  records: number;
  /** Why the bytes after `validLength` were not replayed, when there are any. */
  tornTail: string | null;
}

/**
 * Replays `journal-<generation>` through `apply`, one whole record at a
 * time. A torn last record is skipped and reported (the caller truncates it);
 * damage with verified data after it stops the start-up.
 */
export async function readJournal(
  directory: string,
  generation: number,
  apply: (entry: JournalEntry) => void,
): Promise<JournalReadResult> {
  const path = join(directory, journalFileName(generation));
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let records = 0;
    const scan = await scanRecords(handle, size, { kind: 'journal', generation }, (payload) => {
      // Decode the whole record before applying any of it: a record is one
      // group commit, and it is replayed completely or not at all.
      const entries = decodeDocuments(payload, path).flatMap((document) =>
        entriesOf(document, path),
      );
      for (const entry of entries) apply(entry);
      records += 1;
    });
    if (scan.damage?.beyondTail) {
      throw new StorageCorruptionError(
        `${path} is damaged at byte ${scan.validLength} (${scan.damage.reason}) and ` +
          `${size - scan.validLength} bytes follow that a crash cannot explain; refusing to start ` +
          'rather than drop acknowledged writes — restore the data directory from a backup',
      );
    }
    return {
      fileSize: size,
      validLength: scan.validLength,
      records,
      tornTail: scan.damage?.reason ?? null,
    };
  } finally {
    await handle.close();
  }
}
