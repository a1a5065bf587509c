// The table of counts an event's reach and the workspace's target cohort are both
// written in: children and young people by age band, then each other audience.
import {
  AGE_BANDS,
  AUDIENCES,
  AUDIENCE_NAMES,
  MAX_REACH_COUNT,
  ageBandName,
  type AgeBand,
  type Audience,
  type ReachCount,
} from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';

export interface ReachRow {
  /** Unique in the table, and the end of its input's id. */
  key: string;
  audience: Audience;
  ageBand?: AgeBand;
  /** The row's heading: "Aged 5 to 10 years", "Parents and carers". */
  label: string;
  /** The group inside a sentence: "children and young people aged 5 to 10 years". */
  phrase: string;
}

const CYP: Audience = 'children-and-young-people';

/**
 * The rows, in the order people read them. `unbandedLabel` names the row for children
 * and young people whose age is not split out ("Age not recorded" for an event).
 */
export function reachRows(unbandedLabel: string): ReachRow[] {
  return [
    ...AGE_BANDS.map((band) => ({
      key: `${CYP}-${band}`,
      audience: CYP,
      ageBand: band,
      label: `Aged ${ageBandName(band)}`,
      phrase: `children and young people aged ${ageBandName(band)}`,
    })),
    {
      key: CYP,
      audience: CYP,
      label: unbandedLabel,
      phrase: `children and young people (${unbandedLabel.toLowerCase()})`,
    },
    ...AUDIENCES.filter((audience) => audience !== CYP).map((audience) => ({
      key: audience,
      audience,
      label: AUDIENCE_NAMES[audience],
      phrase: audience === 'other' ? 'other people' : AUDIENCE_NAMES[audience].toLowerCase(),
    })),
  ];
}

/** The number fields' text, keyed by row: what is stored, blank where nothing is. */
export type ReachValues = Record<string, string>;

function rowKey(count: Pick<ReachCount, 'audience' | 'ageBand'>): string {
  return count.ageBand ? `${count.audience}-${count.ageBand}` : count.audience;
}

export function reachValuesFrom(counts: readonly ReachCount[]): ReachValues {
  const values: ReachValues = {};
  for (const count of counts) values[rowKey(count)] = String(count.count);
  return values;
}

/** A count as typed: undefined when blank, NaN when not a whole number from 0. */
function readCount(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The counts to send, or the problems with them. A blank field is left out (not
 * recorded); a number, 0 included, is sent. `idPrefix` begins each field's id.
 */
export function readReach(
  rows: readonly ReachRow[],
  values: ReachValues,
  idPrefix: string,
): { problems: ProblemItem[]; counts: ReachCount[] } {
  const problems: ProblemItem[] = [];
  const counts: ReachCount[] = [];
  for (const row of rows) {
    const count = readCount(values[row.key]);
    if (count === undefined) continue;
    const fieldId = `${idPrefix}-${row.key}`;
    if (Number.isNaN(count)) {
      problems.push({
        fieldId,
        text: `Number of ${row.phrase} must be a whole number, like 12, or left blank`,
      });
    } else if (count > MAX_REACH_COUNT) {
      problems.push({
        fieldId,
        text: `Number of ${row.phrase} must be ${MAX_REACH_COUNT.toLocaleString('en-GB')} or fewer`,
      });
    } else {
      counts.push({ audience: row.audience, ...(row.ageBand && { ageBand: row.ageBand }), count });
    }
  }
  return { problems, counts };
}

/** The sum of the fields that hold whole numbers, for the total shown as people type. */
export function sumOfReach(values: ReachValues): number {
  let sum = 0;
  for (const text of Object.values(values)) {
    const count = readCount(text);
    if (count !== undefined && !Number.isNaN(count)) sum += count;
  }
  return sum;
}
