import { MAX_REACH_COUNT, type AgeBand, type Audience, type ReachCount } from '@coproduce/domain';
import type { StoredReachCount } from '../engagement-event.schema';
import { reachView } from '../reach-counts';
import type { CsvRecord, RowProblem } from './csv-file';
import {
  AGE_BAND_ONLY_FOR_CHILDREN,
  ageBandOf,
  ageBandProblem,
  audienceOf,
  audienceProblem,
} from './people-words';
import type { ReachCsvField } from './reach-columns';

/** A reach row that passed every check: this many people of this group took part. */
export interface ImportedReach {
  row: number;
  audience: Audience;
  ageBand: AgeBand | null;
  count: number;
}

/**
 * Reads each record as people who took part, or says what is wrong with it, naming the
 * value. With a count column a row counts that many (a summary table); without one, each
 * row is one person (a survey tool's export has a row per respondent).
 */
export function readReachRows(
  records: readonly CsvRecord[],
  columns: ReadonlyMap<ReachCsvField, number>,
): { rows: ImportedReach[]; problems: RowProblem[] } {
  const rows: ImportedReach[] = [];
  const problems: RowProblem[] = [];
  const cell = (record: CsvRecord, field: ReachCsvField) => {
    const index = columns.get(field);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  for (const record of records) {
    if (record.cells.every((value) => value.trim() === '')) continue;
    const problem = (message: string) => problems.push({ row: record.line, message });
    const before = problems.length;
    const audienceWord = cell(record, 'audience');
    const audience = audienceOf(audienceWord);
    const ageWord = cell(record, 'ageBand');
    const ageBand = ageWord === '' ? null : ageBandOf(ageWord);
    const countWord = cell(record, 'count');
    const count = columns.has('count') ? countOf(countWord) : 1;
    if (!audience) problem(audienceProblem(audienceWord));
    if (ageBand === undefined) problem(ageBandProblem(ageWord));
    else if (ageBand && audience && audience !== 'children-and-young-people') {
      problem(AGE_BAND_ONLY_FOR_CHILDREN);
    }
    if (count === undefined) {
      problem(
        countWord === ''
          ? 'How many is empty. Give the number of people, or 0.'
          : `“${countWord}” is not a number of people. Give a whole number from 0 to ${MAX_REACH_COUNT.toLocaleString('en-GB')}.`,
      );
    }
    if (problems.length > before) continue;
    rows.push({ row: record.line, audience: audience!, ageBand: ageBand ?? null, count: count! });
  }
  return { rows, problems };
}

/** "12", " 1,200 ": a whole number of people, or undefined. */
function countOf(word: string): number | undefined {
  if (!/^\d{1,3}(,?\d{3})*$/.test(word)) return undefined;
  const count = Number(word.replace(/,/g, ''));
  return count <= MAX_REACH_COUNT ? count : undefined;
}

/** The rows added up by group, as the API shows counts (reading order, groups of none left out). */
export function reachOf(rows: readonly ImportedReach[]): ReachCount[] {
  const sums = new Map<string, StoredReachCount>();
  for (const { audience, ageBand, count } of rows) {
    const key = `${audience}/${ageBand ?? ''}`;
    const sum = sums.get(key) ?? { audience, ageBand, count: 0 };
    sum.count += count;
    sums.set(key, sum);
  }
  return reachView([...sums.values()]);
}
