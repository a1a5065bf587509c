import { checkedReach, reachView, sumOf } from './reach-counts';

describe('counts of people by audience', () => {
  it('keeps audiences in reading order, age bands youngest first, and leaves out zeros', () => {
    const stored = checkedReach([
      { audience: 'professionals', count: 4 },
      { audience: 'children-and-young-people', ageBand: '16-18', count: 3 },
      { audience: 'parents-and-carers', count: 0 },
      { audience: 'children-and-young-people', ageBand: '5-10', count: 2 },
      { audience: 'children-and-young-people', count: 1 },
    ]);
    expect(reachView(stored)).toEqual([
      { audience: 'children-and-young-people', count: 1 },
      { audience: 'children-and-young-people', ageBand: '5-10', count: 2 },
      { audience: 'children-and-young-people', ageBand: '16-18', count: 3 },
      { audience: 'professionals', count: 4 },
    ]);
    expect(sumOf(stored)).toBe(10);
  });

  it('refuses an age band for adults and a group counted twice, saying which', () => {
    expect(() =>
      checkedReach([{ audience: 'parents-and-carers', ageBand: '0-4', count: 1 }]),
    ).toThrow(/only for children and young people, not parents-and-carers/);
    expect(() =>
      checkedReach([
        { audience: 'children-and-young-people', ageBand: '0-4', count: 1 },
        { audience: 'children-and-young-people', ageBand: '0-4', count: 2 },
      ]),
    ).toThrow(/aged 0-4 is counted twice/);
  });
});
