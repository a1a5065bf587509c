import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CollabSettings } from './collab-settings';
import type { DocumentChannel } from './document-channel';
import { OpenDocument } from './open-document';
import { writeSpecificationTemplate } from './specification-template-content';
import { SpecificationStore } from './specification-store';

/**
 * The specifications open in this server. A document is loaded on its first join and
 * unloaded a grace period after its last member leaves, so memory follows what people
 * have open rather than what is stored. Loading waits for an unload of the same
 * specification to finish writing, so it never reads a state older than what was saved.
 */
@Injectable()
export class DocumentRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger(DocumentRegistry.name);
  private readonly open = new Map<string, Promise<OpenDocument>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: SpecificationStore,
    private readonly settings: CollabSettings,
  ) {}

  /** The open document for a specification, loading it if needed. */
  acquire(specificationId: string, channel: DocumentChannel): Promise<OpenDocument> {
    this.cancelUnload(specificationId);
    let document = this.open.get(specificationId);
    if (!document) {
      document = this.load(specificationId, channel);
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
    if (document.memberCount > 0) return;
    const id = document.specificationId;
    this.cancelUnload(id);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(id);
      if (document.memberCount === 0) void this.unload(document);
    }, this.settings.limits.unloadGraceMs);
    this.unloadTimers.set(id, timer);
  }

  /** The documents currently in memory, for tests and the health of the module. */
  get openCount(): number {
    return this.open.size;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const documents = await Promise.allSettled([...this.open.values()]);
    await Promise.all(
      documents.map((result) => (result.status === 'fulfilled' ? this.unload(result.value) : null)),
    );
    await Promise.all(this.unloading.values());
  }

  private async load(specificationId: string, channel: DocumentChannel): Promise<OpenDocument> {
    await this.unloading.get(specificationId);
    return OpenDocument.load(specificationId, this.store, this.settings.limits, channel, (doc) =>
      writeSpecificationTemplate(doc),
    );
  }

  private unload(document: OpenDocument): Promise<void> {
    const id = document.specificationId;
    const current = this.open.get(id);
    // Unloaded once: only while its id is still registered.
    if (!current) return Promise.resolve();
    this.open.delete(id);
    const unloading = (async () => {
      try {
        await document.settle();
        if (document.logEntryCount > 0) await document.compact();
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

  private cancelUnload(specificationId: string): void {
    const timer = this.unloadTimers.get(specificationId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(specificationId);
    }
  }
}
