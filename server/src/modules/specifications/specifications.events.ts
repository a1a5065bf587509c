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
