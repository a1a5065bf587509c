/**
 * The sections a new specification starts with, following the NHS Standard
 * Contract's service specification (Schedule 2A). The template writer in
 * `@coproduce/specification-document` writes them into a new specification's
 * text; the editor shows `guidance` greyed out until someone writes in the section.
 */
export interface SpecificationTemplateSection {
  /** Section number as commissioners cite it, e.g. "3.4". */
  number: string;
  heading: string;
  /** 1 for a numbered part ("3. Scope"), 2 for a section within it ("3.1 ..."). */
  level: 1 | 2;
  /** Placeholder guidance; empty when a part has only subsections. */
  guidance: string;
}

/** Fields shown above the sections, not sections themselves. */
export const SPECIFICATION_FRONT_MATTER_FIELDS = [
  'Service specification number',
  'Service name',
  'Commissioner lead',
  'Provider lead',
  'Period',
  'Date of review',
] as const;

export const SPECIFICATION_TEMPLATE: readonly SpecificationTemplateSection[] = [
  { number: '1', heading: 'Population needs', level: 1, guidance: '' },
  {
    number: '1.1',
    heading: 'National and local context',
    level: 2,
    guidance:
      'Why this service is needed: national policy and duties that apply, local strategy, and what is known about the people who will use it.',
  },
  {
    number: '1.2',
    heading: 'Evidence base',
    level: 2,
    guidance:
      'Needs assessment figures, research and what local people told us during engagement (link the feedback that supports each point).',
  },
  { number: '2', heading: 'Outcomes', level: 1, guidance: '' },
  {
    number: '2.1',
    heading: 'National outcome domains',
    level: 2,
    guidance: 'Which national outcome domains or indicators the service contributes to.',
  },
  {
    number: '2.2',
    heading: 'Locally defined outcomes',
    level: 2,
    guidance:
      'The outcomes that children, young people and families helped to define, in plain language. The outcomes framework (measures, targets, reporting) sits alongside this section.',
  },
  { number: '3', heading: 'Scope', level: 1, guidance: '' },
  {
    number: '3.1',
    heading: 'Aims and objectives of the service',
    level: 2,
    guidance: 'What the service is for, in a few sentences anyone can understand.',
  },
  {
    number: '3.2',
    heading: 'Service description and care pathway',
    level: 2,
    guidance:
      'What the provider will do, from referral to the end of involvement, including hours, settings and how families are kept informed.',
  },
  {
    number: '3.3',
    heading: 'Population covered',
    level: 2,
    guidance: 'Who the service is for: ages, geography, conditions, registers.',
  },
  {
    number: '3.4',
    heading: 'Acceptance and exclusion criteria and thresholds',
    level: 2,
    guidance: 'Who can be referred, by whom, and who is out of scope.',
  },
  {
    number: '3.5',
    heading: 'Interdependence with other services and providers',
    level: 2,
    guidance:
      'Who the provider must work with (education, social care, other health services, voluntary and community organisations) and how.',
  },
  { number: '4', heading: 'Applicable service standards', level: 1, guidance: '' },
  {
    number: '4.1',
    heading: 'Applicable national standards',
    level: 2,
    guidance: 'For example NICE guidance and quality standards.',
  },
  {
    number: '4.2',
    heading: 'Standards set out in guidance or issued by a competent body',
    level: 2,
    guidance: 'For example royal college guidance.',
  },
  {
    number: '4.3',
    heading: 'Applicable local standards',
    level: 2,
    guidance: 'Local policies, safeguarding procedures, data sharing agreements.',
  },
  {
    number: '5',
    heading: 'Applicable quality requirements and incentive goals',
    level: 1,
    guidance: '',
  },
  {
    number: '5.1',
    heading: 'Quality requirements',
    level: 2,
    guidance: 'The quality requirements the provider reports against.',
  },
  {
    number: '5.2',
    heading: 'Incentive goals',
    level: 2,
    guidance: 'Any local or national incentive schemes that apply.',
  },
  {
    number: '6',
    heading: 'Location of provider premises',
    level: 1,
    guidance: 'Where the service is delivered from, and any requirement to be local or mobile.',
  },
  {
    number: '7',
    heading: 'Individual service user placement',
    level: 1,
    guidance: 'Only where the service places individuals; otherwise "Not applicable".',
  },
];
