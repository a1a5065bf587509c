/** The fields an imported feedback row can fill, and the headers survey tools give them. */
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

/** Headers recognised without a mapping, compared without case, spaces or punctuation. */
const KNOWN_HEADERS: Record<FeedbackCsvField, string[]> = {
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
  audience: ['audience', 'who', 'respondent', 'respondent type', 'group', 'who are you'],
  ageBand: ['age band', 'ageband', 'age', 'age group'],
  themes: ['themes', 'theme', 'topics', 'tags'],
  event: ['event', 'engagement event', 'session'],
  source: ['source', 'where', 'channel'],
  verbatim: ['verbatim', 'words', 'own words'],
};

const fold = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Which column holds which field: a header the workspace mapped before wins, then one
 * recognised by name. Returns the column index per field (absent: not in the file).
 */
export function columnsFor(
  headers: readonly string[],
  remembered: ReadonlyMap<FeedbackCsvField, string>,
): Map<FeedbackCsvField, number> {
  const folded = headers.map(fold);
  const columns = new Map<FeedbackCsvField, number>();
  const claim = (field: FeedbackCsvField, index: number | undefined) => {
    if (index === undefined || index < 0 || columns.has(field)) return;
    if (![...columns.values()].includes(index)) columns.set(field, index);
  };
  // What the workspace chose before, first: a name recognised for another field never takes its column.
  for (const field of FEEDBACK_CSV_FIELDS) {
    const mapped = remembered.get(field);
    if (mapped !== undefined) claim(field, folded.indexOf(fold(mapped)));
  }
  for (const field of FEEDBACK_CSV_FIELDS) {
    claim(
      field,
      KNOWN_HEADERS[field].map((name) => folded.indexOf(fold(name))).find((index) => index >= 0),
    );
  }
  return columns;
}
