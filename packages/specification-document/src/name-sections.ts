import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { elementText } from './plain-text';
import { headingsNeedingIds, newSectionId, SECTION_ID, sectionIdOf } from './section-id';

/**
 * Gives a section id to every heading of a stored document that lacks one (written
 * before sections had ids) or shares one, by the editor's rule, in one transaction; how
 * many it named. For the server to run on a document nobody is editing: an editor names
 * its own person's headings as they are made.
 */
export function nameSections(doc: Y.Doc): number {
  const headings = headingsIn(specificationFragment(doc)).map((heading) => ({
    place: heading,
    id: sectionIdOf(heading.getAttributes()),
    hasText: elementText(heading) !== '',
  }));
  const unnamed = headingsNeedingIds(headings);
  if (unnamed.length > 0) {
    doc.transact(() => {
      for (const heading of unnamed) heading.setAttribute(SECTION_ID, newSectionId());
    });
  }
  return unnamed.length;
}

function headingsIn(parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  return parent
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
    .flatMap((child) => (child.nodeName === 'heading' ? [child] : headingsIn(child)));
}
