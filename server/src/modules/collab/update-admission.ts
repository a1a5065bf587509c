import { Y } from '@coproduce/protocol';

/**
 * What an incoming Yjs update would do to a document, worked out before it touches it.
 *
 * Yjs never rejects an update: one whose dependencies are missing is parked as
 * "pending" inside the document, and a malformed one can throw half-way through being
 * applied. Either would leave the server's document differing from what it stores and
 * relays, so an update is admitted only if it decodes in full and every struct it adds,
 * every item it points at and every deletion it makes is either already in the document
 * or in the update itself. Honest clients always meet this: they answer the server's
 * sync step 1 before sending live updates, and a socket keeps their order.
 */
export type UpdateAdmission =
  { verdict: 'changes' } | { verdict: 'no-op' } | { verdict: 'refused'; reason: string };

export function admitUpdate(doc: Y.Doc, update: Uint8Array): UpdateAdmission {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { verdict: 'refused', reason: 'the update does not decode' };
  }
  // What the document holds of each client the update touches, and what it will once the
  // update's own structs are counted: looked up per client, not a copy of the whole state
  // vector (a long-lived document has edits from thousands of clients).
  const before = (client: number): number => Y.getState(doc.store, client);
  const known = new Map<number, number>();
  const holds = (client: number): number => known.get(client) ?? before(client);
  let addsStructs = false;

  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  for (const struct of decoded.structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const [client, structs] of byClient) {
    structs.sort((a, b) => a.id.clock - b.id.clock);
    let next = before(client);
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      if (struct.id.clock > next) {
        return {
          verdict: 'refused',
          reason: 'the update depends on edits the server has not seen',
        };
      }
      next = Math.max(next, struct.id.clock + struct.length);
    }
    if (next > before(client)) addsStructs = true;
    known.set(client, next);
  }

  const has = (id: Y.ID | null): boolean => id === null || id.clock < holds(id.client);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!has(struct.origin) || !has(struct.rightOrigin) || !has(parent)) {
      return { verdict: 'refused', reason: 'the update points at edits the server has not seen' };
    }
  }

  let deletesNew = false;
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.len <= 0) continue;
      if (range.clock + range.len > holds(client)) {
        return { verdict: 'refused', reason: 'the update deletes edits the server has not seen' };
      }
      // A client restored from its own copy re-sends every deletion it knows of; only
      // one the document has not made yet is an edit (no need to look once it is one).
      if (addsStructs || deletesNew) continue;
      deletesNew = !isAlreadyDeleted(doc, client, range.clock, range.len, before(client));
    }
  }
  return addsStructs || deletesNew ? { verdict: 'changes' } : { verdict: 'no-op' };
}

/**
 * Whether every struct of `client` in [clock, clock + len) is deleted in the document
 * already. Walks only the structs the range covers, so the cost follows the update, not
 * the document. Clocks at or past `held` are structs arriving in this very update.
 */
function isAlreadyDeleted(
  doc: Y.Doc,
  client: number,
  clock: number,
  len: number,
  held: number,
): boolean {
  const end = clock + len;
  if (end > held) return false;
  const structs = doc.store.clients.get(client);
  if (structs === undefined) return false;
  let at = clock;
  for (let index = Y.findIndexSS(structs, clock); at < end; index++) {
    const struct = structs[index];
    if (struct === undefined || !struct.deleted) return false;
    at = struct.id.clock + struct.length;
  }
  return true;
}
