import { Double, Int32, Long, type Document } from 'mongodb';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

/**
 * Index keys compare the way values do: numbers by value whatever their
 * type, documents field by field in order, arrays element by element. And an
 * index may only answer a query it fully covers, so sparse and partial
 * indexes must not make documents vanish from results.
 */
const ctx = useConformanceTarget('index_keys');

type Numbered = Document & { _id: number };

async function ids(collection: string, filter: Document, sort: Document = { _id: 1 }) {
  return (await ctx.db.collection<Numbered>(collection).find(filter).sort(sort).toArray()).map(
    (doc) => doc._id,
  );
}

describe('unique keys compare by value', () => {
  test('int32 1, double 1.0 and int64 1 are the same key', async () => {
    const collection = ctx.db.collection<Numbered>('unique_numbers');
    await collection.createIndex({ n: 1 }, { unique: true });
    await collection.insertOne({ _id: 1, n: new Int32(1) });
    expect(await refusalOf(collection.insertOne({ _id: 2, n: new Double(1) }))).toMatchObject({
      code: 11000,
    });
    expect(await refusalOf(collection.insertOne({ _id: 3, n: Long.fromNumber(1) }))).toMatchObject({
      code: 11000,
    });
    await collection.insertOne({ _id: 4, n: new Double(1.5) });
    expect(await collection.countDocuments()).toBe(2);
  });

  test('strings are case-sensitive keys', async () => {
    const collection = ctx.db.collection<Numbered>('unique_strings');
    await collection.createIndex({ email: 1 }, { unique: true });
    await collection.insertMany([
      { _id: 1, email: 'Expert@demo.test' },
      { _id: 2, email: 'expert@demo.test' },
    ]);
    expect(await collection.countDocuments()).toBe(2);
  });

  test('embedded documents with the same fields in another order are different keys', async () => {
    const collection = ctx.db.collection<Numbered>('unique_documents');
    await collection.createIndex({ period: 1 }, { unique: true });
    await collection.insertOne({ _id: 1, period: { year: 2026, quarter: 1 } });
    await collection.insertOne({ _id: 2, period: { quarter: 1, year: 2026 } });
    expect(
      await refusalOf(collection.insertOne({ _id: 3, period: { year: 2026, quarter: 1 } })),
    ).toMatchObject({ code: 11000 });
  });

  test('a unique multikey index refuses a value shared across documents, not within one', async () => {
    const collection = ctx.db.collection<Numbered>('unique_tags');
    await collection.createIndex({ tags: 1 }, { unique: true });
    await collection.insertOne({ _id: 1, tags: ['access', 'staff'] });
    await collection.insertOne({ _id: 2, tags: ['waiting', 'waiting'] });
    expect(
      await refusalOf(collection.insertOne({ _id: 3, tags: ['transition', 'staff'] })),
    ).toMatchObject({ code: 11000 });
    expect(await ids('unique_tags', {})).toEqual([1, 2]);
  });

  test('in a compound unique index a missing field and null are the same key', async () => {
    const collection = ctx.db.collection<Numbered>('unique_compound_null');
    await collection.createIndex({ workspace: 1, role: 1 }, { unique: true });
    await collection.insertOne({ _id: 1, workspace: 'w1' });
    expect(
      await refusalOf(collection.insertOne({ _id: 2, workspace: 'w1', role: null })),
    ).toMatchObject({ code: 11000 });
  });
});

describe('indexed lookups find every matching document', () => {
  beforeAll(async () => {
    const collection = ctx.db.collection<Numbered>('mixed_numbers');
    await collection.insertMany([
      { _id: 1, n: new Int32(1), at: new Date('2026-01-01') },
      { _id: 2, n: new Double(1), at: new Date('2026-02-01') },
      { _id: 3, n: Long.fromNumber(1), at: new Date('2026-03-01') },
      { _id: 4, n: new Double(1.5), at: new Date('2026-04-01') },
      { _id: 5, n: Long.fromNumber(2), at: new Date('2026-05-01') },
      { _id: 6, n: '2', at: '2026-06-01' },
      { _id: 7, n: null },
      { _id: 8 },
      { _id: 9, n: [1, 7] },
    ]);
    await collection.createIndex({ n: 1 });
    await collection.createIndex({ at: 1 });
  });

  test('equality on a number matches int32, double and int64 alike, and array elements', async () => {
    expect(await ids('mixed_numbers', { n: 1 })).toEqual([1, 2, 3, 9]);
    expect(await ids('mixed_numbers', { n: new Double(1) })).toEqual([1, 2, 3, 9]);
  });

  test('a range on a number stays within numbers', async () => {
    expect(await ids('mixed_numbers', { n: { $gte: 1, $lt: 3 } })).toEqual([1, 2, 3, 4, 5, 9]);
    expect(await ids('mixed_numbers', { n: { $gt: 1.2 } })).toEqual([4, 5, 9]);
  });

  test('null matches null and missing through the index', async () => {
    expect(await ids('mixed_numbers', { n: null })).toEqual([7, 8]);
    expect(await ids('mixed_numbers', { n: { $in: [null, '2'] } })).toEqual([6, 7, 8]);
  });

  test('a date range through an index ignores strings that look like dates', async () => {
    expect(
      await ids('mixed_numbers', {
        at: { $gte: new Date('2026-03-01'), $lt: new Date('2026-07-01') },
      }),
    ).toEqual([3, 4, 5]);
  });

  test('a sort served by the index follows BSON order across types', async () => {
    expect(await ids('mixed_numbers', {}, { n: 1, _id: 1 })).toEqual([7, 8, 1, 2, 3, 9, 4, 5, 6]);
  });

  test('a sparse index does not hide documents without the field', async () => {
    const collection = ctx.db.collection<Numbered>('sparse_lookup');
    await collection.insertMany([
      { _id: 1, nickname: 'Sam' },
      { _id: 2 },
      { _id: 3, nickname: null },
    ]);
    await collection.createIndex({ nickname: 1 }, { sparse: true });
    expect(await ids('sparse_lookup', { nickname: null })).toEqual([2, 3]);
    expect(await ids('sparse_lookup', { nickname: { $exists: false } })).toEqual([2]);
    expect(await ids('sparse_lookup', {}, { nickname: 1, _id: 1 })).toEqual([2, 3, 1]);
  });

  test('a partial index does not hide documents outside its filter', async () => {
    const collection = ctx.db.collection<Numbered>('partial_lookup');
    await collection.insertMany([
      { _id: 1, code: 'X1', status: 'pending' },
      { _id: 2, code: 'X1', status: 'accepted' },
      { _id: 3, code: 'X2', status: 'pending' },
    ]);
    await collection.createIndex({ code: 1 }, { partialFilterExpression: { status: 'pending' } });
    expect(await ids('partial_lookup', { code: 'X1' })).toEqual([1, 2]);
    expect(await ids('partial_lookup', { code: 'X1', status: 'pending' })).toEqual([1]);
  });

  test('an index on a path through an array of documents finds each element', async () => {
    const collection = ctx.db.collection<Numbered>('multikey_paths');
    await collection.insertMany([
      { _id: 1, items: [{ name: 'venue' }, { name: 'leaflets' }] },
      { _id: 2, items: [{ name: 'refreshments' }] },
      { _id: 3, items: { name: 'venue' } },
    ]);
    await collection.createIndex({ 'items.name': 1 });
    expect(await ids('multikey_paths', { 'items.name': 'venue' })).toEqual([1, 3]);
    // Without $elemMatch the two bounds may be met by different elements ('venue' and 'leaflets').
    expect(await ids('multikey_paths', { 'items.name': { $gt: 'm', $lt: 's' } })).toEqual([1, 2]);
    expect(
      await ids('multikey_paths', { items: { $elemMatch: { name: { $gt: 'm', $lt: 's' } } } }),
    ).toEqual([2]);
  });
});
