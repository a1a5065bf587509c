import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from './message-type';

function syncFrame(step: number, body: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, body);
  return encoding.toUint8Array(encoder);
}

/** "Here is what I have": an encoded state vector (`Y.encodeStateVector`). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SyncMessageType.step1, stateVector);
}

/** The answer to step 1: an update with what the other side lacks (`Y.encodeStateAsUpdate(doc, sv)`). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(SyncMessageType.step2, update);
}

/** A live document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SyncMessageType.update, update);
}

/** An awareness update (`encodeAwarenessUpdate` from y-protocols/awareness). */
export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** Asks the other side to send every awareness state it knows. */
export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.queryAwareness);
  return encoding.toUint8Array(encoder);
}

/**
 * An awareness update (y-protocols' encoding, what `encodeAwarenessUpdate` makes) of states
 * already encoded as JSON, `null` for a client that left: for a side that checks and
 * rewrites states before passing them on.
 */
export function encodeAwarenessStates(
  states: ReadonlyArray<{ clientId: number; clock: number; json: string }>,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const { clientId, clock, json } of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
