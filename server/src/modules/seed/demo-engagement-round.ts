import { Y } from '@coproduce/protocol';
import { findWords, plainTextOf } from '@coproduce/specification-document';

/** One provider's wording in the demo round's engagement copy. */
interface DemoCopyEdit {
  /** Words of the demo draft the edit is next to. */
  after: string;
  insert?: string;
  /** Words right after `after` that the provider deleted. */
  remove?: string;
}

/**
 * A market engagement round held before event 3, closed since, whose changes wait for the
 * commissioner to bring back: the demo provider asked for school to be named, for the
 * extension options and against one of the measures.
 */
export const DEMO_ROUND = {
  title: 'Providers’ wording on the draft specification',
  event: 'market-3',
  opensDaysAgo: 67,
  closesDaysAgo: 58,
  edits: [
    {
      after: 'make life at home more stable,',
      insert: ' help them stay in their local school,',
    },
    {
      after: 'The contract is for five years from the day the service starts',
      insert: ', with options to extend it by two years and then two more',
    },
    {
      after: 'Fewer children and young people are readmitted to hospital',
      remove: ', and more families use a personal budget',
    },
  ] as DemoCopyEdit[],
};

/** What one provider wrote in the copy: their update, and the Yjs client they wrote as. */
export interface DemoCopyWriting {
  client: number;
  update: Uint8Array;
  /** The fork's characters they deleted, as the server records them. */
  deletions: { client: number; clock: number; length: number }[];
}

/** A provider's edits made on their own replica of the fork, as their browser would. */
export function demoCopyWriting(
  forkState: Uint8Array,
  edits: readonly DemoCopyEdit[],
): DemoCopyWriting {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, forkState);
  const before = Y.encodeStateVector(replica);
  for (const edit of edits) {
    const place = findWords(replica, edit.after);
    if (!place) throw new Error(`The demo draft has no "${edit.after}" for the round`);
    const at = place.index + edit.after.length;
    if (edit.remove) {
      if (plainTextOf(place.text).slice(at, at + edit.remove.length) !== edit.remove) {
        throw new Error(`The demo draft has no "${edit.remove}" after "${edit.after}"`);
      }
      place.text.delete(at, edit.remove.length);
    }
    if (edit.insert) place.text.insert(at, edit.insert);
  }
  const update = Y.encodeStateAsUpdate(replica, before);
  const deletions = [...Y.decodeUpdate(update).ds.clients].flatMap(([client, ranges]) =>
    ranges.map((range) => ({ client, clock: range.clock, length: range.len })),
  );
  const client = replica.clientID;
  replica.destroy();
  return { client, update, deletions };
}
