import type { Y } from '@coproduce/protocol';

/**
 * The XML fragment of a specification's Y.Doc that holds its text. `default` is the
 * name Tiptap's Collaboration extension binds to unless told otherwise, and DESIGN.md
 * fixes it for anchors, so documents stored before this package keep working.
 */
export const SPECIFICATION_FRAGMENT = 'default';

export function specificationFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SPECIFICATION_FRAGMENT);
}
