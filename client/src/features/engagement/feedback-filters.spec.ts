import {
  NO_FILTERS,
  feedbackQuery,
  filtersFromSearch,
  isFiltered,
  pageRange,
  searchFromFilters,
} from './feedback-filters';

describe('the feedback list’s filters in the address', () => {
  it('reads the filters and page the address asks for', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'eventId=e-1&status=reflected&audience=parents-and-carers&search=%20key%20worker&page=3',
      ),
    );
    expect(filters).toEqual({
      ...NO_FILTERS,
      eventId: 'e-1',
      status: 'reflected',
      audience: 'parents-and-carers',
      search: 'key worker',
      page: 3,
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('ignores what it does not know rather than failing', () => {
    expect(
      filtersFromSearch(new URLSearchParams('status=lost&audience=aliens&page=-2&colour=red')),
    ).toEqual(NO_FILTERS);
    expect(filtersFromSearch(new URLSearchParams('page=2.5')).page).toBe(1);
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('writes a short address: no blanks, no first page, and reads back the same', () => {
    const filters = { ...NO_FILTERS, themeId: 't-1', search: 'travel', page: 1 };
    expect(searchFromFilters(filters).toString()).toBe('themeId=t-1&search=travel');
    const second = { ...filters, page: 2 };
    expect(filtersFromSearch(searchFromFilters(second))).toEqual(second);
  });

  it('asks the API for one page of a given size with the same filters', () => {
    expect(feedbackQuery({ ...NO_FILTERS, status: 'new' }).toString()).toBe(
      'status=new&page=1&pageSize=50',
    );
    expect(feedbackQuery({ ...NO_FILTERS, eventId: 'e 1', page: 4 }, 20).toString()).toBe(
      'eventId=e+1&page=4&pageSize=20',
    );
  });
});

describe('saying which items a page shows', () => {
  it('counts from 1 and stops at the total', () => {
    expect(pageRange(1, 50, 120)).toEqual({ from: 1, to: 50, pages: 3 });
    expect(pageRange(3, 50, 120)).toEqual({ from: 101, to: 120, pages: 3 });
    expect(pageRange(1, 50, 0)).toEqual({ from: 0, to: 0, pages: 1 });
    expect(pageRange(4, 50, 120)).toEqual({ from: 0, to: 0, pages: 3 });
  });
});
