import { Injectable } from '@nestjs/common';
import { EventBus } from '../../base/event-bus';
import type { SpecificationEdited } from '../specifications/specifications.events';
import { CollabSettings } from './collab-settings';

/**
 * Announces who is editing which specification (`specification.edited`), without an
 * event per keystroke: at most one per person and document every COLLAB_EDIT_NOTICE_MS
 * (30 seconds), so what listens (the "last changed" record, the audit log's hourly
 * summaries, later other nodes) is not flooded.
 */
@Injectable()
export class SpecificationEditors {
  private readonly lastAnnounced = new Map<string, number>();
  private readonly announceEveryMs: number;

  constructor(
    private readonly events: EventBus,
    settings: CollabSettings,
  ) {
    this.announceEveryMs = settings.limits.editNoticeMs;
  }

  edited(specificationId: string, userId: string): void {
    const key = `${specificationId}:${userId}`;
    const now = Date.now();
    if (now - (this.lastAnnounced.get(key) ?? 0) < this.announceEveryMs) return;
    if (this.lastAnnounced.size >= 1_000) this.prune(now);
    this.lastAnnounced.set(key, now);
    const edited: SpecificationEdited = {
      specificationId,
      userId,
      at: new Date(now).toISOString(),
    };
    this.events.publish('specification.edited', edited);
  }

  private prune(now: number): void {
    for (const [key, at] of this.lastAnnounced) {
      if (now - at >= this.announceEveryMs) this.lastAnnounced.delete(key);
    }
  }
}
