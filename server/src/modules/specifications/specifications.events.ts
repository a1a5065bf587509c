/**
 * What others announce about specifications on the event bus. The collab module
 * publishes `specification.edited` as people type (at most every 30 seconds per person
 * and specification); this module records it as "last changed by", the audit module as
 * one entry per person, specification and hour.
 */
declare module '../../base/event-bus' {
  interface CoproduceEvents {
    'specification.edited': SpecificationEdited;
    'specification.archived': SpecificationArchived;
    'specification.deleted': SpecificationDeleted;
    'specification.renamed': SpecificationRenamed;
  }
}

/** A commissioner archived (`archived: true`) or restored a specification: its editors turn read-only, or back. */
export type SpecificationArchived = {
  specificationId: string;
  workspaceId: string;
  archived: boolean;
};

/** A draft that was never published, deleted for good: whoever has it open is taken out. */
export type SpecificationDeleted = {
  specificationId: string;
  workspaceId: string;
};

/**
 * How long those who record edit notices gather them before writing: after a reconnection
 * storm every editor's notice falls due within a second or so, and nobody waits on these
 * writes.
 */
export const EDIT_NOTICES_GATHER_MS = 250;

// A type, not an interface: the bus takes only plain data, which an interface cannot promise.
export type SpecificationEdited = {
  specificationId: string;
  userId: string;
  /** When the edit was noticed (ISO): the same on every node that hears of it. */
  at: string;
};

/** A new title: those with the specification open see it at once. */
export type SpecificationRenamed = {
  specificationId: string;
  title: string;
};
