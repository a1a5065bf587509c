import * as decoding from 'lib0/decoding';

/** Decodes a state vector (client id → next clock) without needing Yjs's decoder types. */
export function readStateVector(stateVector: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(stateVector);
  const count = decoding.readVarUint(decoder);
  const clocks = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    clocks.set(client, decoding.readVarUint(decoder));
  }
  return clocks;
}

/**
 * True when everything in `local` is also in `durable`: both are state vectors, and
 * a replica's edits are saved once the server's durable state vector reaches every
 * clock the replica holds (its own edits, and edits it restored from local storage).
 */
export function stateVectorCovers(
  durable: Map<number, number>,
  local: Map<number, number>,
): boolean {
  for (const [client, clock] of local) {
    if ((durable.get(client) ?? 0) < clock) return false;
  }
  return true;
}
