import type { Y } from '@coproduce/protocol';
import {
  writeSpecificationTemplate,
  type TemplateSectionIds,
  type WrittenSections,
} from '@coproduce/specification-document';

/**
 * What the demo specification's authors have written so far, by template section
 * number, one string per paragraph. The other sections keep their guidance, so a
 * newcomer sees a draft in progress: some sections written, some still to do.
 * The facts follow the public documents in shared/domain; the wording is ours and
 * the organisations are invented.
 */
export const DEMO_SPECIFICATION_TEXT: WrittenSections = {
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

/**
 * The demo specification's starting state: the NHS template exactly as a new
 * specification gets it, with each written section's text in place of its guidance.
 */
export function writeDemoSpecification(doc: Y.Doc): TemplateSectionIds {
  return writeSpecificationTemplate(doc, DEMO_SPECIFICATION_TEXT);
}
