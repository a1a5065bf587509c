/**
 * A second demo specification, already published (the first stays a draft for the demo
 * commissioner to publish), with two questions on it from the demo provider (one
 * answered, one waiting), so the provider account has something to read from the start.
 */
export const DEMO_PUBLISHED_TITLE = 'Short breaks for disabled children and young people';

/** What its published text says, by template section. */
export const DEMO_PUBLISHED_SECTIONS = {
  '1.1': [
    'About 1,400 disabled children and young people in Riverside are entitled to short breaks under the Breaks for Carers of Disabled Children Regulations 2011. Families told us breaks are hardest to find in school holidays and at short notice.',
  ],
  '2.1': [
    'Parents and carers have regular breaks from caring, and disabled children and young people enjoy activities with their friends.',
  ],
  '3.1': [
    'A range of short breaks — day, evening, overnight and weekend — that families can book themselves, including at short notice in a crisis.',
  ],
  '3.3': [
    'Disabled children and young people aged 0 to 18 who live in Riverside, and young people aged 18 to 25 with an education, health and care plan.',
  ],
} as const;

export const DEMO_VERSION = {
  name: 'For the second market engagement event',
  notes:
    'The specification as shared at the second market engagement event. Ask clarification ' +
    'questions here before the deadline: every provider sees the answers.',
  /** Days from the first start to the clarification and submission deadlines. */
  clarificationDays: 28,
  submissionDays: 56,
  hoursAgo: 30,
};

export const DEMO_QUESTIONS = [
  {
    body: 'Will TUPE apply to staff in the current care coordination service?',
    answer:
      'We expect TUPE may apply to some staff. Staffing information will be shared with bidders at the invitation to tender stage.',
    hoursAgo: 26,
  },
  {
    body: 'Can the key worker service be delivered by a partnership of voluntary sector organisations?',
    answer: null,
    hoursAgo: 4,
  },
] as const;
