import { Double, Int32, Long, ObjectId, type Document, type UpdateFilter } from 'mongodb';
import { useConformanceTarget } from '../support/target';

const ctx = useConformanceTarget('query_ops');

type Numbered = Document & { _id: number };

const people: Numbered[] = [
  { _id: 1, name: 'Alice', role: null, tags: ['a', 'b'], scores: [78, 90], n: new Int32(1) },
  { _id: 2, name: 'albert', tags: ['b'], scores: [82, 88], n: new Double(1) },
  { _id: 3, name: 'Bob', role: 'observer', tags: [], scores: [70], n: Long.fromNumber(1) },
  { _id: 4, name: 'carol', role: 'commissioner', tags: ['a', 'b', 'c'], n: 6 },
  { _id: 5, name: 'Dan', role: 'provider', tags: ['b', 'a'], scores: [85, 79], n: 'six' },
  { _id: 6, role: 7, n: 9 },
];

const orders: Numbered[] = [
  {
    _id: 1,
    items: [
      { name: 'leaflets', qty: 10 },
      { name: 'venue', qty: 1 },
    ],
    venue: { town: 'Leeds', accessible: true },
    budget: 100,
    spent: 120,
    heldOn: new Date('2026-01-10T10:00:00Z'),
  },
  {
    _id: 2,
    items: [
      { name: 'venue', qty: 6 },
      { name: 'leaflets', qty: 2 },
    ],
    venue: { accessible: true, town: 'Leeds' },
    budget: 200,
    spent: 150,
    heldOn: new Date('2026-02-10T10:00:00Z'),
  },
  {
    _id: 3,
    items: [{ name: 'refreshments', qty: 30 }],
    venue: { town: 'York', accessible: false },
    budget: 50,
    spent: 50,
    heldOn: new Date('2026-03-10T10:00:00Z'),
  },
];

beforeAll(async () => {
  await ctx.db.collection<Numbered>('people').insertMany(people);
  await ctx.db.collection<Numbered>('orders').insertMany(orders);
});

async function idsOf(collection: string, filter: Document): Promise<number[]> {
  return (
    await ctx.db.collection<Numbered>(collection).find(filter).sort({ _id: 1 }).toArray()
  ).map((doc) => doc._id);
}

describe('query operators', () => {
  test('null matches null and missing; $ne: null and $exists tell them apart', async () => {
    expect(await idsOf('people', { role: null })).toEqual([1, 2]);
    expect(await idsOf('people', { role: { $ne: null } })).toEqual([3, 4, 5, 6]);
    expect(await idsOf('people', { role: { $exists: true } })).toEqual([1, 3, 4, 5, 6]);
    expect(await idsOf('people', { role: { $exists: false } })).toEqual([2]);
    expect(await idsOf('people', { role: { $in: [null, 'observer'] } })).toEqual([1, 2, 3]);
  });

  test('comparisons only match values of the same type bracket', async () => {
    expect(await idsOf('people', { n: { $gt: 5 } })).toEqual([4, 6]);
    expect(await idsOf('people', { n: { $gte: 'a' } })).toEqual([5]);
    expect(await idsOf('people', { role: { $lt: 'p' } })).toEqual([3, 4]);
    expect(await idsOf('people', { role: { $gt: 0 } })).toEqual([6]);
  });

  test('numbers are equal across int32, int64 and double', async () => {
    expect(await idsOf('people', { n: 1 })).toEqual([1, 2, 3]);
    expect(await idsOf('people', { n: Long.fromNumber(1) })).toEqual([1, 2, 3]);
    expect(await idsOf('people', { n: { $in: [6, 9] } })).toEqual([4, 6]);
  });

  test('numerically equal values group, deduplicate and pull as one', async () => {
    const groups = await ctx.db
      .collection('people')
      .aggregate([
        { $match: { _id: { $in: [1, 2, 3] } } },
        { $group: { _id: '$n', count: { $sum: 1 } } },
      ])
      .toArray();
    expect(groups).toHaveLength(1);
    expect(groups[0].count).toBe(3);
    expect(
      await ctx.db.collection<Numbered>('people').distinct('n', { _id: { $in: [1, 2, 3] } }),
    ).toHaveLength(1);

    const sets = ctx.db.collection<{ _id: number; values: unknown[] }>('numeric_sets');
    await sets.insertOne({ _id: 1, values: [new Int32(1), 2] });
    await sets.updateOne({ _id: 1 }, {
      $addToSet: { values: { $each: [new Double(1), Long.fromNumber(2), 3] } },
    } as UpdateFilter<{
      values: unknown[];
    }>);
    expect((await sets.findOne({ _id: 1 }))?.values).toEqual([1, 2, 3]);
    await sets.updateOne({ _id: 1 }, { $pull: { values: new Double(2) } } as UpdateFilter<{
      values: unknown[];
    }>);
    expect((await sets.findOne({ _id: 1 }))?.values).toEqual([1, 3]);
  });

  test('$type selects by BSON type', async () => {
    expect(await idsOf('people', { n: { $type: 'string' } })).toEqual([5]);
    expect(await idsOf('people', { n: { $type: 'int' } })).toEqual([1, 4, 6]);
    expect(await idsOf('people', { n: { $type: 'double' } })).toEqual([2]);
    expect(await idsOf('people', { n: { $type: 'long' } })).toEqual([3]);
    expect(await idsOf('people', { n: { $type: 'number' } })).toEqual([1, 2, 3, 4, 6]);
    expect(await idsOf('people', { role: { $type: 'null' } })).toEqual([1]);
    expect(await idsOf('people', { tags: { $type: 'array' } })).toEqual([1, 2, 3, 4, 5]);
  });

  test('arrays: element equality, exact equality, $all, $size and array positions', async () => {
    expect(await idsOf('people', { tags: 'a' })).toEqual([1, 4, 5]);
    expect(await idsOf('people', { tags: ['a', 'b'] })).toEqual([1]);
    expect(await idsOf('people', { tags: [] })).toEqual([3]);
    expect(await idsOf('people', { tags: { $all: ['b', 'a'] } })).toEqual([1, 4, 5]);
    expect(await idsOf('people', { tags: { $size: 1 } })).toEqual([2]);
    expect(await idsOf('people', { 'tags.0': 'b' })).toEqual([2, 5]);
    expect(await idsOf('people', { 'tags.2': { $exists: true } })).toEqual([4]);
  });

  test('$elemMatch needs one element to satisfy every condition; plain conditions may use different elements', async () => {
    expect(await idsOf('people', { scores: { $elemMatch: { $gte: 80, $lt: 85 } } })).toEqual([2]);
    expect(await idsOf('people', { scores: { $gte: 80, $lt: 85 } })).toEqual([1, 2, 5]);
    expect(
      await idsOf('orders', { items: { $elemMatch: { name: 'venue', qty: { $gt: 5 } } } }),
    ).toEqual([2]);
    expect(await idsOf('orders', { 'items.name': 'venue', 'items.qty': { $gt: 5 } })).toEqual([
      1, 2,
    ]);
    expect(await idsOf('orders', { 'items.0.name': 'venue' })).toEqual([2]);
  });

  test('an embedded document matches only exactly, field order included; dotted paths match fields', async () => {
    expect(await idsOf('orders', { venue: { town: 'Leeds', accessible: true } })).toEqual([1]);
    expect(await idsOf('orders', { venue: { accessible: true, town: 'Leeds' } })).toEqual([2]);
    expect(await idsOf('orders', { venue: { town: 'Leeds' } })).toEqual([]);
    expect(await idsOf('orders', { 'venue.town': 'Leeds', 'venue.accessible': true })).toEqual([
      1, 2,
    ]);
  });

  test('regular expressions, with options, and inside $in', async () => {
    expect(await idsOf('people', { name: /^al/i })).toEqual([1, 2]);
    expect(await idsOf('people', { name: { $regex: '^AL', $options: 'i' } })).toEqual([1, 2]);
    expect(await idsOf('people', { name: { $regex: /^a/ } })).toEqual([2]);
    expect(await idsOf('people', { name: { $in: [/^B/, 'carol'] } })).toEqual([3, 4]);
    expect(await idsOf('people', { tags: /c/ })).toEqual([4]);
  });

  test('$not, $nor, $or, $and and $mod', async () => {
    // $not also matches documents without the field.
    expect(await idsOf('people', { n: { $not: { $gt: 5 } } })).toEqual([1, 2, 3, 5]);
    expect(await idsOf('people', { $nor: [{ role: null }, { n: 9 }] })).toEqual([3, 4, 5]);
    expect(await idsOf('people', { $or: [{ tags: 'c' }, { name: 'Bob' }] })).toEqual([3, 4]);
    expect(await idsOf('people', { $and: [{ tags: 'a' }, { tags: 'c' }] })).toEqual([4]);
    expect(await idsOf('people', { n: { $mod: [3, 0] } })).toEqual([4, 6]);
  });

  test('$expr compares fields of the same document', async () => {
    expect(await idsOf('orders', { $expr: { $gt: ['$spent', '$budget'] } })).toEqual([1]);
    expect(await idsOf('orders', { $expr: { $eq: ['$spent', '$budget'] } })).toEqual([3]);
  });

  test('dates compare as dates; ObjectIds as ObjectIds', async () => {
    expect(
      await idsOf('orders', {
        heldOn: { $gte: new Date('2026-02-01T00:00:00Z'), $lt: new Date('2026-03-10T10:00:00Z') },
      }),
    ).toEqual([2]);
    const collection = ctx.db.collection('object_ids');
    const ids = [new ObjectId(), new ObjectId(), new ObjectId()];
    await collection.insertMany(ids.map((_id, i) => ({ _id, i })));
    const found = await collection
      .find({ _id: { $in: [ids[0], ids[2]] } })
      .sort({ i: 1 })
      .toArray();
    expect(found.map((doc) => doc.i)).toEqual([0, 2]);
    expect(await collection.countDocuments({ _id: { $gt: ids[0] } })).toBe(2);
  });
});
