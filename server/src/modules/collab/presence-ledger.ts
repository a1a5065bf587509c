import {
  Y,
  encodeAwarenessStates,
  presenceProblem,
  type AwarenessEntry,
  type Presence,
} from '@coproduce/protocol';
import { BadMessage, Forbidden } from '../../base/errors';
import type { CollabRefusal } from './collab-error';
import type { DocumentMember } from './document-member';

/**
 * Presences one connection may share at once. A browser tab shares one (its Y.Doc's
 * client id); Yjs gives a document a new client id when it meets its own in someone
 * else's update, and the old presence lingers until it times out, so one more is allowed.
 */
export const MAX_PRESENCES_PER_CONNECTION = 2;

/** Either the awareness update to apply (the states as the server vouches for them), or why not. */
export type PresenceAdmission =
  | { update: Uint8Array; refusal?: undefined }
  | { refusal: CollabRefusal<'forbidden' | 'bad-message'> };

/**
 * Who shares which presence in one open document, and what they weigh, so that nobody
 * can speak for someone else, break other people's editors with a state the client cannot
 * draw, or fill the server and everyone's browser with presences. A frame is admitted
 * whole or not at all.
 */
export class PresenceLedger {
  /** Which member (connection id) set each awareness client id. */
  private readonly owners = new Map<number, string>();
  /** The encoded size of each state the document holds, and their sum. */
  private readonly sizes = new Map<number, number>();
  private totalBytes = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxBytes: number,
  ) {}

  /**
   * Checks an awareness frame from `member` and returns the update to apply: each state
   * of the one shape the client writes, with name and role from the account and
   * membership, and a cursor that points at text this document does not hold (yet)
   * left out rather than relayed.
   */
  admit(
    member: DocumentMember,
    entries: readonly AwarenessEntry[],
    samePerson: (connectionId: string) => boolean,
    present: ReadonlyMap<number, unknown>,
  ): PresenceAdmission {
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      // The same person on a new connection (a reconnect the server has not yet seen
      // the old socket drop from) takes their presence over; nobody else may.
      if (owner !== undefined && owner !== member.connectionId && !samePerson(owner)) {
        return { refusal: new Forbidden('That presence belongs to someone else.') };
      }
    }
    const attested: Array<{ entry: AwarenessEntry; json: string | null }> = [];
    for (const entry of entries) {
      if (entry.state === null) {
        attested.push({ entry, json: null });
        continue;
      }
      const problem = presenceProblem(entry.state);
      if (problem) {
        return {
          refusal: new BadMessage(`${problem} Your presence was not shared; reload the page.`),
        };
      }
      attested.push({ entry, json: JSON.stringify(this.attest(entry.state as Presence, member)) });
    }

    const owned = new Set(
      [...this.owners]
        .filter(([clientId, owner]) => owner === member.connectionId && present.has(clientId))
        .map(([clientId]) => clientId),
    );
    let bytes = this.totalBytes;
    for (const { entry, json } of attested) {
      bytes -= this.sizes.get(entry.clientId) ?? 0;
      if (json === null) owned.delete(entry.clientId);
      else {
        owned.add(entry.clientId);
        bytes += Buffer.byteLength(json);
      }
    }
    if (owned.size > MAX_PRESENCES_PER_CONNECTION) {
      return {
        refusal: new BadMessage(
          `One connection shares at most ${MAX_PRESENCES_PER_CONNECTION} presences; this would make ${owned.size}. Nothing was shared.`,
        ),
      };
    }
    if (bytes > this.maxBytes && bytes > this.totalBytes) {
      return {
        refusal: new BadMessage(
          'This specification is showing as many people as it can; your presence was not shared. The text still saves and updates.',
        ),
      };
    }

    for (const { entry, json } of attested) {
      if (json === null) this.owners.delete(entry.clientId);
      else this.owners.set(entry.clientId, member.connectionId);
    }
    return {
      update: encodeAwarenessStates(
        attested.map(({ entry, json }) => ({
          clientId: entry.clientId,
          clock: entry.clock,
          json: json ?? 'null',
        })),
      ),
    };
  }

  /** The client ids `connectionId` set. */
  ownedBy(connectionId: string): number[] {
    return [...this.owners].filter(([, owner]) => owner === connectionId).map(([id]) => id);
  }

  /** The client ids `connectionId` set, which go with it when it leaves. */
  leave(connectionId: string): number[] {
    const owned = [...this.owners].filter(([, owner]) => owner === connectionId);
    for (const [clientId] of owned) this.owners.delete(clientId);
    return owned.map(([clientId]) => clientId);
  }

  /** Keeps the weight of the document's presences in step with the awareness it guards. */
  changed(clientIds: readonly number[], states: ReadonlyMap<number, unknown>): void {
    for (const clientId of clientIds) {
      this.totalBytes -= this.sizes.get(clientId) ?? 0;
      const state = states.get(clientId);
      if (state === undefined || state === null) {
        this.sizes.delete(clientId);
        continue;
      }
      const size = Buffer.byteLength(JSON.stringify(state));
      this.sizes.set(clientId, size);
      this.totalBytes += size;
    }
  }

  /** Name and role from the account and membership, not from what the client claims. */
  private attest(state: Presence, member: DocumentMember): Presence {
    const attested: Presence = { user: { ...state.user, name: member.name, role: member.role } };
    if (state.cursor !== undefined) {
      attested.cursor = state.cursor && this.holdsCursor(state.cursor) ? state.cursor : null;
    }
    return attested;
  }

  /**
   * Whether the text a cursor points at is in this document. An honest client can be
   * ahead of the server (its edits are sent after it has synced), so a cursor that is not
   * is dropped quietly rather than refused.
   */
  private holdsCursor(cursor: NonNullable<Presence['cursor']>): boolean {
    return [cursor.anchor, cursor.head].every(
      ({ type, tname, item }) =>
        (tname === null || this.doc.share.has(tname)) && this.holds(type) && this.holds(item),
    );
  }

  private holds(id: { client: number; clock: number } | null): boolean {
    return id === null || id.clock < Y.getState(this.doc.store, id.client);
  }
}
