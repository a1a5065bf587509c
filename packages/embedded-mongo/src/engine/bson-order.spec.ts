import { Binary, Decimal128, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compareValues, idKey, valuesAtPath } from './bson-order';

describe('MongoDB value order', () => {
  it('orders values of different types by MongoDB type order', () => {
    const ascending = [
      new MinKey(),
      null,
      -5,
      new Long(3),
      new Decimal128('3.5'),
      'a',
      { a: 1 },
      [1],
      new Binary(Buffer.from([1])),
      new ObjectId('000000000000000000000001'),
      false,
      true,
      new Date(0),
      new Timestamp({ t: 1, i: 0 }),
      /x/,
      new MaxKey(),
    ];
    const shuffled = [...ascending].reverse();
    expect(shuffled.sort(compareValues)).toEqual(ascending);
  });

  it('compares numbers by value across int, long, double and decimal', () => {
    expect(compareValues(new Int32(2), 2.0)).toBe(0);
    expect(compareValues(new Long(10), 9.5)).toBeGreaterThan(0);
    expect(idKey(1)).toBe(idKey(new Long(1)));
    expect(idKey(1)).not.toBe(idKey('1'));
  });

  it('orders plain strings by code point and plain numbers by value, NaN first', () => {
    const strings = ['', 'a', 'ab', 'b', 'z', '\u00e9', '\uffff', '\u{1F600}'];
    expect([...strings].reverse().sort(compareValues)).toEqual(strings);
    expect(compareValues('spec-1', `spec-${1}`)).toBe(0);
    const numbers = [NaN, -Infinity, -1.5, 0, 2, Infinity];
    expect([...numbers].reverse().sort(compareValues)).toEqual(numbers);
    expect(compareValues(-0, 0)).toBe(0);
    expect(compareValues(NaN, NaN)).toBe(0);
    expect(compareValues(2, new Long(2))).toBe(0);
  });

  it('keeps field order significant when comparing embedded documents', () => {
    expect(compareValues({ user: 'a', role: 'x' }, { user: 'a', role: 'x' })).toBe(0);
    expect(compareValues({ user: 'a', role: 'x' }, { role: 'x', user: 'a' })).not.toBe(0);
    expect(idKey({ a: 1, b: 2 })).not.toBe(idKey({ b: 2, a: 1 }));
  });

  it('reaches values through arrays of embedded documents, as multikey indexes do', () => {
    const specification = {
      sections: [{ owner: 'ann' }, { owner: ['bo', 'cy'] }, 'loose'],
      empty: [],
    };
    expect(valuesAtPath(specification, 'sections.owner')).toEqual(['ann', 'bo', 'cy']);
    expect(valuesAtPath(specification, 'sections.1.owner')).toEqual(['bo', 'cy']);
    expect(valuesAtPath(specification, 'missing.path')).toEqual([]);
    expect(valuesAtPath(specification, 'empty')).toEqual([undefined]);
  });
});
