import { clearDocument } from 'y-indexeddb';

/** What every specification's copy kept in this browser's IndexedDB is named after. */
const LOCAL_DRAFT_PREFIX = 'coproduce-specification-';

/**
 * The IndexedDB database that keeps one person's copy of one live document (a
 * specification's draft, or a round's engagement copy, each by its own docId): per
 * person, so someone else signing in on this browser never sees or sends another's
 * edits. Engagement copies share the prefix, so signing out forgets them too.
 */
export function localDraftName(userId: string, docId: string): string {
  return `${LOCAL_DRAFT_PREFIX}${userId}-${docId}`;
}

/**
 * Removes every specification copy kept in this browser, at sign-out: a shared or lost
 * computer must not keep drafts. A copy still open in another tab goes when that tab
 * closes it (the browser queues the deletion), so this does not wait for them.
 */
export async function forgetLocalDrafts(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  for (const { name } of databases) {
    if (name?.startsWith(LOCAL_DRAFT_PREFIX)) void clearDocument(name);
  }
}

/**
 * Removes one person's copy of one specification: when the draft is no longer theirs
 * to read (made provider), opening its address must not leave it in this browser.
 */
export async function forgetLocalDraft(userId: string, specificationId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await clearDocument(localDraftName(userId, specificationId));
}
