import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from 'bson';
import { snapshotFileName } from './data-directory-layout';
import { decodeDocuments, entriesOf } from './entry-codec';
import type { JournalEntry } from './journal-entry';
import { scanRecords } from './record-scanner';
import { StorageCorruptionError } from './storage-errors';

/**
 * Replays `snapshot-<generation>` through `apply`. A snapshot only gets its
 * name once complete and fsync'd, so any damage, a missing header or end
 * record, or a wrong entry count is corruption, never a torn write.
 */
export async function readSnapshot(
  directory: string,
  generation: number,
  apply: (entry: JournalEntry) => void,
): Promise<{ entries: number; bytes: number }> {
  const path = join(directory, snapshotFileName(generation));
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const progress = { stage: 'header' as 'header' | 'entries' | 'ended', applied: 0 };
    const readDocument = (document: Document): void => {
      if (progress.stage === 'header') {
        const header = document.snapshot as Document | undefined;
        if (header?.format !== 1 || header.generation !== generation) {
          throw new StorageCorruptionError(`${path} does not start with this snapshot's header`);
        }
        progress.stage = 'entries';
      } else if (progress.stage === 'ended') {
        throw new StorageCorruptionError(`${path} has data after its end record`);
      } else if (document.end !== undefined) {
        const expected: unknown = (document.end as Document).entries;
        if (expected !== progress.applied) {
          throw new StorageCorruptionError(
            `${path} ends claiming ${String(expected)} entries but holds ${progress.applied}`,
          );
        }
        progress.stage = 'ended';
      } else {
        for (const entry of entriesOf(document, path)) {
          apply(entry);
          progress.applied += 1;
        }
      }
    };
    const scan = await scanRecords(handle, size, { kind: 'snapshot', generation }, (payload) => {
      for (const document of decodeDocuments(payload, path)) readDocument(document);
    });
    if (scan.damage) {
      throw new StorageCorruptionError(
        `${path} is damaged at byte ${scan.validLength} (${scan.damage.reason}); ` +
          'refusing to start rather than lose data — restore the data directory from a backup',
      );
    }
    if (progress.stage !== 'ended') {
      throw new StorageCorruptionError(`${path} has no end record: the snapshot is incomplete`);
    }
    return { entries: progress.applied, bytes: size };
  } finally {
    await handle.close();
  }
}
