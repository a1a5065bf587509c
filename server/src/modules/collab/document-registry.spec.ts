import { Logger } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import type { CollabLimits, CollabSettings } from './collab-settings';
import type { ConnectionRegistry } from '../connections/connection-registry';
import type { LiveDocumentKinds } from './live-document-kinds';
import { DocumentRegistry } from './document-registry';
import type { SpecificationEditors } from './specification-editors';
import { SpecificationReader } from './specification-reader';
import {
  SpecificationStore,
  type Compaction,
  type LogEntry,
  type StoredSpecification,
} from '../specification-store/specification-store';

/**
 * A store in memory that the test can make refuse one specification's appends (as a
 * database would after a schema change), or never answer a load.
 */
class SpecificationStoreInMemory extends SpecificationStore {
  readonly logs = new Map<string, LogEntry[]>();
  readonly snapshots = new Map<string, Uint8Array>();
  readonly refusing = new Set<string>();
  readonly neverLoading = new Set<string>();

  load(specificationId: string): Promise<StoredSpecification> {
    if (this.neverLoading.has(specificationId)) return new Promise(() => undefined);
    const snapshot = this.snapshots.get(specificationId);
    return Promise.resolve({
      snapshot: snapshot ? { state: snapshot, version: 1 } : null,
      log: [...(this.logs.get(specificationId) ?? [])],
    });
  }

  remove(specificationId: string): Promise<void> {
    this.logs.delete(specificationId);
    this.snapshots.delete(specificationId);
    return Promise.resolve();
  }

  async append(specificationId: string, entries: LogEntry[]): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.refusing.has(specificationId)) throw new Error('Document failed validation');
    this.logs.set(specificationId, [...(this.logs.get(specificationId) ?? []), ...entries]);
  }

  async compact(
    specificationId: string,
    { state, folded }: Compaction,
  ): Promise<{ version: number; state: Uint8Array }> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.refusing.has(specificationId)) throw new Error('Document failed validation');
    this.snapshots.set(specificationId, state);
    const isFolded = (entry: LogEntry) =>
      folded.some(
        (run) => run.writer === entry.writer && entry.seq >= run.fromSeq && entry.seq <= run.toSeq,
      );
    this.logs.set(
      specificationId,
      (this.logs.get(specificationId) ?? []).filter((entry) => !isFolded(entry)),
    );
    return { version: 1, state };
  }

  /** What a fresh load would see. */
  textOf(specificationId: string): string {
    const doc = new Y.Doc();
    const snapshot = this.snapshots.get(specificationId);
    for (const update of [
      ...(snapshot ? [snapshot] : []),
      ...(this.logs.get(specificationId) ?? []).map((entry) => entry.update),
    ])
      Y.applyUpdate(doc, update);
    return doc.getText('notes').toString();
  }
}

const LIMITS: CollabLimits = {
  maxFrameBytes: 1024 * 1024,
  unloadGraceMs: 0,
  compactAfterEntries: 500,
  compactAfterBytes: 1024 * 1024,
  warnAboveBytes: 4 * 1024 * 1024,
  maxBatchBytes: 8 * 1024 * 1024,
  shutdownGraceMs: 300,
  maxPresenceBytes: 256 * 1024,
  editNoticeMs: 30_000,
};

const NOBODY_LISTENING = { toSpecification: () => undefined } as unknown as ConnectionRegistry;
const NO_EDITORS = { edited: () => undefined } as unknown as SpecificationEditors;
const NO_OTHER_KINDS = { edited: () => undefined } as unknown as LiveDocumentKinds;

describe('the open specifications, as the database fails', () => {
  let store: SpecificationStoreInMemory;
  let registry: DocumentRegistry;
  let warnings: string[];

  beforeEach(() => {
    store = new SpecificationStoreInMemory();
    registry = new DocumentRegistry(
      store,
      { limits: LIMITS } as CollabSettings,
      NOBODY_LISTENING,
      NO_EDITORS,
      NO_OTHER_KINDS,
    );
    warnings = [];
    jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((message: unknown) => void warnings.push(String(message)));
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    // Writers given up on stop failing, so nothing retries into the next test.
    store.refusing.clear();
    jest.restoreAllMocks();
  });

  it('shutdown stores what was written and folds the log into the snapshot', async () => {
    const document = await registry.acquire('spec-a');
    document.doc.getText('notes').insert(0, 'Key workers for every child on the register.');

    await registry.onApplicationShutdown();

    expect(store.snapshots.has('spec-a')).toBe(true);
    expect(store.logs.get('spec-a')).toEqual([]);
    expect(store.textOf('spec-a')).toBe('Key workers for every child on the register.');
    expect(warnings).toEqual([]);
  });

  it('shutdown gives up on a specification the database refuses, after the grace, naming it; the others are stored', async () => {
    const refused = await registry.acquire('spec-refused');
    const accepted = await registry.acquire('spec-accepted');
    store.refusing.add('spec-refused');
    refused.doc.getText('notes').insert(0, 'Lost to validation');
    accepted.doc.getText('notes').insert(0, 'Stored');

    const started = Date.now();
    await registry.onApplicationShutdown();

    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.shutdownGraceMs - 20);
    expect(Date.now() - started).toBeLessThan(LIMITS.shutdownGraceMs + 1_000);
    expect(store.textOf('spec-accepted')).toBe('Stored');
    expect(store.textOf('spec-refused')).toBe('');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('spec-refused');
    expect(warnings[0]).toContain('(1 update)');
    expect(warnings[0]).toContain('IndexedDB');
  });

  it('a specification still loading when shutdown starts does not hold it up', async () => {
    store.neverLoading.add('spec-slow');
    void registry.acquire('spec-slow');

    const started = Date.now();
    await registry.onApplicationShutdown();

    expect(Date.now() - started).toBeLessThan(LIMITS.shutdownGraceMs + 1_000);
    expect(warnings).toEqual([expect.stringContaining('spec-slow')]);
  });

  it('an unload that cannot store its edits gives up after the grace, so opening the specification again is not held up', async () => {
    const first = await registry.acquire('spec-a');
    store.refusing.add('spec-a');
    first.doc.getText('notes').insert(0, 'Not stored');
    registry.released(first);
    await new Promise((resolve) => setTimeout(resolve, 10));

    const started = Date.now();
    const reopened = await registry.acquire('spec-a');

    expect(Date.now() - started).toBeLessThan(LIMITS.shutdownGraceMs + 1_000);
    expect(reopened).not.toBe(first);
    expect(warnings).toEqual([expect.stringContaining('spec-a')]);
    await registry.onApplicationShutdown();
  });

  it('an unload waits for a write that succeeds within the grace, and a reopen then reads it', async () => {
    const first = await registry.acquire('spec-a');
    first.doc.getText('notes').insert(0, 'Written just before leaving');
    registry.released(first);
    await new Promise((resolve) => setTimeout(resolve, 0));

    const reopened = await registry.acquire('spec-a');

    expect(reopened).not.toBe(first);
    expect(reopened.doc.getText('notes').toString()).toBe('Written just before leaving');
    await registry.onApplicationShutdown();
  });

  it('a feature reads the current text without joining, and edits to its copy go nowhere', async () => {
    const open = await registry.acquire('spec-a');
    open.doc.getText('notes').insert(0, 'Typed a moment ago');
    const reader = new SpecificationReader(registry);

    const copy = await reader.read('spec-a');
    copy.getText('notes').insert(0, 'Not an edit: ');

    expect(copy.getText('notes').toString()).toBe('Not an edit: Typed a moment ago');
    expect(open.doc.getText('notes').toString()).toBe('Typed a moment ago');
    copy.destroy();
    await registry.onApplicationShutdown();
    expect(store.textOf('spec-a')).toBe('Typed a moment ago');
  });

  it('reading a specification nobody has open opens it, then lets it go', async () => {
    const writer = await registry.acquire('spec-b');
    writer.doc.getText('notes').insert(0, 'Stored earlier');
    registry.released(writer);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.openCount).toBe(0);

    const state = await new SpecificationReader(registry).state('spec-b');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);

    expect(doc.getText('notes').toString()).toBe('Stored earlier');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.openCount).toBe(0);
  });
});
