import { open, readdir } from 'node:fs/promises';

/**
 * File names carry a generation. `snapshot-N` holds the state as it was when
 * `journal-N` was started, so recovery is: the newest snapshot N, then
 * journals N, N+1, ... in order. Older files are leftovers of a compaction
 * that did not get to delete them; `*.tmp` files are unfinished snapshots.
 */
const JOURNAL_PATTERN = /^journal-(\d{10})\.log$/;
const SNAPSHOT_PATTERN = /^snapshot-(\d{10})\.bson$/;
const TEMPORARY_SUFFIX = '.tmp';
export const MAX_GENERATION = 0xffffffff;

export function journalFileName(generation: number): string {
  return `journal-${String(generation).padStart(10, '0')}.log`;
}

export function snapshotFileName(generation: number): string {
  return `snapshot-${String(generation).padStart(10, '0')}.bson`;
}

export function temporaryFileName(finalName: string): string {
  return finalName + TEMPORARY_SUFFIX;
}

export interface DataDirectoryContents {
  /** Journal generations, ascending. */
  journals: number[];
  /** Snapshot generations, ascending. */
  snapshots: number[];
  /** Names of unfinished files. */
  temporary: string[];
}

export async function listDataDirectory(directory: string): Promise<DataDirectoryContents> {
  const contents: DataDirectoryContents = { journals: [], snapshots: [], temporary: [] };
  for (const name of await readdir(directory)) {
    const journal = JOURNAL_PATTERN.exec(name);
    const snapshot = SNAPSHOT_PATTERN.exec(name);
    if (journal) contents.journals.push(Number(journal[1]));
    else if (snapshot) contents.snapshots.push(Number(snapshot[1]));
    else if (name.endsWith(TEMPORARY_SUFFIX)) contents.temporary.push(name);
  }
  contents.journals.sort((a, b) => a - b);
  contents.snapshots.sort((a, b) => a - b);
  return contents;
}

/** Makes creations, renames and deletions in `directory` durable. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
