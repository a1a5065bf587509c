import { isHourlySummaryUpsert } from './audit-entry.schema';

describe('the one change the audit log allows', () => {
  const summary = { action: 'specification.edit', actorId: 'a', targetId: 's', at: new Date() };

  it('is adding a notice to an hourly summary, made on the first', () => {
    expect(
      isHourlySummaryUpsert(summary, {
        $setOnInsert: { workspaceId: 'w', targetType: 'specification' },
        $addToSet: { occurrences: new Date() },
      }),
    ).toBe(true);
  });

  it('is never a change to any other entry, or to anything else in a summary', () => {
    const notice = { $addToSet: { occurrences: new Date() } };
    expect(isHourlySummaryUpsert({ action: 'member.remove' }, notice)).toBe(false);
    expect(isHourlySummaryUpsert({}, notice)).toBe(false);
    expect(isHourlySummaryUpsert(summary, { $set: { action: 'x' }, ...notice })).toBe(false);
    expect(isHourlySummaryUpsert(summary, { $addToSet: { detail: 'x' } })).toBe(false);
    expect(isHourlySummaryUpsert(summary, { $setOnInsert: { at: new Date() } })).toBe(false);
    expect(isHourlySummaryUpsert(summary, [{ $set: { action: 'x' } }])).toBe(false);
  });
});
