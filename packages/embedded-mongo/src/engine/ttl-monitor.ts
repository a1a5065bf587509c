import type { JournalEntry } from '../storage/journal-entry';
import { TypeBracketBound, TypeRank } from './bson-order';
import type { Engine } from './engine';
import { removeDocument } from './document-writes';

/**
 * Removes documents whose TTL-indexed date is older than `expireAfterSeconds`,
 * through the same commit path as a delete command. Finding them is an index
 * range scan over dates, so the cost follows the expired documents, not the
 * collection.
 */
export class TtlMonitor {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly engine: Engine,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass over every TTL index; never overlaps with itself. */
  async sweep(now = Date.now()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    const changes: JournalEntry[] = [];
    try {
      for (const db of this.engine.catalog.databaseNames()) {
        for (const collection of this.engine.catalog.collections(db)) {
          for (const index of collection.indexes.values()) {
            const seconds = index.spec.expireAfterSeconds;
            if (typeof seconds !== 'number' || index.fields.length !== 1) continue;
            const cutoff = new Date(now - seconds * 1000);
            const oldest = new TypeBracketBound(TypeRank.date, false);
            const [low, high] = index.fields[0][1] === 1 ? [oldest, cutoff] : [cutoff, oldest];
            const expired = [...index.scan([low], [high])];
            for (const id of expired) removeDocument(collection, id, changes);
          }
        }
      }
      await this.engine.commit(changes);
      return changes.length;
    } catch {
      // A failed sweep is retried next interval; a storage failure is reported by the engine itself.
      return 0;
    } finally {
      this.running = false;
    }
  }
}
