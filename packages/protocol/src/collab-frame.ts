/** A decoded `yjs` frame: exactly one y-websocket message. */
export type CollabFrame =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

/** One client's presence in an awareness update; `state` null means the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}
