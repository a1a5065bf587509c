/** y-websocket's outer message types (a leading varUint in every `yjs` frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  queryAwareness: 3,
} as const;

/** The sync sub-messages of y-protocols/sync. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
