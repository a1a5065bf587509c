import type { JournalEntry, Storage } from '../storage/journal-entry';
import { CommandError } from '../commands/command-error';
import { Catalog } from './catalog';
import { CursorRegistry } from './cursor-registry';
import { TtlMonitor } from './ttl-monitor';

export interface EngineOptions {
  /** Journal size after which a compaction into a new snapshot starts. */
  compactAfterBytes?: number;
  ttlIntervalMs?: number;
  cursorIdleTimeoutMs?: number;
}

/**
 * The single-threaded database: commands change the catalog synchronously,
 * then `commit` makes those changes durable. Because every change is applied
 * before its append is requested, journal order is apply order.
 */
export class Engine {
  readonly catalog = new Catalog();
  readonly cursors: CursorRegistry;
  readonly startedAt = Date.now();
  private readonly ttl: TtlMonitor;
  private readonly compactAfterBytes: number;
  private compaction: Promise<void> | undefined;
  private inFlight = new Set<Promise<void>>();
  private failure: Error | undefined;
  private closed = false;
  /** Called once if storage fails: what is in memory can no longer be acknowledged. */
  onFatal: (error: Error) => void = () => {};

  private constructor(
    private readonly storage: Storage,
    options: EngineOptions,
  ) {
    this.compactAfterBytes = options.compactAfterBytes ?? 64 * 1024 * 1024;
    this.cursors = new CursorRegistry(options.cursorIdleTimeoutMs);
    this.ttl = new TtlMonitor(this, options.ttlIntervalMs ?? 2000);
  }

  static async open(storage: Storage, options: EngineOptions = {}): Promise<Engine> {
    const engine = new Engine(storage, options);
    await storage.open((entry) => engine.catalog.apply(entry));
    engine.ttl.start();
    return engine;
  }

  /** Throws if storage has failed: no command may be answered as if it were durable. */
  assertHealthy(): void {
    if (this.closed) throw new CommandError('InterruptedAtShutdown', 'interrupted at shutdown');
    if (this.failure) {
      throw new CommandError('InternalError', `storage failed: ${this.failure.message}`);
    }
  }

  /**
   * Runs a write: `work` applies changes synchronously (so no other command
   * interleaves between applying and appending), and whatever it applied is
   * committed even when it throws part-way, before its error is passed on.
   */
  async write<T>(work: (changes: JournalEntry[]) => T): Promise<T> {
    this.assertHealthy();
    const changes: JournalEntry[] = [];
    let result: T;
    try {
      result = work(changes);
    } catch (error) {
      await this.commit(changes);
      throw error;
    }
    await this.commit(changes);
    return result;
  }

  /** Resolves once `changes` (already applied in memory) are durable; rejects if storage failed. */
  async commit(changes: JournalEntry[]): Promise<void> {
    this.assertHealthy();
    if (changes.length === 0) return;
    const append = this.storage.append(changes);
    this.inFlight.add(append);
    try {
      await append;
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      this.assertHealthy();
    } finally {
      this.inFlight.delete(append);
    }
    this.maybeCompact();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.onFatal(error);
  }

  private maybeCompact(): void {
    if (this.compaction || this.closed || this.storage.journalBytes() < this.compactAfterBytes)
      return;
    this.compaction = this.storage
      .compact(() => this.catalog.dump())
      .catch((error: unknown) =>
        this.fail(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => {
        this.compaction = undefined;
      });
  }

  /** Waits for acknowledged-to-be writes, stops background work and closes storage. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ttl.stop();
    this.cursors.close();
    await Promise.allSettled([...this.inFlight]);
    await this.compaction;
    await this.storage.close();
  }
}
