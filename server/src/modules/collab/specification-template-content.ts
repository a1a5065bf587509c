import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';

/** The fragment Tiptap's Collaboration extension binds to unless told otherwise. */
export const EDITOR_FRAGMENT = 'default';

/** Paragraphs already written, by section number ("3.1"), for a specification seeded part-written. */
export type WrittenSections = Readonly<Record<string, readonly string[]>>;

/**
 * The first stored update of a specification: the template, with any sections already
 * written. For seeding a specification's state through `SpecificationStore.append(id, 1, [update])`
 * before anyone opens it.
 */
export function initialSpecificationUpdate(written: WrittenSections = {}): Uint8Array {
  const doc = new Y.Doc();
  writeSpecificationTemplate(doc, written);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

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
export function writeSpecificationTemplate(doc: Y.Doc, written: WrittenSections = {}): void {
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  doc.transact(() => {
    const nodes: Y.XmlElement<TemplateAttributes>[] = [];
    for (const section of SPECIFICATION_TEMPLATE) {
      const heading = new Y.XmlElement<TemplateAttributes>('heading');
      heading.setAttribute('level', section.level + 1);
      // The demo seed finds sections by these labels ("3.1. Aims and ...").
      heading.insert(0, [textNode(`${section.number}. ${section.heading}`)]);
      nodes.push(heading);
      for (const text of written[section.number] ?? []) {
        const paragraph = new Y.XmlElement<TemplateAttributes>('paragraph');
        paragraph.insert(0, [textNode(text)]);
        nodes.push(paragraph);
      }
      if (section.guidance && !written[section.number]?.length) {
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
