import { Long, MongoServerError, type Document } from 'mongodb';
import { refusalOf } from '../support/refusal';
import { useConformanceTarget } from '../support/target';

/**
 * Two places where a JavaScript engine is tempted to cut corners: 64-bit
 * integers beyond 2^53 (a JS number cannot tell them apart) and regular
 * expressions (MongoDB's are PCRE, not JavaScript's).
 */
const ctx = useConformanceTarget('long_regex');

type Numbered = Document & { _id: number };

const twoTo53 = Long.fromString('9007199254740992');
const twoTo53PlusOne = Long.fromString('9007199254740993');
const twoTo53PlusTwo = Long.fromString('9007199254740994');

describe('int64 beyond 2^53', () => {
  beforeAll(async () => {
    await ctx.db.collection<Numbered>('big_numbers').insertMany([
      { _id: 1, n: twoTo53 },
      { _id: 2, n: twoTo53PlusOne },
      { _id: 3, n: twoTo53PlusTwo },
    ]);
  });

  function ids(filter: Document, sort: Document = { _id: 1 }) {
    return ctx.db
      .collection<Numbered>('big_numbers')
      .find(filter)
      .sort(sort)
      .toArray()
      .then((docs) => docs.map((doc) => doc._id));
  }

  test('equality and ranges tell neighbours apart', async () => {
    expect(await ids({ n: twoTo53PlusOne })).toEqual([2]);
    expect(await ids({ n: { $gt: twoTo53 } })).toEqual([2, 3]);
    expect(await ids({ n: { $lt: twoTo53PlusTwo } })).toEqual([1, 2]);
  });

  test('sorting orders neighbours correctly', async () => {
    expect(await ids({}, { n: -1 })).toEqual([3, 2, 1]);
  });

  test('$inc by one is exact, and an index finds the result', async () => {
    const collection = ctx.db.collection<Numbered>('big_counter');
    await collection.createIndex({ n: 1 });
    await collection.insertOne({ _id: 1, n: twoTo53 });
    await collection.updateOne({ _id: 1 }, { $inc: { n: Long.fromNumber(1) } });
    const [doc] = await collection.find({ _id: 1 }, { promoteLongs: false }).toArray();
    expect((doc.n as Long).toString()).toBe('9007199254740993');
    expect(await collection.countDocuments({ n: twoTo53PlusOne })).toBe(1);
    expect(await collection.countDocuments({ n: twoTo53 })).toBe(0);
  });

  test('a unique index keeps neighbours apart', async () => {
    const collection = ctx.db.collection<Numbered>('big_unique');
    await collection.createIndex({ n: 1 }, { unique: true });
    await collection.insertMany([
      { _id: 1, n: twoTo53 },
      { _id: 2, n: twoTo53PlusOne },
    ]);
    expect(await collection.countDocuments()).toBe(2);
  });
});

describe('regular expressions are PCRE', () => {
  beforeAll(async () => {
    await ctx.db.collection<Numbered>('names').insertMany([
      { _id: 1, name: 'Alice Jones' },
      { _id: 2, name: 'alice smith' },
      { _id: 3, name: 'Bob' },
      { _id: 4, name: 'line one\nline two' },
    ]);
  });

  function ids(filter: Document) {
    return ctx.db
      .collection<Numbered>('names')
      .find(filter)
      .sort({ _id: 1 })
      .toArray()
      .then((docs) => docs.map((doc) => doc._id));
  }

  test('an inline (?i) flag is honoured', async () => {
    expect(await ids({ name: { $regex: '(?i)^alice' } })).toEqual([1, 2]);
  });

  test('the x option ignores whitespace in the pattern', async () => {
    expect(await ids({ name: { $regex: '^ali ce \\s jones', $options: 'ix' } })).toEqual([1]);
  });

  test('the m and s options change ^ and .', async () => {
    expect(await ids({ name: { $regex: '^line two', $options: 'm' } })).toEqual([4]);
    expect(await ids({ name: { $regex: 'one.line', $options: 's' } })).toEqual([4]);
    expect(await ids({ name: { $regex: 'one.line' } })).toEqual([]);
  });

  test('an invalid pattern is refused with 51091', async () => {
    const error = await refusalOf(
      ctx.db
        .collection('names')
        .find({ name: { $regex: '(unclosed' } })
        .toArray(),
    );
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 51091 });
    expect((error as MongoServerError).message).toContain('Regular expression is invalid');
  });
});
