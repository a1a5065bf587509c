// The feedback list's filters and page live in the page's address, so a filtered list
// can be bookmarked, shared and reached with the back button; the same filters become
// the API's query.
import {
  AUDIENCES,
  FEEDBACK_PAGE_SIZE,
  FEEDBACK_STATUSES,
  type Audience,
  type FeedbackStatus,
} from '@coproduce/domain';

export interface FeedbackFilters {
  eventId: string;
  themeId: string;
  status: FeedbackStatus | '';
  audience: Audience | '';
  specificationId: string;
  search: string;
  /** From 1. */
  page: number;
}

export const NO_FILTERS: FeedbackFilters = {
  eventId: '',
  themeId: '',
  status: '',
  audience: '',
  specificationId: '',
  search: '',
  page: 1,
};

/** The address's query keys, the same as the API's. */
const KEYS = ['eventId', 'themeId', 'status', 'audience', 'specificationId', 'search'] as const;

/** The filters an address asks for; anything unknown or malformed is ignored, not an error. */
export function filtersFromSearch(params: URLSearchParams): FeedbackFilters {
  const status = params.get('status') ?? '';
  const audience = params.get('audience') ?? '';
  const page = Number(params.get('page'));
  return {
    eventId: params.get('eventId')?.trim() ?? '',
    themeId: params.get('themeId')?.trim() ?? '',
    status: (FEEDBACK_STATUSES as readonly string[]).includes(status)
      ? (status as FeedbackStatus)
      : '',
    audience: (AUDIENCES as readonly string[]).includes(audience) ? (audience as Audience) : '',
    specificationId: params.get('specificationId')?.trim() ?? '',
    search: params.get('search')?.trim() ?? '',
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address's query for filters: blanks and the first page left out, so it stays short. */
export function searchFromFilters(filters: FeedbackFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The API's query: the filters, the page and its size. */
export function feedbackQuery(
  filters: FeedbackFilters,
  pageSize: number = FEEDBACK_PAGE_SIZE,
): URLSearchParams {
  const params = searchFromFilters({ ...filters, page: 1 });
  params.set('page', String(filters.page));
  params.set('pageSize', String(pageSize));
  return params;
}

export function isFiltered(filters: FeedbackFilters): boolean {
  return KEYS.some((key) => filters[key] !== '');
}

export interface PageRange {
  /** The first and last item shown, counting from 1; 0 and 0 when the page has none. */
  from: number;
  to: number;
  pages: number;
}

/** Which items a page shows of all that match. */
export function pageRange(page: number, pageSize: number, total: number): PageRange {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // An address for a page past the end (items deleted since, a hand-typed page) shows none.
  if (total === 0 || page > pages) return { from: 0, to: 0, pages };
  const from = Math.min((page - 1) * pageSize + 1, total);
  return { from, to: Math.min(page * pageSize, total), pages };
}
