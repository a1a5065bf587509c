import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { elementText } from './plain-text';
import { sectionIdOf } from './section-id';
import { markupOf, textOfBlocks, type TextSection } from './sections';

/** The key of the text before the first heading. */
export const START_SECTION_KEY = 'start';

/** One section's top-level blocks (its heading first), under a key that names it in every fork. */
export interface SectionBlocks {
  key: string;
  heading: Y.XmlElement | null;
  blocks: (Y.XmlElement | Y.XmlText)[];
}

/**
 * A section's key: its section id; for a heading without one, its Yjs item id, which a
 * document forked from another shares with it for everything written before the fork.
 */
export function sectionKeyOf(heading: Y.XmlElement | null): string {
  if (!heading) return START_SECTION_KEY;
  const id = sectionIdOf(heading.getAttributes());
  if (id) return id;
  const item = heading._item;
  return item ? `at-${item.id.client}-${item.id.clock}` : 'at-unknown';
}

/** The sections of `doc` in order, each with its blocks; the text before the first heading only if any. */
export function sectionBlocksOf(doc: Y.Doc): SectionBlocks[] {
  const sections: SectionBlocks[] = [{ key: START_SECTION_KEY, heading: null, blocks: [] }];
  for (const node of specificationFragment(doc).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'heading') {
      sections.push({ key: sectionKeyOf(node), heading: node, blocks: [node] });
    } else if (node instanceof Y.XmlElement || node instanceof Y.XmlText) {
      sections[sections.length - 1]!.blocks.push(node);
    }
  }
  return sections[0]!.blocks.length === 0 ? sections.slice(1) : sections;
}

/** A section as text, its key as its id, for comparing two forks section by section. */
export function keyedTextSection(section: SectionBlocks): TextSection {
  const body = section.heading ? section.blocks.slice(1) : section.blocks;
  return {
    id: section.key,
    heading: section.heading ? elementText(section.heading) : '',
    text: textOfBlocks(body),
    markup: markupOf(section.blocks),
  };
}
