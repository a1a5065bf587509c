import type { LiveAccess } from './live-document-kinds';

/** The most accesses kept at once: the oldest goes first. */
const MOST_REMEMBERED = 20_000;

interface Remembered {
  /** What the access was decided on: see JoinedDocuments.accessStamp. */
  stamp: string;
  access: LiveAccess;
}

/**
 * People's access to live documents, as last looked up, so that a storm of joins (every
 * open editor reconnecting after a deploy or a network blip) asks the store once per
 * person and document rather than once per socket. An access is reused only while
 * nothing it was decided on has changed: each is kept with a stamp of the counts that
 * the membership watcher, archiving and the kinds' own changes bump (JoinedDocuments),
 * and an access that changes by itself (`changesAt`) is not kept past then.
 */
export class RememberedAccess {
  private readonly remembered = new Map<string, Remembered>();

  constructor(private readonly now: () => number = Date.now) {}

  recall(docId: string, userId: string, stamp: string): LiveAccess | undefined {
    const key = keyOf(docId, userId);
    const found = this.remembered.get(key);
    if (!found) return undefined;
    const { changesAt } = found.access;
    if (found.stamp === stamp && (changesAt === undefined || changesAt > this.now())) {
      return found.access;
    }
    this.remembered.delete(key);
    return undefined;
  }

  remember(docId: string, userId: string, stamp: string, access: LiveAccess): void {
    const key = keyOf(docId, userId);
    this.remembered.delete(key);
    if (this.remembered.size >= MOST_REMEMBERED) {
      const oldest = this.remembered.keys().next();
      if (!oldest.done) this.remembered.delete(oldest.value);
    }
    this.remembered.set(key, { stamp, access });
  }

  /** Forgets everything (a workspace archived or restored: every access in it changed). */
  clear(): void {
    this.remembered.clear();
  }

  get size(): number {
    return this.remembered.size;
  }
}

function keyOf(docId: string, userId: string): string {
  return `${docId}:${userId}`;
}
