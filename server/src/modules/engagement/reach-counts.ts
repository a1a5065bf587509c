import { AUDIENCES, AGE_BANDS, type ReachCount } from '@coproduce/domain';
import { BadRequest } from '../../base/errors';
import type { StoredReachCount } from './engagement-event.schema';

/**
 * Counts by audience as stored: an age band only for children and young people, each
 * audience and age band at most once, in the order people read them (audiences, then
 * age bands youngest first), rows of 0 left out. 400 naming the row otherwise.
 */
export function checkedReach(rows: readonly ReachCount[], what = 'reach'): StoredReachCount[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.ageBand !== undefined && row.ageBand !== null) {
      if (row.audience !== 'children-and-young-people') {
        throw new BadRequest(
          `In ${what}, an age band is only for children and young people, not ${row.audience}.`,
        );
      }
    }
    const key = `${row.audience}/${row.ageBand ?? ''}`;
    if (seen.has(key)) {
      throw new BadRequest(
        `In ${what}, ${row.audience}${row.ageBand ? ` aged ${row.ageBand}` : ''} is counted twice: give each group once.`,
      );
    }
    seen.add(key);
  }
  return rows
    .filter((row) => row.count > 0)
    .map((row) => ({ audience: row.audience, ageBand: row.ageBand ?? null, count: row.count }))
    .sort((a, b) => rank(a) - rank(b));
}

function rank(row: StoredReachCount): number {
  const audience = AUDIENCES.indexOf(row.audience);
  const band = row.ageBand === null ? -1 : AGE_BANDS.indexOf(row.ageBand);
  return audience * 10 + band + 1;
}

export function sumOf(rows: readonly { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0);
}

/**
 * As the API shows counts: no `ageBand` where none was recorded, in reading order, and no
 * row of none (a drop-in's counts may leave one at 0 after an undo, or add rows at the end).
 */
export function reachView(rows: readonly StoredReachCount[]): ReachCount[] {
  return [...rows]
    .filter((row) => row.count > 0)
    .sort((a, b) => rank(a) - rank(b))
    .map((row) => ({
      audience: row.audience,
      ...(row.ageBand ? { ageBand: row.ageBand } : {}),
      count: row.count,
    }));
}
