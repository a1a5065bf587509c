/**
 * The demo specification's first published version and two questions on it from the
 * demo provider (one answered, one waiting), so the provider account has something to read.
 */
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
