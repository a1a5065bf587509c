import { AUDIT_TARGET_TYPES, type AuditQuery, type AuditTargetType } from '@coproduce/domain';
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
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z-]*\.(?:[a-z][a-z.-]*)?$/;

/** The filters and page an address asks for; anything that cannot be meant is left out. */
export function readAuditSearch(search: URLSearchParams): { filters: AuditFilters; page: number } {
  const value = (name: keyof AuditFilters) => search.get(name)?.trim() ?? '';
  const keep = (name: keyof AuditFilters, valid: (text: string) => boolean) =>
    valid(value(name)) ? value(name) : '';
  const filters: AuditFilters = {
    actorId: keep('actorId', (text) => ID.test(text)),
    action: keep('action', (text) => ACTION.test(text)),
    from: keep('from', (text) => DAY.test(text)),
    to: keep('to', (text) => DAY.test(text)),
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
  if (filters.from && !isDay(filters.from)) {
    problems.push({ fieldId: 'from', text: 'Enter a real start date' });
  }
  if (filters.to && !isDay(filters.to)) {
    problems.push({ fieldId: 'to', text: 'Enter a real end date' });
  }
  if (problems.length === 0 && filters.from && filters.to && filters.from > filters.to) {
    problems.push({
      fieldId: 'to',
      text: 'The end date must be the same as or after the start date',
    });
  }
  return problems;
}

function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
