import { CollabEvent, encodeUpdate, Y } from '@coproduce/protocol';
import type { DocumentChannel } from './document-channel';

/**
 * Relays a document's updates to its members, merged per event-loop turn: when many
 * people type at once, each member gets one message per turn rather than one per
 * keystroke. A turn's updates from a single member skip that member; updates from
 * several go to everyone (an echo of one's own edit is a no-op to Yjs).
 */
export class UpdateRelay {
  private pending: Uint8Array[] = [];
  private origins = new Set<string | undefined>();
  private scheduled = false;

  constructor(
    private readonly specificationId: string,
    private readonly channel: DocumentChannel,
  ) {}

  relay(update: Uint8Array, originConnectionId: string | undefined): void {
    this.pending.push(update);
    this.origins.add(originConnectionId);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const updates = this.pending;
    const origins = this.origins;
    this.pending = [];
    this.origins = new Set();
    this.scheduled = false;
    if (updates.length === 0) return;
    const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    const except = origins.size === 1 ? [...origins][0] : undefined;
    this.channel.broadcast(CollabEvent.yjs, [this.specificationId, encodeUpdate(merged)], except);
  }
}
