import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { initialSpecificationUpdate } from '@coproduce/specification-document';
import { CollabSettings } from './collab-settings';
import { ConnectionRegistry } from '../connections/connection-registry';
import { OpenDocument } from './open-document';
import { SpecificationStore } from '../specification-store/specification-store';
import { SpecificationEditors } from './specification-editors';
import { LiveDocumentKinds } from './live-document-kinds';

/**
 * The specifications open in this server. A document is loaded on its first join and
 * unloaded a grace period after its last member leaves, so memory follows what people
 * have open rather than what is stored. Loading waits for an unload of the same
 * specification to finish writing, so it never reads a state older than what was saved;
 * an unload gives up after the shutdown grace, so that wait is bounded too.
 */
@Injectable()
export class DocumentRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger(DocumentRegistry.name);
  private readonly open = new Map<string, Promise<OpenDocument>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Set by shutdown, which unloads everything itself: no more grace timers after that. */
  private shuttingDown = false;

  constructor(
    private readonly store: SpecificationStore,
    private readonly settings: CollabSettings,
    private readonly connections: ConnectionRegistry,
    private readonly editors: SpecificationEditors,
    private readonly kinds: LiveDocumentKinds,
  ) {}

  /**
   * The open document for a specification, loading it if needed. The caller has checked
   * that the specification exists and who may see it; `released` must follow.
   */
  acquire(specificationId: string): Promise<OpenDocument> {
    this.cancelUnload(specificationId);
    let document = this.open.get(specificationId);
    if (!document) {
      document = this.load(specificationId);
      this.open.set(specificationId, document);
      // A failed load is not cached: the next join tries again.
      document.catch(() => {
        if (this.open.get(specificationId) === document) this.open.delete(specificationId);
      });
    }
    return document;
  }

  /** Called when a member left: unload once nobody has come back within the grace. */
  released(document: OpenDocument): void {
    if (this.shuttingDown || document.memberCount > 0) return;
    const id = document.specificationId;
    this.cancelUnload(id);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(id);
      if (document.memberCount === 0) {
        void this.unload(document, Date.now() + this.settings.limits.shutdownGraceMs);
      }
    }, this.settings.limits.unloadGraceMs);
    this.unloadTimers.set(id, timer);
  }

  /** The documents currently in memory, for tests and the health of the module. */
  get openCount(): number {
    return this.open.size;
  }

  /**
   * Unloads every open specification, storing what can be stored within the shutdown
   * grace, so a database that is down cannot keep the app from stopping.
   */
  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const deadline = Date.now() + this.settings.limits.shutdownGraceMs;
    await Promise.all([
      ...[...this.open].map(([id, loading]) => this.unloadOnceLoaded(id, loading, deadline)),
      ...this.unloading.values(),
    ]);
  }

  private async load(specificationId: string): Promise<OpenDocument> {
    await this.unloading.get(specificationId);
    return OpenDocument.load(specificationId, {
      store: this.store,
      limits: this.settings.limits,
      channel: {
        broadcast: (event, args, exceptConnectionId) =>
          this.connections.toSpecification(specificationId, event, args, exceptConnectionId),
      },
      initialContent: () => initialSpecificationUpdate(),
      edited: (userId, update) => {
        this.editors.edited(specificationId, userId);
        if (update) this.kinds.edited(specificationId, userId, update);
      },
    });
  }

  private async unloadOnceLoaded(
    id: string,
    loading: Promise<OpenDocument>,
    deadline: number,
  ): Promise<void> {
    if (!(await settlesWithin(loading, deadline - Date.now()))) {
      // Nobody could edit it before it loaded, so there is nothing of theirs to store.
      this.logger.warn(`specification ${id} was still loading at shutdown; left unloaded`);
      return;
    }
    const document = await loading.catch(() => null);
    if (document) await this.unload(document, deadline);
  }

  /**
   * Stores what its members wrote, folds the log into the snapshot and frees it, giving
   * up at the deadline so that neither a shutdown nor a later load of the same
   * specification waits on a database that does not answer.
   */
  private unload(document: OpenDocument, deadline: number): Promise<void> {
    const id = document.specificationId;
    const current = this.open.get(id);
    // Unloaded once: only while its id is still registered.
    if (!current) return Promise.resolve();
    this.open.delete(id);
    const unloading = (async () => {
      try {
        if (!(await settlesWithin(document.settle(), deadline - Date.now()))) {
          const unsaved = document.abandonUnsaved();
          this.logger.warn(
            `specification ${id}: edits not stored within the ${this.graceSeconds} s grace ` +
              `(${unsaved} update${unsaved === 1 ? '' : 's'}), given up; ` +
              `its members' browsers keep unsaved edits (IndexedDB) and send them again when they reconnect`,
          );
          return;
        }
        // Only after edits: people who only read a specification never cause a write.
        if (document.editedSinceLoad && document.logEntryCount > 0) {
          // Compaction failing or unfinished loses nothing: the log is folded next time.
          await settlesWithin(document.compact(), deadline - Date.now());
        }
      } catch (error) {
        this.logger.error(`unloading ${id}: ${String(error)}`);
      } finally {
        document.destroy();
        this.unloading.delete(id);
      }
    })();
    this.unloading.set(id, unloading);
    return unloading;
  }

  private get graceSeconds(): number {
    return this.settings.limits.shutdownGraceMs / 1000;
  }

  private cancelUnload(specificationId: string): void {
    const timer = this.unloadTimers.get(specificationId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(specificationId);
    }
  }
}

/**
 * Waits for `work` to settle (either way), but no longer than `ms`: true if it settled in
 * time. The timer is cleared as soon as the answer is known.
 */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  const settled = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
