import { Logger } from '@nestjs/common';
import { CollabEvent, encodeUpdate, Y } from '@coproduce/protocol';
import type { DocumentChannel } from './document-channel';

/**
 * Relays a document's updates to its members. The first update of an event-loop turn
 * goes out at once, as it is applied, so an edit reaches the others before the server
 * does anything else with it (store it, attribute it, tell its sender it is saved); the
 * updates that follow in the same turn are merged and go out at its end, so when many
 * people type at once each member gets at most two messages per turn rather than one
 * per keystroke. Updates from a single member skip that member; merged updates from
 * several go to everyone (an echo of one's own edit is a no-op to Yjs).
 */
export class UpdateRelay {
  private readonly logger: Logger;
  private pending: Uint8Array[] = [];
  private origins = new Set<string | undefined>();
  /** An update went out at once in this turn: the rest of the turn's wait for its end. */
  private sentThisTurn = false;

  constructor(
    private readonly specificationId: string,
    private readonly channel: DocumentChannel,
  ) {
    this.logger = new Logger(`UpdateRelay ${specificationId}`);
  }

  relay(update: Uint8Array, originConnectionId: string | undefined): void {
    if (this.sentThisTurn) {
      this.pending.push(update);
      this.origins.add(originConnectionId);
      return;
    }
    this.sentThisTurn = true;
    setImmediate(() => this.endTurn());
    this.send(update, originConnectionId);
  }

  private endTurn(): void {
    this.sentThisTurn = false;
    const updates = this.pending;
    const origins = this.origins;
    if (updates.length === 0) return;
    this.pending = [];
    this.origins = new Set();
    const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    this.send(merged, origins.size === 1 ? [...origins][0] : undefined);
  }

  /**
   * Runs inside the document's update event: a failure here must not look like the
   * update failing to apply (it has been applied and will be stored), so it is logged.
   */
  private send(update: Uint8Array, except: string | undefined): void {
    try {
      this.channel.broadcast(CollabEvent.yjs, [this.specificationId, encodeUpdate(update)], except);
    } catch (error) {
      this.logger.error(`relaying an update: ${String(error)}`);
    }
  }
}
