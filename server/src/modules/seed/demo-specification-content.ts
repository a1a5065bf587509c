import { SPECIFICATION_TEMPLATE } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  EDITOR_FRAGMENT,
  writeSpecificationTemplate,
} from '../collab/specification-template-content';

/**
 * What the demo specification's authors have written so far, by template section
 * number, one string per paragraph. The other sections keep their guidance, so a
 * newcomer sees a draft in progress: some sections written, some still to do.
 * The facts follow the public documents in shared/domain; the wording is ours and
 * the organisations are invented.
 */
export const DEMO_SPECIFICATION_TEXT: Readonly<Record<string, readonly string[]>> = {
  '1.1': [
    'The NHS Long Term Plan committed that, by 2023/24, every child and young person with a learning disability, autism or both who has the most complex needs would have a key worker. North Riverside Integrated Care Board, Riverside City Council and the Riverside and Vale Commissioning Support Unit are commissioning that service together.',
    'A key worker makes sure a child or young person and their family get the right support at the right time. They coordinate health, education and social care around the family, so that there is less stress and uncertainty, life at home is more stable and admissions to hospital are avoided. A pilot has run locally since 2021; this specification describes the ongoing service that follows it.',
  ],
  '1.2': [
    'This specification was shaped by the people it is for. Our engagement lead ran a series of drop-in sessions and events with children and young people, parents and carers, professionals and providers, and carried out more than 100 interviews. What we heard locally was compared with national evidence before any section was written.',
    'Three market engagement events brought statutory and voluntary providers together with commissioners and with each other, to share what they know, talk about working in partnership, and hear about the specification and the procurement timetable.',
    'The themes we heard most often: families want one person who knows them and stays with them; they are tired of telling their story again to every new service; and they want to be listened to and involved in decisions about their care.',
  ],
  '2.2': [
    'Children, young people and families helped us write these outcomes. Each one is measured in the outcomes framework that sits alongside this specification.',
    'Nine in ten or more of the children and young people rated red or amber on the dynamic support register, and of those who are inpatients, have a named key worker.',
    'Children, young people, parents and carers feel safe, listened to, informed and involved in their plans, care and support, and say they cope better.',
    'Families know about, and can reach, coordination, advocacy, advice and information across health, education and social care.',
    'Fewer children and young people are readmitted to hospital, and more families use a personal budget.',
  ],
  '3.1': [
    'The service gives each child or young person who needs it, and their family, a key worker: one named person who gets to know them, coordinates the support around them and speaks up for them across health, education and social care.',
    'It aims to reduce stress and uncertainty for families, make life at home more stable, and prevent admissions to hospital, or make them shorter when they cannot be avoided.',
  ],
  '3.3': [
    'Children and young people aged 0 to 25 with a learning disability and/or autism who are rated red or amber on the dynamic support register, or who are inpatients, together with their parents and carers.',
    'The contract is for five years from the day the service starts.',
  ],
};

type NodeAttributes = Record<string, string | number>;

/**
 * The demo specification's starting state: the NHS template exactly as a new
 * specification gets it (`writeSpecificationTemplate`), then, under each written
 * section, its text in place of the empty guidance paragraph.
 */
export function writeDemoSpecification(doc: Y.Doc): void {
  writeSpecificationTemplate(doc);
  const fragment = doc.getXmlFragment(EDITOR_FRAGMENT);
  doc.transact(() => {
    // From the last section back, so inserting paragraphs never moves one still to fill.
    for (const section of [...SPECIFICATION_TEMPLATE].reverse()) {
      const paragraphs = DEMO_SPECIFICATION_TEXT[section.number];
      if (!paragraphs) continue;
      const index = headingIndex(fragment, `${section.number}. ${section.heading}`);
      const placeholder = fragment.get(index + 1);
      if (!(placeholder instanceof Y.XmlElement) || placeholder.nodeName !== 'paragraph') {
        throw new Error(`Section ${section.number} has no guidance paragraph to write in`);
      }
      placeholder.removeAttribute('guidance');
      placeholder.insert(0, [textNode(paragraphs[0]!)]);
      const more = paragraphs.slice(1).map((text) => {
        const paragraph = new Y.XmlElement<NodeAttributes>('paragraph');
        paragraph.insert(0, [textNode(text)]);
        return paragraph as unknown as Y.XmlElement;
      });
      fragment.insert(index + 2, more);
    }
  });
}

function headingIndex(fragment: Y.XmlFragment, text: string): number {
  const index = fragment
    .toArray()
    .findIndex(
      (node) =>
        node instanceof Y.XmlElement &&
        node.nodeName === 'heading' &&
        node.toArray().map(String).join('') === text,
    );
  if (index < 0) throw new Error(`The template has no heading "${text}"`);
  return index;
}

function textNode(text: string): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, text);
  return node;
}
