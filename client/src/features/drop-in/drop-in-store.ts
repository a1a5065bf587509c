import type {
  AppliedCountChange,
  EngagementEventType,
  FeedbackTheme,
  ReachCount,
} from '@coproduce/domain';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Entry } from './outbox';

/** What the drop-in page last heard about its event, so it opens with no connection. */
export interface KeptEvent {
  /** `userId/eventId`: each person's copy is their own. */
  key: string;
  userId: string;
  workspaceId: string;
  eventId: string;
  title: string;
  type: EngagementEventType;
  startsAt: string;
  place: string;
  reach: ReachCount[];
  total: number;
  themes: Pick<FeedbackTheme, 'id' | 'name'>[];
  /** The person may count (engagement.manage) and give feedback (feedback.give). */
  mayCount: boolean;
  mayGiveFeedback: boolean;
  keptAt: number;
}

interface DropInDatabase extends DBSchema {
  entries: { key: string; value: Entry; indexes: { byUser: string } };
  events: { key: string; value: KeptEvent };
}

/** When the browser would not keep an entry (storage refused or full). */
export const NOT_KEPT =
  'This could not be saved on this device, so it is not recorded. Check that this browser lets Coproduce keep data (not a private window) and try again.';

/** Not named like a specification's copy (`coproduce-specification-…`): kept apart from those. */
export const DROP_IN_DATABASE = 'coproduce-drop-in';

let opening: Promise<IDBPDatabase<DropInDatabase>> | undefined;

function database(): Promise<IDBPDatabase<DropInDatabase>> {
  opening ??= openDB<DropInDatabase>(DROP_IN_DATABASE, 1, {
    upgrade(db) {
      const entries = db.createObjectStore('entries', { keyPath: 'id' });
      entries.createIndex('byUser', 'userId');
      db.createObjectStore('events', { keyPath: 'key' });
    },
    // Another tab has a newer version of the app: let it upgrade, and open afresh next time.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
  });
  return opening;
}

export const keptEventKey = (userId: string, eventId: string) => `${userId}/${eventId}`;

/**
 * Keeps an entry on the device. The transaction is committed with strict durability: it
 * resolves only once the browser has flushed it to disk, so an entry shown as saved
 * survives a closed tab, a crash or a flat battery.
 */
export async function keepEntry(entry: Entry): Promise<void> {
  const db = await database();
  const tx = db.transaction('entries', 'readwrite', { durability: 'strict' });
  await Promise.all([tx.store.put(entry), tx.done]);
}

export async function entriesOf(userId: string): Promise<Entry[]> {
  const db = await database();
  return db.getAllFromIndex('entries', 'byUser', userId);
}

/**
 * Marks a batch of counts acknowledged and keeps the server's counts they produced, in one
 * transaction: the page never shows them both waiting and counted.
 */
export async function countsAcknowledged(
  userId: string,
  eventId: string,
  applied: readonly AppliedCountChange[],
  counts: { reach: ReachCount[]; total: number },
): Promise<void> {
  const db = await database();
  const tx = db.transaction(['entries', 'events'], 'readwrite', { durability: 'strict' });
  const entries = tx.objectStore('entries');
  for (const { clientId } of applied) {
    const entry = await entries.get(clientId);
    if (entry && entry.userId === userId) await entries.put({ ...entry, state: 'sent' });
  }
  const events = tx.objectStore('events');
  const kept = await events.get(keptEventKey(userId, eventId));
  if (kept) await events.put({ ...kept, ...counts, keptAt: Date.now() });
  await tx.done;
}

/** Marks entries sent, or refused for good with the server's reason. */
export async function settleEntries(
  ids: readonly string[],
  state: 'sent' | 'refused',
  problem?: string,
): Promise<void> {
  const db = await database();
  const tx = db.transaction('entries', 'readwrite', { durability: 'strict' });
  for (const id of ids) {
    const entry = await tx.store.get(id);
    if (entry) await tx.store.put({ ...entry, state, ...(problem ? { problem } : {}) });
  }
  await tx.done;
}

/** Takes a refused entry off the device, when the person has read why. */
export async function removeEntry(id: string): Promise<void> {
  const db = await database();
  await db.delete('entries', id);
}

export async function keepEvent(event: KeptEvent): Promise<void> {
  const db = await database();
  await db.put('events', event);
}

export async function keptEvent(userId: string, eventId: string): Promise<KeptEvent | undefined> {
  const db = await database();
  return db.get('events', keptEventKey(userId, eventId));
}

/**
 * At sign-out: drops the copies of events and everything the server already has. What is
 * still waiting stays, for its person to send when they sign in again on this device; it is
 * never sent as anyone else.
 */
export async function forgetSentDropIns(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await database();
  const tx = db.transaction(['entries', 'events'], 'readwrite');
  await tx.objectStore('events').clear();
  let cursor = await tx.objectStore('entries').openCursor();
  while (cursor) {
    if (cursor.value.state !== 'waiting') await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}
