/** A page number to link to, or a gap standing for the pages left out. */
export type PaginationItem = number | 'gap';

/**
 * The pages a numbered pagination shows, as NHS.UK lays it out: the first and last, the
 * current one with its neighbours, and a gap wherever pages are left out (a gap of one
 * page shows that page instead).
 */
export function paginationItems(page: number, pages: number): PaginationItem[] {
  const shown = new Set([1, pages, page - 1, page, page + 1]);
  const numbers = [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  for (const number of numbers) {
    const previous = items.at(-1);
    if (typeof previous === 'number' && number - previous === 2) items.push(previous + 1);
    else if (typeof previous === 'number' && number - previous > 2) items.push('gap');
    items.push(number);
  }
  return items;
}

/** How many pages `total` things make, `pageSize` to a page (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
