/**
 * What others announce about specifications on the event bus. The collab module
 * publishes `specification.edited` as people type (at most every 30 seconds per person
 * and specification); this module records it as "last changed by".
 */
declare module '../../base/event-bus' {
  interface CoproduceEvents {
    'specification.edited': SpecificationEdited;
  }
}

// A type, not an interface: the bus takes only plain data, which an interface cannot promise.
export type SpecificationEdited = {
  specificationId: string;
  userId: string;
};
