import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';

/** The fragment Tiptap's Collaboration extension binds to unless told otherwise. */
export const EDITOR_FRAGMENT = 'default';

/** ProseMirror node attributes as y-prosemirror stores them. */
type TemplateAttributes = Record<string, string | number>;

/**
 * Writes the NHS service specification template into an empty document, in the
 * ProseMirror shape Tiptap's StarterKit reads through y-prosemirror: a heading per
 * section (parts at level 2, sections at level 3, under the page's own title), followed
 * by an empty paragraph whose `guidance` attribute the editor shows as placeholder.
 *
 * This runs on the server, once, when a specification has no stored state: were each
 * browser to fill in the template, two people opening a new specification at the same
 * moment would get it twice.
 */
export function writeSpecificationTemplate(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  doc.transact(() => {
    const nodes: Y.XmlElement<TemplateAttributes>[] = [];
    for (const section of SPECIFICATION_TEMPLATE) {
      const heading = new Y.XmlElement<TemplateAttributes>('heading');
      heading.setAttribute('level', section.level + 1);
      heading.insert(0, [textNode(`${section.number}. ${section.heading}`)]);
      nodes.push(heading);
      if (section.guidance) {
        const paragraph = new Y.XmlElement<TemplateAttributes>('paragraph');
        paragraph.setAttribute('guidance', section.guidance);
        nodes.push(paragraph);
      }
    }
    // Yjs's typings default attribute values to strings; y-prosemirror keeps ProseMirror's
    // numbers (heading levels) as numbers, and so must we for the editor to match them.
    fragment.insert(0, nodes as unknown as Y.XmlElement[]);
  });
}

function textNode(text: string): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, text);
  return node;
}
