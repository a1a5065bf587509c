import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { SpecificationsService } from '../specifications/specifications.service';

/** How often one person's typing in one specification updates its "last changed". */
const RECORD_EVERY_MS = 30_000;

/**
 * Keeps a specification's "updated by / updated at" in step with live editing,
 * without a database write per keystroke: at most one per person and document
 * every 30 seconds.
 */
@Injectable()
export class SpecificationEditors {
  private readonly logger = new Logger(SpecificationEditors.name);
  private readonly lastRecorded = new Map<string, number>();

  constructor(private readonly specifications: SpecificationsService) {}

  edited(specificationId: string, userId: string): void {
    const key = `${specificationId}:${userId}`;
    const now = Date.now();
    if (now - (this.lastRecorded.get(key) ?? 0) < RECORD_EVERY_MS) return;
    if (this.lastRecorded.size >= 1_000) this.prune(now);
    this.lastRecorded.set(key, now);
    this.specifications
      .touch(new Types.ObjectId(specificationId), new Types.ObjectId(userId))
      .catch((error: unknown) =>
        this.logger.warn(`recording who edited ${specificationId} failed: ${String(error)}`),
      );
  }

  private prune(now: number): void {
    for (const [key, at] of this.lastRecorded) {
      if (now - at >= RECORD_EVERY_MS) this.lastRecorded.delete(key);
    }
  }
}
