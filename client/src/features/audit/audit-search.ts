import { AUDIT_TARGET_TYPES, type AuditQuery, type AuditTargetType } from '@coproduce/domain';
import { dateEntryProblem, isCalendarDate } from '../../calendar-dates';
import type { ProblemItem } from '../../components/ErrorSummary';

/** The audit page's filters as its form holds them: text, empty for "any". */
export interface AuditFilters {
  actorId: string;
  action: string;
  from: string;
  to: string;
  targetType: string;
  targetId: string;
}

export const NO_FILTERS: AuditFilters = {
  actorId: '',
  action: '',
  from: '',
  to: '',
  targetType: '',
  targetId: '',
};

const FILTER_NAMES = Object.keys(NO_FILTERS) as Array<keyof AuditFilters>;
const ID = /^[0-9a-f]{24}$/i;
const ACTION = /^[a-z][a-z-]*\.(?:[a-z][a-z.-]*)?$/;

/** The filters and page an address asks for; anything that cannot be meant is left out. */
export function readAuditSearch(search: URLSearchParams): { filters: AuditFilters; page: number } {
  const value = (name: keyof AuditFilters) => search.get(name)?.trim() ?? '';
  const keep = (name: keyof AuditFilters, valid: (text: string) => boolean) =>
    valid(value(name)) ? value(name) : '';
  const filters: AuditFilters = {
    actorId: keep('actorId', (text) => ID.test(text)),
    action: keep('action', (text) => ACTION.test(text)),
    from: keep('from', isCalendarDate),
    to: keep('to', isCalendarDate),
    targetType: keep('targetType', (text) =>
      (AUDIT_TARGET_TYPES as readonly string[]).includes(text),
    ),
    targetId: keep('targetId', (text) => ID.test(text)),
  };
  const page = Number(search.get('page') ?? '1');
  return { filters, page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 };
}

/** The address's query for these filters and page: only what is set, the first page unsaid. */
export function auditSearch(filters: AuditFilters, page = 1): string {
  const search = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) search.set(name, filters[name]);
  if (page > 1) search.set('page', String(page));
  return search.toString();
}

/** What to ask the server for. */
export function auditQuery(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  const query: AuditQuery = { page, pageSize };
  if (filters.actorId) query.actorId = filters.actorId;
  if (filters.action) query.action = filters.action;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.targetType) query.targetType = filters.targetType as AuditTargetType;
  if (filters.targetId) query.targetId = filters.targetId;
  return query;
}

export function isFiltered(filters: AuditFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== '');
}

/** The dates, as the form's date fields give them: real days, the first not after the last. */
export function validateAuditFilters(filters: AuditFilters): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const fromProblem = dateEntryProblem(filters.from, 'The first day', '1 12 2026');
  if (fromProblem) problems.push({ fieldId: 'from', text: fromProblem });
  const toProblem = dateEntryProblem(filters.to, 'The last day', '31 12 2026');
  if (toProblem) problems.push({ fieldId: 'to', text: toProblem });
  if (problems.length === 0 && filters.from && filters.to && filters.from > filters.to) {
    problems.push({
      fieldId: 'to',
      text: 'The last day must be the same as or after the first day',
    });
  }
  return problems;
}
