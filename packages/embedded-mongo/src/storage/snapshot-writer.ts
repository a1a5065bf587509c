import { open, rename, rm } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from './private-files';
import { join } from 'node:path';
import { snapshotFileName, syncDirectory, temporaryFileName } from './data-directory-layout';
import { EntryDocumentBuilder, serializeDocument } from './entry-codec';
import type { JournalEntry } from './journal-entry';
import { encodeRecord, type RecordFileIdentity } from './record-frame';

/**
 * Entries encoded between two awaits. Encoding a mebibyte of BSON takes a few
 * milliseconds, so the event loop is never held much longer than that.
 */
const RECORD_TARGET_BYTES = 1024 * 1024;

export interface SnapshotWriteOptions {
  /** Checked between records; when it returns true the snapshot is abandoned. */
  shouldAbandon?: () => boolean;
}

export class SnapshotAbandonedError extends Error {
  override readonly name = 'SnapshotAbandonedError';
}

/**
 * Writes `snapshot-<generation>` as: a header record, records of entries, and
 * an end record with the entry count, into a temporary file that is fsync'd
 * and only then renamed into place (and the directory fsync'd), so a snapshot
 * file under its final name is always complete.
 */
export async function writeSnapshot(
  directory: string,
  generation: number,
  entries: Iterator<JournalEntry>,
  options: SnapshotWriteOptions = {},
): Promise<{ entries: number; bytes: number }> {
  const finalPath = join(directory, snapshotFileName(generation));
  const temporaryPath = temporaryFileName(finalPath);
  const file: RecordFileIdentity = { kind: 'snapshot', generation };
  const handle = await open(temporaryPath, 'w', PRIVATE_FILE_MODE);
  let position = 0;
  const writeRecord = async (payload: Buffer[]): Promise<void> => {
    const record = encodeRecord(file, position, payload);
    let written = 0;
    while (written < record.byteLength) {
      const { bytesWritten } = await handle.write(
        record,
        written,
        record.byteLength - written,
        position + written,
      );
      written += bytesWritten;
    }
    position += record.byteLength;
  };

  let completed = false;
  let entryCount = 0;
  try {
    await writeRecord([serializeDocument({ snapshot: { format: 1, generation } })]);
    const builder = new EntryDocumentBuilder();
    for (let next = entries.next(); !next.done; next = entries.next()) {
      builder.add(next.value);
      if (builder.bufferedBytes >= RECORD_TARGET_BYTES) {
        await writeRecord(builder.flush());
        if (options.shouldAbandon?.()) throw new SnapshotAbandonedError('snapshot abandoned');
      }
    }
    const rest = builder.flush();
    if (rest.length > 0) await writeRecord(rest);
    entryCount = builder.entries;
    await writeRecord([serializeDocument({ end: { entries: entryCount } })]);
    await handle.sync();
    completed = true;
  } finally {
    await handle.close();
    if (!completed) await rm(temporaryPath, { force: true });
  }
  await rename(temporaryPath, finalPath);
  await syncDirectory(directory);
  return { entries: entryCount, bytes: position };
}
