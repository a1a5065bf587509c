import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { elementText } from './plain-text';
import { sectionIdOf } from './section-id';

/** A section as the outline lists it. */
export interface OutlineEntry {
  /** The heading's section id; null only for a heading written before sections had ids. */
  id: string | null;
  level: number;
  text: string;
}

/** The specification's sections: its top-level headings, in order, as they are now. */
export function readOutline(doc: Y.Doc): OutlineEntry[] {
  return specificationFragment(doc)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
    .filter((node) => node.nodeName === 'heading')
    .map((heading) => ({
      id: sectionIdOf(heading.getAttributes()),
      level: Number(heading.getAttribute('level')),
      text: elementText(heading),
    }));
}
