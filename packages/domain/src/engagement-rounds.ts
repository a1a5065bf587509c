/**
 * Market engagement rounds (issue 15): before a procurement, providers taking part in a
 * market engagement event co-edit an **engagement copy** of a specification, forked from
 * the draft when the round opens. The copy is its own live document (its `copyId` is the
 * collab `docId`); later edits to the draft never reach it, and nothing of the draft
 * reaches a provider. After closing, commissioners bring its changes back one section at
 * a time: taken into the draft as a new edit, or recorded as feedback. All paths are
 * under /api/workspaces/:workspaceId.
 */
import type { Audience, FeedbackStatus } from './engagement';
import type { WordRun, SectionChange } from './publishing';

/** `upcoming` before it opens, `open` while participants may edit, `closed` for good. */
export const ROUND_STATUSES = ['upcoming', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** What participants who are providers are called when the round hides their names. */
export const HIDDEN_PROVIDER_NAME = 'A provider';

/** A provider taking part, as the caller may see them. */
export interface RoundParticipant {
  /** Absent for a provider reading a round that hides the others' names (except their own). */
  id?: string;
  /** The person's name, or "A provider" when names are hidden from the caller. */
  name: string;
  /** Their organisation, absent when names are hidden from the caller. */
  organisation?: string;
}

/**
 * POST …/engagement-rounds → 201 RoundView (commissioners). The round belongs to a market
 * engagement event and forks the specification's draft as it is at that moment.
 */
export interface RoundRequest {
  specificationId: string;
  /** A market engagement event of the workspace. */
  eventId: string;
  title: string;
  /** ISO 8601; defaults to now. */
  opensAt?: string;
  /** ISO 8601, after opensAt. */
  closesAt: string;
  /** Members with the provider role, at least one. */
  participantIds: string[];
  /** Whether providers see each other's names (default false: only "A provider"). */
  namesShown?: boolean;
}

/** PATCH …/engagement-rounds/:roundId (commissioners, while not closed). */
export interface RoundUpdate {
  title?: string;
  closesAt?: string;
  namesShown?: boolean;
  participantIds?: string[];
}

/** GET …/engagement-rounds → RoundView[]; GET …/engagement-rounds/:roundId → RoundView. */
export interface RoundView {
  id: string;
  title: string;
  status: RoundStatus;
  /** The collab docId of the engagement copy. */
  copyId: string;
  opensAt: string;
  closesAt: string;
  /** When it closed (at closing time or earlier by a commissioner); absent while not closed. */
  closedAt?: string;
  namesShown: boolean;
  event: { id: string; title: string };
  /** The specification the copy was forked from: absent for providers. */
  specification?: { id: string; title: string };
  participants: RoundParticipant[];
  forkedAt: string;
  createdBy: { id: string; name: string };
  /** For commissioners: how many sections changed, and how many of them are decided. */
  changes?: { total: number; decided: number };
}

/** Who changed a section of the copy. */
export interface RoundAuthor {
  id: string;
  name: string;
  organisation?: string;
}

/** What was decided about one change. */
export type RoundDecision =
  | { kind: 'taken'; by: { id: string; name: string }; at: string }
  | {
      kind: 'feedback';
      by: { id: string; name: string };
      at: string;
      feedbackId: string;
      status: FeedbackStatus;
      reason?: string;
    };

/**
 * GET …/engagement-rounds/:roundId/changes → RoundChange[] (commissioners): the copy
 * against the fork, section by section, in the copy's order.
 */
export interface RoundChange {
  /**
   * Stable key of the change: the section's id; `start` for the text before the first
   * heading; `at-<client>-<clock>` (the heading's Yjs id) for a heading without an id.
   */
  key: string;
  heading: string;
  previousHeading?: string;
  change: Exclude<SectionChange, 'unchanged'>;
  runs: WordRun[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Only the formatting changed: the words are the same (see SectionComparison). */
  formattingChanged?: boolean;
  /** Everyone who wrote, deleted or formatted words in the section since the fork. */
  authors: RoundAuthor[];
  decision: RoundDecision | null;
}

/** POST …/engagement-rounds/:roundId/changes/:key/feedback: record it in engagement. */
export interface RoundFeedbackRequest {
  status: FeedbackStatus;
  /** Needed for `not-taken-forward`. */
  reason?: string;
  /** Who the feedback is from; voluntary and community sector providers when not given. */
  audience?: Extract<Audience, 'statutory-providers' | 'voluntary-sector-providers'>;
  themes?: string[];
}
