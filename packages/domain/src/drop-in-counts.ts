/**
 * Counting people at a drop-in (issue 14): each tap on a device is a change of one to one
 * audience's count, made with an id of the device's own, so sending it again after a lost
 * answer never counts anyone twice, and two devices at one drop-in add up. All paths are
 * under /api/workspaces/:workspaceId.
 */
import type { AgeBand, Audience, ReachCount } from './engagement';

/** One more (a tap) or one fewer (undo). */
export const COUNT_CHANGES = [1, -1] as const;
export type CountChangeValue = (typeof COUNT_CHANGES)[number];

export interface CountChange {
  /** Made by the device, unique to this change: 8 to 100 letters, digits, - or _. */
  clientId: string;
  audience: Audience;
  /** Only for children and young people; absent when their age was not asked. */
  ageBand?: AgeBand;
  change: CountChangeValue;
}

/** POST …/engagement-events/:eventId/counts → 200 RecordedCounts. */
export interface RecordCountsRequest {
  /** In the order they were made on the device; each clientId once. */
  changes: CountChange[];
}

export interface AppliedCountChange {
  clientId: string;
  /**
   * What the change did to the count: its change, or 0 for an undo that found nobody left
   * to take away (another device had already taken them off). A change sent again answers
   * with what it did the first time, and does nothing more.
   */
  applied: CountChangeValue | 0;
}

export interface RecordedCounts {
  changes: AppliedCountChange[];
  /** The event's counts by audience now, everyone's changes included. */
  reach: ReachCount[];
  total: number;
}

/** Changes in one request: a device sends what it holds in batches of this many. */
export const MAX_COUNT_CHANGES_PER_REQUEST = 100;
/** Changes kept for one event (each one's id is kept so a resend is known). */
export const MAX_COUNT_CHANGES_PER_EVENT = 20_000;
