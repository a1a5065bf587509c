import {
  auditQuery,
  auditSearch,
  isFiltered,
  NO_FILTERS,
  readAuditSearch,
  validateAuditFilters,
} from './audit-search';

const PERSON = '65a1b2c3d4e5f60718293a4b';

describe('the audit page’s filters in its address', () => {
  it('reads what is set and leaves out what cannot be meant', () => {
    const { filters, page } = readAuditSearch(
      new URLSearchParams(
        `actorId=${PERSON}&action=specification.&from=2026-12-01&targetType=thing&targetId=x&page=3`,
      ),
    );
    expect(filters).toEqual({
      ...NO_FILTERS,
      actorId: PERSON,
      action: 'specification.',
      from: '2026-12-01',
    });
    expect(page).toBe(3);
    expect(readAuditSearch(new URLSearchParams('page=-2')).page).toBe(1);
    expect(readAuditSearch(new URLSearchParams('page=two')).page).toBe(1);
  });

  it('writes only what is set, and the page after the first', () => {
    expect(auditSearch(NO_FILTERS)).toBe('');
    expect(auditSearch({ ...NO_FILTERS, action: 'specification.rename' }, 2)).toBe(
      'action=specification.rename&page=2',
    );
    const filters = { ...NO_FILTERS, actorId: PERSON, to: '2026-12-04' };
    expect(readAuditSearch(new URLSearchParams(auditSearch(filters, 4)))).toEqual({
      filters,
      page: 4,
    });
  });

  it('asks the server for the filters set, one page of a size', () => {
    expect(auditQuery(NO_FILTERS, 1, 25)).toEqual({ page: 1, pageSize: 25 });
    expect(auditQuery({ ...NO_FILTERS, targetType: 'specification' }, 2, 25)).toEqual({
      page: 2,
      pageSize: 25,
      targetType: 'specification',
    });
    expect([isFiltered(NO_FILTERS), isFiltered({ ...NO_FILTERS, from: '2026-12-01' })]).toEqual([
      false,
      true,
    ]);
  });

  it('wants real dates, the first not after the last', () => {
    expect(validateAuditFilters({ ...NO_FILTERS, from: '2026-02-30' })[0]?.fieldId).toBe('from');
    expect(
      validateAuditFilters({ ...NO_FILTERS, from: '2026-12-04', to: '2026-12-01' })[0]?.fieldId,
    ).toBe('to');
    expect(validateAuditFilters({ ...NO_FILTERS, from: '2026-12-01', to: '2026-12-01' })).toEqual(
      [],
    );
  });
});
