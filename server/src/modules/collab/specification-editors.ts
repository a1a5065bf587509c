import { Injectable } from '@nestjs/common';
import { EventBus } from '../../base/event-bus';
import type { SpecificationEdited } from '../specifications/specifications.events';

/** How often one person's typing in one specification is announced. */
const ANNOUNCE_EVERY_MS = 30_000;

/**
 * Announces who is editing which specification (`specification.edited`), without an
 * event per keystroke: at most one per person and document every 30 seconds, so what
 * listens (the "last changed" record, later other nodes) is not flooded.
 */
@Injectable()
export class SpecificationEditors {
  private readonly lastAnnounced = new Map<string, number>();

  constructor(private readonly events: EventBus) {}

  edited(specificationId: string, userId: string): void {
    const key = `${specificationId}:${userId}`;
    const now = Date.now();
    if (now - (this.lastAnnounced.get(key) ?? 0) < ANNOUNCE_EVERY_MS) return;
    if (this.lastAnnounced.size >= 1_000) this.prune(now);
    this.lastAnnounced.set(key, now);
    const edited: SpecificationEdited = { specificationId, userId };
    this.events.publish('specification.edited', edited);
  }

  private prune(now: number): void {
    for (const [key, at] of this.lastAnnounced) {
      if (now - at >= ANNOUNCE_EVERY_MS) this.lastAnnounced.delete(key);
    }
  }
}
