/**
 * Publishing a specification to providers (shared DESIGN.md, "Publishing"; issue 12):
 * immutable numbered versions, the team's draft checkpoints and history, comparing two
 * texts section by section, providers' reading, clarification questions and notices.
 * The fixed fields are DESIGN's; the rest are ours. All paths are under
 * /api/workspaces/:workspaceId unless they start with /api.
 */

/** A calendar day, `YYYY-MM-DD` (UK dates: a deadline day ends at midnight UK time). */
export type CalendarDate = string;

/** A person as publishing shows them (a commissioner who published, answered, withdrew). */
export interface PublishingPerson {
  id: string;
  name: string;
}

// ---------------------------------------------------------------------------
// Versions

/**
 * POST …/specifications/:specificationId/versions (commissioners) → 201 PublishedVersionReceipt.
 * Publishes the specification's text as it is now (live edits included).
 */
export interface PublishRequest {
  /** One line, at most MAX_VERSION_NAME_LENGTH characters, e.g. "Version for market engagement". */
  name: string;
  /** Release notes for providers: what this version is and what changed; may be empty. */
  notes: string;
  /** Last day providers may ask clarification questions on this version. */
  clarificationDeadline?: CalendarDate;
  /** Last day for submissions; shown to providers. */
  submissionDeadline?: CalendarDate;
}

/** 201 answer to PublishRequest (DESIGN fixes these three fields). */
export interface PublishedVersionReceipt {
  number: number;
  name: string;
  publishedAt: string;
}

/** Set once a commissioner withdraws a version; the version itself never changes. */
export interface VersionWithdrawal {
  reason: string;
  withdrawnAt: string;
  withdrawnBy: PublishingPerson;
}

/** GET …/specifications/:specificationId/versions → VersionSummary[] (newest first). */
export interface VersionSummary {
  number: number;
  name: string;
  publishedAt: string;
  withdrawn: boolean;
  /** Null while the version stands. */
  withdrawal: VersionWithdrawal | null;
  publishedBy: PublishingPerson;
  clarificationDeadline: CalendarDate | null;
  submissionDeadline: CalendarDate | null;
  /** Whether providers may still ask questions on it (before the deadline, not withdrawn). */
  acceptingQuestions: boolean;
}

/** A section of a published text, for a reader's contents list (its top-level headings). */
export interface VersionSection {
  /** The heading's section id (the `id` attribute of the `<h…>` in `html`); null when it has none. */
  id: string | null;
  level: number;
  text: string;
}

/**
 * GET …/specifications/:specificationId/versions/:number → VersionDetail: the text as it
 * was at publishing, rendered on the server then (DESIGN fixes number, name, notes,
 * publishedAt, html, markdown).
 */
export interface VersionDetail extends VersionSummary {
  specificationId: string;
  /** The specification's title when the version was published. */
  specificationTitle: string;
  notes: string;
  html: string;
  markdown: string;
  outline: VersionSection[];
}

/** POST …/versions/:number/withdraw (commissioners) → 200 VersionSummary. */
export interface WithdrawVersionRequest {
  /** Why, for providers: at most MAX_WITHDRAW_REASON_LENGTH characters, not empty. */
  reason: string;
}

// ---------------------------------------------------------------------------
// Checkpoints and history (members who may read the draft; never providers)

/** POST …/specifications/:specificationId/checkpoints (`specification.checkpoint`) → 201 Checkpoint. */
export interface CreateCheckpointRequest {
  /** One line, at most MAX_CHECKPOINT_NAME_LENGTH characters. */
  name: string;
}

/** GET …/specifications/:specificationId/checkpoints → Checkpoint[] (newest first). */
export interface Checkpoint {
  id: string;
  name: string;
  createdAt: string;
  createdBy: PublishingPerson;
  /** Saved by the server just before a restore, so the restore can itself be undone. */
  beforeRestore: boolean;
}

/**
 * GET …/specifications/:specificationId/history → HistoryEntry[], newest first: the
 * checkpoints and published versions together (members only; providers get 404).
 */
export type HistoryEntry =
  | {
      kind: 'version';
      /** The comparison reference for this entry (see ComparisonRef). */
      ref: ComparisonRef;
      number: number;
      name: string;
      at: string;
      by: PublishingPerson;
      withdrawn: boolean;
    }
  | {
      kind: 'checkpoint';
      ref: ComparisonRef;
      id: string;
      name: string;
      at: string;
      by: PublishingPerson;
      beforeRestore: boolean;
    };

/**
 * POST …/specifications/:specificationId/restore (`specification.checkpoint` and
 * `specification.edit`) → 200 RestoreResult. The draft becomes the checkpoint's text by
 * a NEW edit that every open editor merges; the server first saves a checkpoint of the
 * draft as it was ("Before restoring …").
 */
export interface RestoreRequest {
  checkpointId: string;
}

export interface RestoreResult {
  restoredFrom: Checkpoint;
  /** The checkpoint of the draft as it was just before the restore. */
  savedBefore: Checkpoint;
}

// ---------------------------------------------------------------------------
// Comparing two texts

/**
 * Names a text to compare, in the `from` / `to` query of GET …/compare:
 * `version:<number>`, `checkpoint:<id>` or `draft` (the text as it is now). Providers may
 * compare only published versions (anything else is 404, as for a draft).
 */
export type ComparisonRef = `version:${number}` | `checkpoint:${string}` | 'draft';

/** One side of a comparison. */
export interface ComparedText {
  ref: ComparisonRef;
  /** "Version 2: For market engagement", "Checkpoint: Before the steering group", "Current draft". */
  label: string;
  /** When it was published or saved; null for the current draft. */
  at: string | null;
}

/** A stretch of words in a compared section. */
export interface WordRun {
  kind: 'added' | 'removed' | 'unchanged';
  /** The words with the spacing between them, as in the text. */
  text: string;
}

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged';

/** One section of a comparison. Sections are matched by section id, then by heading text. */
export interface SectionComparison {
  /** The section id (in `to`, else in `from`); null for a heading without one. */
  id: string | null;
  /** The heading in `to` (or in `from` for a removed section); "" for text before the first heading. */
  heading: string;
  /** The heading in `from` when it was renamed; otherwise absent. */
  previousHeading?: string;
  change: SectionChange;
  /** The section's text (heading excluded), word by word; empty for an unchanged section. */
  runs: WordRun[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Only the formatting changed (bold, a list, a heading's level): the words are the same. */
  formattingChanged?: boolean;
}

/**
 * GET …/specifications/:specificationId/compare?from=<ComparisonRef>&to=<ComparisonRef>
 * → Comparison, sections in the order of `to` with removed ones where they stood in `from`.
 */
export interface Comparison {
  from: ComparedText;
  to: ComparedText;
  sections: SectionComparison[];
  summary: {
    sectionsAdded: number;
    sectionsRemoved: number;
    sectionsChanged: number;
    sectionsUnchanged: number;
    wordsAdded: number;
    wordsRemoved: number;
  };
}

// ---------------------------------------------------------------------------
// Providers' reading

/**
 * POST …/specifications/:specificationId/versions/:number/read → 204: the caller has
 * read this version (a later call with an older number does not move the marker back).
 * GET …/specifications/:specificationId/reading → ReadingState, for "what changed since
 * the version you last read": compare `version:<lastReadVersion>` with
 * `version:<latestVersion>` when `changedSinceRead`.
 */
export interface ReadingState {
  /** The newest version the caller has read; null before the first. */
  lastReadVersion: number | null;
  /** The newest published version that is not withdrawn; null when there is none. */
  latestVersion: number | null;
  changedSinceRead: boolean;
}

// ---------------------------------------------------------------------------
// Clarification questions

export type QuestionStatus = 'pending' | 'answered';

/**
 * POST …/specifications/:specificationId/versions/:number/questions (providers) → 201
 * ClarificationQuestion. Refused with 409 `questions-closed` after the version's
 * clarification deadline (end of that day, UK time) and 409 `version-withdrawn` on a
 * withdrawn version.
 */
export interface AskQuestionRequest {
  /** At most MAX_QUESTION_LENGTH characters, not only spaces. */
  body: string;
  /** A section of that version (its outline's id) the question is about. */
  sectionId?: string;
}

/** POST …/questions/:questionId/answer (commissioners) → 200 AnsweredQuestionForCommissioners. */
export interface AnswerQuestionRequest {
  /** At most MAX_ANSWER_LENGTH characters, not only spaces. */
  answer: string;
}

/**
 * A question as a provider sees it: never who asked (not their name, organisation or
 * id), only whether it was the caller. GET …/specifications/:specificationId/questions
 * gives a provider every answered question and their own pending ones.
 */
export interface ClarificationQuestion {
  id: string;
  specificationId: string;
  versionNumber: number;
  sectionId: string | null;
  /** The section's heading in that version, when the question is about one. */
  sectionHeading: string | null;
  body: string;
  status: QuestionStatus;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** The caller asked it. */
  mine: boolean;
}

/**
 * A question as commissioners (and others with `clarification.answer`) see it: every
 * question, pending too, with who asked and who answered.
 */
export interface QuestionForCommissioners extends ClarificationQuestion {
  askedBy: PublishingPerson & { organisation: string | null };
  answeredBy: PublishingPerson | null;
}

export type AnsweredQuestionForCommissioners = QuestionForCommissioners;

// ---------------------------------------------------------------------------
// Notices: what a person is told in the app about publishing

export type PublishingNoticeKind =
  | 'version-published'
  | 'version-withdrawn'
  | 'question-answered'
  /** To those who answer questions: a provider asked one. */
  | 'question-asked';

export interface PublishingNotice {
  /** Stable for one event, e.g. `question-answered:<questionId>`. */
  id: string;
  kind: PublishingNoticeKind;
  workspaceId: string;
  specificationId: string;
  specificationTitle: string;
  versionNumber: number;
  /** For the question kinds. */
  questionId: string | null;
  at: string;
  unread: boolean;
}

/**
 * GET /api/notices → the signed-in person's publishing notices across their workspaces,
 * newest first, at most 50 (the header's count is `unreadCount`).
 * POST /api/notices/read → 204: everything up to now is read.
 */
export interface PublishingNotices {
  unreadCount: number;
  items: PublishingNotice[];
}

// ---------------------------------------------------------------------------
// Limits

export const MAX_VERSION_NAME_LENGTH = 200;
export const MAX_VERSION_NOTES_LENGTH = 10_000;
export const MAX_WITHDRAW_REASON_LENGTH = 2_000;
export const MAX_CHECKPOINT_NAME_LENGTH = 200;
export const MAX_QUESTION_LENGTH = 5_000;
export const MAX_ANSWER_LENGTH = 10_000;
