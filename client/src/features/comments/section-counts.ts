/**
 * How many threads start in each section: `headingStarts` are where the sections'
 * headings are (in order), `threadStarts` where the threads' text begins. A thread
 * before the first heading belongs to no section.
 */
export function countBySection(
  headingStarts: readonly number[],
  threadStarts: readonly number[],
): number[] {
  const counts = headingStarts.map(() => 0);
  for (const start of threadStarts) {
    let section = -1;
    for (let i = 0; i < headingStarts.length; i += 1) {
      if ((headingStarts[i] ?? Infinity) <= start) section = i;
      else break;
    }
    if (section >= 0) counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}
