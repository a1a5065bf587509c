import type { CsvForm } from './column-mapping';
import { AGE_BAND_HEADERS, AUDIENCE_HEADERS } from './feedback-columns';

/** The fields an imported reach row can fill: who, their age band, and how many. */
export const REACH_CSV_FIELDS = ['audience', 'ageBand', 'count'] as const;
export type ReachCsvField = (typeof REACH_CSV_FIELDS)[number];

export const REACH_CSV: CsvForm<ReachCsvField> = {
  fields: REACH_CSV_FIELDS,
  knownHeaders: {
    audience: AUDIENCE_HEADERS,
    ageBand: AGE_BAND_HEADERS,
    count: ['count', 'number', 'people', 'how many', 'number of people', 'took part', 'attended'],
  },
};
