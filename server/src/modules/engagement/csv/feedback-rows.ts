import {
  MAX_FEEDBACK_LENGTH,
  MAX_FEEDBACK_THEMES,
  MAX_LIST_ITEM_LENGTH,
  MAX_THEME_NAME_LENGTH,
  type AgeBand,
  type Audience,
} from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { CsvRecord, RowProblem } from './csv-file';
import type { FeedbackCsvField } from './feedback-columns';
import {
  AGE_BAND_ONLY_FOR_CHILDREN,
  ageBandOf,
  ageBandProblem,
  audienceOf,
  audienceProblem,
  fold,
} from './people-words';

/** A feedback row that passed every check, ready to store. */
export interface ImportedFeedback {
  row: number;
  text: string;
  audience: Audience;
  ageBand: AgeBand | null;
  themes: string[];
  eventId: Types.ObjectId | null;
  source: string;
  verbatim: boolean;
}

const YES = new Set(['yes', 'y', 'true', '1', 'verbatim', 'own words']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'summary', 'summarised', 'summarized']);

// Control characters other than tab and line breaks: not something a person typed.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Reads each record as a feedback item, or says what is wrong with it in words a person
 * can act on, naming the value. `events` finds an event by id or by title (folded).
 */
export function readFeedbackRows(
  records: readonly CsvRecord[],
  columns: ReadonlyMap<FeedbackCsvField, number>,
  events: ReadonlyMap<string, Types.ObjectId>,
): { rows: ImportedFeedback[]; problems: RowProblem[] } {
  const rows: ImportedFeedback[] = [];
  const problems: RowProblem[] = [];
  const cell = (record: CsvRecord, field: FeedbackCsvField) => {
    const index = columns.get(field);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  for (const record of records) {
    if (record.cells.every((value) => value.trim() === '')) continue;
    const problem = (message: string) => problems.push({ row: record.line, message });
    const text = cell(record, 'text');
    const audienceWord = cell(record, 'audience');
    const audience = audienceOf(audienceWord);
    const ageWord = cell(record, 'ageBand');
    const ageBand = ageWord === '' ? null : ageBandOf(ageWord);
    const themes = cell(record, 'themes')
      .split(/[;,|]/)
      .map((theme) => theme.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    const eventWord = cell(record, 'event');
    const eventId = eventWord === '' ? null : (events.get(fold(eventWord)) ?? undefined);
    const source = cell(record, 'source');
    const verbatimWord = cell(record, 'verbatim').toLowerCase();
    const before = problems.length;
    if (text === '') problem('What was said is empty. Fill it in, or delete the row.');
    else if (text.length > MAX_FEEDBACK_LENGTH) {
      problem(
        `What was said is longer than ${MAX_FEEDBACK_LENGTH.toLocaleString('en-GB')} characters.`,
      );
    }
    if ([text, source, ...themes].some((value) => NOT_TEXT.test(value))) {
      problem(
        'A cell has characters that are not text (a control character): check the file’s encoding.',
      );
    }
    if (!audience) problem(audienceProblem(audienceWord));
    if (ageBand === undefined) problem(ageBandProblem(ageWord));
    else if (ageBand && audience && audience !== 'children-and-young-people') {
      problem(AGE_BAND_ONLY_FOR_CHILDREN);
    }
    if (themes.length > MAX_FEEDBACK_THEMES) {
      problem(`Give at most ${MAX_FEEDBACK_THEMES} themes for one piece of feedback.`);
    }
    if (themes.some((theme) => theme.length > MAX_THEME_NAME_LENGTH)) {
      problem(`A theme’s name must be ${MAX_THEME_NAME_LENGTH} characters or fewer.`);
    }
    if (eventId === undefined) {
      problem(
        `There is no engagement event called “${eventWord}” in this workspace. Record it first, or leave the cell empty.`,
      );
    }
    if (source.length > MAX_LIST_ITEM_LENGTH) {
      problem(`Where it came from must be ${MAX_LIST_ITEM_LENGTH} characters or fewer.`);
    }
    if (!YES.has(verbatimWord) && !NO.has(verbatimWord)) {
      problem(
        `“${cell(record, 'verbatim')}” does not say whether these are the person’s own words: use yes or no.`,
      );
    }
    if (problems.length > before) continue;
    rows.push({
      row: record.line,
      text,
      audience: audience!,
      ageBand: ageBand ?? null,
      themes: [...new Set(themes)],
      eventId: eventId ?? null,
      source: eventId ? '' : source,
      verbatim: YES.has(verbatimWord),
    });
  }
  return { rows, problems };
}
