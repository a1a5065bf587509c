import { BSON, Double, Int32, Long } from 'bson';
import { asKind, fromWire, plainNumbers, restoreWrappers } from './numeric-types';

const decoded = (doc: Record<string, unknown>) =>
  fromWire(BSON.deserialize(BSON.serialize(doc), { promoteValues: false }));

describe('numbers keep their BSON type', () => {
  it('stores int32 and fractional doubles as numbers, whole doubles and longs as wrappers', () => {
    const doc = decoded({
      attendees: new Int32(12),
      mean: 3.5,
      whole: new Double(5),
      big: Long.fromNumber(7),
    });
    expect(doc).toEqual({
      attendees: 12,
      mean: 3.5,
      whole: new Double(5),
      big: Long.fromNumber(7),
    });
    const roundTrip = BSON.deserialize(BSON.serialize(doc), { promoteValues: false });
    expect(roundTrip.attendees).toBeInstanceOf(Int32);
    expect(roundTrip.mean).toBeInstanceOf(Double);
    expect(roundTrip.whole).toBeInstanceOf(Double);
    expect(roundTrip.big).toBeInstanceOf(Long);
  });

  it('gives mingo plain numbers and puts the wrappers back where values did not change', () => {
    const stored = {
      returns: [{ value: new Double(70) }, { value: new Double(80) }],
      total: Long.fromNumber(150),
    };
    const plain = plainNumbers(stored) as unknown as {
      returns: { value: number }[];
      total: number;
    };
    expect(plain).toEqual({ returns: [{ value: 70 }, { value: 80 }], total: 150 });
    plain.returns[1].value = 81;
    expect(restoreWrappers(stored, plain)).toEqual({
      returns: [{ value: new Double(70) }, { value: 81 }],
      total: Long.fromNumber(150),
    });
  });

  it('types arithmetic results as mongod does', () => {
    expect(asKind(2, ['int', 'int'])).toBe(2);
    expect(asKind(2147483648, ['int', 'int'])).toEqual(Long.fromNumber(2147483648));
    expect(asKind(3, ['long', 'int'])).toEqual(Long.fromNumber(3));
    expect(asKind(3, ['int', 'double'])).toEqual(new Double(3));
    expect(asKind(1.5, ['int', 'int'])).toBe(1.5);
  });
});
