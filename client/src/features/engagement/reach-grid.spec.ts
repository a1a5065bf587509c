import { readReach, reachRows, reachValuesFrom, sumOfReach } from './reach-grid';

const rows = reachRows('Age not recorded');

describe('the table of counts by audience and age band', () => {
  it('has each age band of children and young people first, then each other audience', () => {
    expect(rows.map((row) => row.label)).toEqual([
      'Aged 0 to 4 years',
      'Aged 5 to 10 years',
      'Aged 11 to 15 years',
      'Aged 16 to 18 years',
      'Aged 19 to 25 years',
      'Age not recorded',
      'Parents and carers',
      'Professionals',
      'Statutory providers',
      'Voluntary and community sector providers',
      'Other',
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('sends the numbers given, zero included, and leaves blanks out', () => {
    const values = {
      'children-and-young-people-11-15': '12',
      'children-and-young-people': '3',
      'parents-and-carers': ' 0 ',
      professionals: '',
    };
    expect(readReach(rows, values, 'reach')).toEqual({
      problems: [],
      counts: [
        { audience: 'children-and-young-people', ageBand: '11-15', count: 12 },
        { audience: 'children-and-young-people', count: 3 },
        { audience: 'parents-and-carers', count: 0 },
      ],
    });
  });

  it('says which count is wrong, in words, linked to its field', () => {
    const { problems } = readReach(
      rows,
      { 'children-and-young-people-5-10': '2.5', 'statutory-providers': '2000000', other: '-1' },
      'reach',
    );
    expect(problems).toEqual([
      {
        fieldId: 'reach-children-and-young-people-5-10',
        text: 'Number of children and young people aged 5 to 10 years must be a whole number, like 12, or left blank',
      },
      {
        fieldId: 'reach-statutory-providers',
        text: 'Number of statutory providers must be 1,000,000 or fewer',
      },
      {
        fieldId: 'reach-other',
        text: 'Number of other people must be a whole number, like 12, or left blank',
      },
    ]);
  });

  it('puts stored counts back into their fields and adds up what is typed', () => {
    const values = reachValuesFrom([
      { audience: 'children-and-young-people', ageBand: '0-4', count: 4 },
      { audience: 'professionals', count: 7 },
    ]);
    expect(values).toEqual({ 'children-and-young-people-0-4': '4', professionals: '7' });
    expect(sumOfReach({ ...values, other: 'lots', 'parents-and-carers': '1,000' })).toBe(1_011);
  });
});
