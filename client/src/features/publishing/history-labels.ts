import type { HistoryEntry } from '@coproduce/domain';

/** How an entry reads in a list of texts to compare. */
export function entryLabel(entry: HistoryEntry): string {
  if (entry.kind === 'version') {
    return `Version ${entry.number}: ${entry.name}${entry.withdrawn ? ' (withdrawn)' : ''}`;
  }
  return `Checkpoint: ${entry.name}`;
}
