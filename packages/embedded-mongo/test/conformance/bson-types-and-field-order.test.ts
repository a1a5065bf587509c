import {
  Binary,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
  UUID,
  type Document,
} from 'mongodb';
import { useConformanceTarget } from '../support/target';

const ctx = useConformanceTarget('bson_types');

type Numbered = Document & { _id: number };

/** Reads without the driver's promotion of numbers, so each value's BSON type shows. */
function findRaw(collection: string, filter: Document = {}) {
  return ctx.db
    .collection<Numbered>(collection)
    .find(filter, { promoteValues: false, promoteLongs: false })
    .sort({ _id: 1 })
    .toArray();
}

describe('BSON types survive a round trip', () => {
  test('numbers keep their exact type: int32, int64, double (also when integral) and decimal', async () => {
    await ctx.db.collection<Numbered>('numbers').insertOne({
      _id: 1,
      int: new Int32(5),
      long: Long.fromString('9007199254740993'),
      wholeDouble: new Double(5),
      fraction: 2.5,
      negativeZero: new Double(-0),
      decimal: Decimal128.fromString('0.1'),
    });
    const [doc] = await findRaw('numbers');
    expect(doc.int).toBeInstanceOf(Int32);
    expect(doc.int.valueOf()).toBe(5);
    expect(doc.long).toBeInstanceOf(Long);
    expect(doc.long.toString()).toBe('9007199254740993');
    expect(doc.wholeDouble).toBeInstanceOf(Double);
    expect(doc.wholeDouble.valueOf()).toBe(5);
    expect(doc.fraction).toBeInstanceOf(Double);
    expect(doc.decimal).toBeInstanceOf(Decimal128);
    expect(doc.decimal.toString()).toBe('0.1');
    expect(Object.is(doc.negativeZero.valueOf(), -0)).toBe(true);
  });

  test('other types round-trip unchanged', async () => {
    const original = {
      _id: 1,
      objectId: new ObjectId('65a1b2c3d4e5f60718293a4b'),
      date: new Date('2026-03-31T23:59:59.999Z'),
      binary: new Binary(Buffer.from([0, 1, 2, 254, 255])),
      uuid: new UUID('1b4e28ba-2fa1-11d2-883f-0016d3cca427'),
      timestamp: new Timestamp({ t: 1_700_000_000, i: 7 }),
      regex: /key\s+worker/i,
      minKey: new MinKey(),
      maxKey: new MaxKey(),
      nothing: null,
      unicode: 'Ysgol ✓ — ñ 日本 🚸',
      emptyObject: {},
      emptyArray: [],
      nested: { arrays: [[1, 2], [], [[3]]], deep: { deeper: { deepest: true } } },
    };
    await ctx.db.collection<Numbered>('other_types').insertOne(original);
    const stored = await ctx.db.collection<Numbered>('other_types').findOne({ _id: 1 });
    expect(stored).toEqual({ ...original, uuid: expect.any(Binary) });
    expect((stored?.uuid as Binary).toUUID().toHexString(true)).toBe(
      '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    );
    expect((stored?.uuid as Binary).sub_type).toBe(4);
  });

  test('$inc keeps int32 when it fits, widens to int64 on overflow, and becomes double with a double', async () => {
    const collection = ctx.db.collection<Numbered>('inc_types');
    await collection.insertOne({
      _id: 1,
      small: new Int32(1),
      nearMax: new Int32(2147483647),
      mixed: new Int32(1),
    });
    await collection.updateOne(
      { _id: 1 },
      { $inc: { small: new Int32(1), nearMax: new Int32(1), mixed: new Double(0.5) } },
    );
    const [doc] = await findRaw('inc_types');
    expect(doc.small).toBeInstanceOf(Int32);
    expect(doc.small.valueOf()).toBe(2);
    expect(doc.nearMax).toBeInstanceOf(Long);
    expect(doc.nearMax.toString()).toBe('2147483648');
    expect(doc.mixed).toBeInstanceOf(Double);
    expect(doc.mixed.valueOf()).toBe(1.5);
  });

  test('values that an update does not touch keep their type', async () => {
    const collection = ctx.db.collection<Numbered>('untouched_types');
    await collection.insertOne({ _id: 1, wholeDouble: new Double(3), counter: new Int32(0) });
    await collection.updateOne({ _id: 1 }, { $inc: { counter: 1 } });
    const [doc] = await findRaw('untouched_types');
    expect(doc.wholeDouble).toBeInstanceOf(Double);
  });

  test('NaN sorts before every other number', async () => {
    const collection = ctx.db.collection<Numbered>('nan_sort');
    await collection.insertMany([
      { _id: 1, v: 1 },
      { _id: 2, v: NaN },
      { _id: 3, v: -Infinity },
    ]);
    const sorted = await collection.find({}).sort({ v: 1 }).toArray();
    expect(sorted.map((doc) => doc._id)).toEqual([2, 3, 1]);
  });
});

describe('field order', () => {
  test('$set keeps existing fields in place and adds new ones at the end, in name order', async () => {
    const collection = ctx.db.collection<Numbered>('set_order');
    await collection.insertOne({ _id: 1, title: 'Draft', stage: 'plan' });
    await collection.updateOne(
      { _id: 1 },
      { $set: { zebra: 1, stage: 'do', apple: 2, 'meta.z': 1, 'meta.a': 2 } },
    );
    const doc = await collection.findOne({ _id: 1 });
    // Since MongoDB 5.0 update operators apply fields in lexicographic order.
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'title', 'stage', 'apple', 'meta', 'zebra']);
    expect(Object.keys(doc?.meta ?? {})).toEqual(['a', 'z']);
    expect(doc?.stage).toBe('do');
  });

  test('a replacement keeps its own field order with _id first', async () => {
    const collection = ctx.db.collection<Numbered>('replace_order');
    await collection.insertOne({ _id: 1, a: 1, b: 2 });
    await collection.replaceOne({ _id: 1 }, { z: 1, y: 2, _id: 1 });
    expect(Object.keys((await collection.findOne({ _id: 1 })) ?? {})).toEqual(['_id', 'z', 'y']);
  });

  test('an upserted document puts _id first, then the query fields, then the update fields', async () => {
    const collection = ctx.db.collection('upsert_order');
    await collection.updateOne(
      { workspace: 'w1', email: 'a@demo.test' },
      { $set: { role: 'observer' }, $setOnInsert: { invitedBy: 'commissioner' } },
      { upsert: true },
    );
    const doc = await collection.findOne({});
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'workspace', 'email', 'invitedBy', 'role']);
  });

  test('$rename moves the field to the end', async () => {
    const collection = ctx.db.collection<Numbered>('rename_order');
    await collection.insertOne({ _id: 1, a: 1, b: 2, c: 3 });
    await collection.updateOne({ _id: 1 }, { $rename: { a: 'd' } });
    expect(Object.keys((await collection.findOne({ _id: 1 })) ?? {})).toEqual([
      '_id',
      'b',
      'c',
      'd',
    ]);
  });
});
