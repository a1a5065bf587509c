import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { newSectionId, SECTION_ID } from './section-id';

/** Paragraphs already written, by section number ("3.1"), for a specification seeded part-written. */
export type WrittenSections = Readonly<Record<string, readonly string[]>>;

/** The id the template writer gave each section, by its template number ("3.1"). */
export type TemplateSectionIds = ReadonlyMap<string, string>;

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
type NodeAttributes = Record<string, string | number>;

/**
 * Writes the NHS service specification template into an empty document, in the shape
 * `specificationExtensions()` reads through y-prosemirror: a heading per section (parts
 * at level 2, sections at level 3, under the page's own title), each with its own
 * section id, followed by the section's written paragraphs or else an empty paragraph
 * whose `guidance` attribute the editor shows as placeholder.
 *
 * This runs on the server, once per specification: were each browser to fill in the
 * template, two people opening a new specification at the same moment would get it twice.
 */
export function writeSpecificationTemplate(
  doc: Y.Doc,
  written: WrittenSections = {},
): TemplateSectionIds {
  const ids = new Map<string, string>();
  const nodes: Y.XmlElement<NodeAttributes>[] = [];
  for (const section of SPECIFICATION_TEMPLATE) {
    const heading = new Y.XmlElement<NodeAttributes>('heading');
    const id = newSectionId();
    ids.set(section.number, id);
    heading.setAttribute('level', section.level + 1);
    heading.setAttribute(SECTION_ID, id);
    heading.insert(0, [textNode(`${section.number}. ${section.heading}`)]);
    nodes.push(heading);
    const paragraphs = written[section.number] ?? [];
    for (const text of paragraphs) {
      const paragraph = new Y.XmlElement<NodeAttributes>('paragraph');
      paragraph.insert(0, [textNode(text)]);
      nodes.push(paragraph);
    }
    if (section.guidance && paragraphs.length === 0) {
      const paragraph = new Y.XmlElement<NodeAttributes>('paragraph');
      paragraph.setAttribute('guidance', section.guidance);
      nodes.push(paragraph);
    }
  }
  // Yjs's typings default attribute values to strings; y-prosemirror keeps ProseMirror's
  // numbers (heading levels) as numbers, and so must we for the editor to match them.
  doc.transact(() => specificationFragment(doc).insert(0, nodes as unknown as Y.XmlElement[]));
  return ids;
}

function textNode(text: string): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, text);
  return node;
}
