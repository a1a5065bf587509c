import type { CsvForm } from './column-mapping';

/** The fields an imported feedback row can fill. */
export const FEEDBACK_CSV_FIELDS = [
  'text',
  'audience',
  'ageBand',
  'themes',
  'event',
  'source',
  'verbatim',
] as const;
export type FeedbackCsvField = (typeof FEEDBACK_CSV_FIELDS)[number];

/** Who said it, and their age band, as survey tools head those columns (reach shares them). */
export const AUDIENCE_HEADERS = [
  'audience',
  'who',
  'respondent',
  'respondent type',
  'group',
  'who are you',
];
export const AGE_BAND_HEADERS = ['age band', 'ageband', 'age', 'age group'];

export const FEEDBACK_CSV: CsvForm<FeedbackCsvField> = {
  fields: FEEDBACK_CSV_FIELDS,
  knownHeaders: {
    text: [
      'text',
      'what was said',
      'you said',
      'feedback',
      'comment',
      'comments',
      'response',
      'answer',
    ],
    audience: AUDIENCE_HEADERS,
    ageBand: AGE_BAND_HEADERS,
    themes: ['themes', 'theme', 'topics', 'tags'],
    event: ['event', 'engagement event', 'session'],
    source: ['source', 'where', 'channel'],
    verbatim: ['verbatim', 'words', 'own words'],
  },
};
