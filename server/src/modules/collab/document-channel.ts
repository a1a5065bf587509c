import type { CollabServerEvents } from '@coproduce/protocol';

/**
 * How an open document reaches all its members at once. The gateway implements it
 * with a socket.io room, which encodes a broadcast once for every member.
 */
export interface DocumentChannel {
  broadcast<E extends keyof CollabServerEvents>(
    event: E,
    args: Parameters<CollabServerEvents[E]>,
    exceptConnectionId?: string,
  ): void;
}
