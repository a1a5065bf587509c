/**
 * What a feature that owns a kind of live document (LiveDocumentKinds) announces, so
 * that the change reaches open sockets at once on every node: who may be in it, or
 * whether anyone may edit it, changed.
 */
declare module '../../base/event-bus' {
  interface CoproduceEvents {
    'live-document.access-changed': LiveDocumentAccessChanged;
  }
}

/**
 * Access to a document changed for some or all of its members (a round closed, or a
 * participant was taken off it): each member's access is looked up again; whoever may
 * no longer see it leaves, and the rest are told what they may do now.
 */
export type LiveDocumentAccessChanged = {
  docId: string;
  /**
   * When the change makes the document read-only for everyone (a round closed): applied
   * to the open document before anyone's access is looked up again, so no update lands
   * in between.
   */
  readOnly?: { kind: 'archived' | 'closed'; message: string };
};
