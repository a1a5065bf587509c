import { MongoBulkWriteError, type Document, type WriteError } from 'mongodb';
import { Schema } from 'mongoose';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('bulk_writes');

type Numbered = Document & { _id: number };

async function bulkError(promise: Promise<unknown>): Promise<MongoBulkWriteError> {
  const error: unknown = await refusalOf(promise);
  expect(error).toBeInstanceOf(MongoBulkWriteError);
  return error as MongoBulkWriteError;
}

function writeErrorsOf(error: MongoBulkWriteError): WriteError[] {
  return [error.writeErrors].flat();
}

async function storedIds(name: string): Promise<number[]> {
  return (await ctx.db.collection<Numbered>(name).find().sort({ _id: 1 }).toArray()).map(
    (doc) => doc._id,
  );
}

describe('insertMany', () => {
  test('ordered: stops at the first error and reports how many went in', async () => {
    const collection = ctx.db.collection<Numbered>('ordered_insert');
    const error = await bulkError(
      collection.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }, { _id: 4 }]),
    );
    expect(error.code).toBe(11000);
    expect(error.insertedCount).toBe(2);
    const writeErrors = writeErrorsOf(error);
    expect(writeErrors).toHaveLength(1);
    expect(writeErrors[0].index).toBe(2);
    expect(writeErrors[0].code).toBe(11000);
    expect(await storedIds('ordered_insert')).toEqual([1, 2]);
  });

  test('unordered: carries on past errors and reports every one with its index', async () => {
    const collection = ctx.db.collection<Numbered>('unordered_insert');
    await collection.insertOne({ _id: 12 });
    const error = await bulkError(
      collection.insertMany(
        [{ _id: 10 }, { _id: 10 }, { _id: 11 }, { _id: 11 }, { _id: 12 }, { _id: 13 }],
        { ordered: false },
      ),
    );
    expect(error.insertedCount).toBe(3);
    const writeErrors = writeErrorsOf(error);
    expect(writeErrors.map((writeError) => writeError.index)).toEqual([1, 3, 4]);
    expect(writeErrors.every((writeError) => writeError.code === 11000)).toBe(true);
    expect(await storedIds('unordered_insert')).toEqual([10, 11, 12, 13]);
  });

  test('the raw insert reply has n, ok and writeErrors in MongoDB’s shape', async () => {
    await ctx.db.collection<Numbered>('raw_insert').insertOne({ _id: 2 });
    const reply = await ctx.db.command({
      insert: 'raw_insert',
      documents: [{ _id: 1 }, { _id: 2 }, { _id: 3 }],
      ordered: false,
    });
    expect(reply.ok).toBe(1);
    expect(reply.n).toBe(2);
    expect(reply.writeErrors).toHaveLength(1);
    expect(reply.writeErrors[0]).toMatchObject({
      index: 1,
      code: 11000,
      errmsg: `E11000 duplicate key error collection: ${ctx.target.dbName}.raw_insert index: _id_ dup key: { _id: 2 }`,
      keyPattern: { _id: 1 },
      keyValue: { _id: 2 },
    });
  });
});

describe('bulkWrite', () => {
  test('a mixed ordered bulk write reports every count', async () => {
    const collection = ctx.db.collection<Numbered>('mixed_bulk');
    await collection.insertMany([
      { _id: 1, stage: 'plan' },
      { _id: 2, stage: 'plan' },
      { _id: 3, stage: 'do' },
    ]);
    const result = await collection.bulkWrite([
      { insertOne: { document: { _id: 4, stage: 'review' } } },
      { updateOne: { filter: { _id: 1 }, update: { $set: { stage: 'do' } } } },
      { updateMany: { filter: { stage: 'plan' }, update: { $set: { flagged: true } } } },
      { deleteOne: { filter: { _id: 3 } } },
      { replaceOne: { filter: { _id: 4 }, replacement: { stage: 'done' } } },
      { updateOne: { filter: { _id: 9 }, update: { $set: { stage: 'new' } }, upsert: true } },
      { deleteMany: { filter: { stage: 'nothing' } } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.matchedCount).toBe(3);
    expect(result.modifiedCount).toBe(3);
    expect(result.deletedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(result.upsertedIds).toEqual({ 5: 9 });
    expect(await collection.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, stage: 'do' },
      { _id: 2, stage: 'plan', flagged: true },
      { _id: 4, stage: 'done' },
      { _id: 9, stage: 'new' },
    ]);
  });

  test('ordered: nothing after the failing operation runs', async () => {
    const collection = ctx.db.collection<Numbered>('ordered_bulk');
    const error = await bulkError(
      collection.bulkWrite([
        { insertOne: { document: { _id: 20 } } },
        { insertOne: { document: { _id: 20 } } },
        { updateOne: { filter: { _id: 20 }, update: { $set: { touched: true } } } },
      ]),
    );
    expect(error.insertedCount).toBe(1);
    expect(writeErrorsOf(error).map((writeError) => writeError.index)).toEqual([1]);
    expect(await collection.findOne({ _id: 20 })).toEqual({ _id: 20 });
  });

  test('unordered: errors from different kinds of operation keep their original indexes', async () => {
    const collection = ctx.db.collection<Numbered>('unordered_bulk');
    await collection.createIndex({ email: 1 }, { unique: true });
    await collection.insertMany([
      { _id: 1, email: 'a@demo.test' },
      { _id: 2, email: 'b@demo.test' },
    ]);
    const error = await bulkError(
      collection.bulkWrite(
        [
          { updateOne: { filter: { _id: 2 }, update: { $set: { email: 'a@demo.test' } } } },
          { insertOne: { document: { _id: 1, email: 'c@demo.test' } } },
          { insertOne: { document: { _id: 3, email: 'd@demo.test' } } },
          { deleteOne: { filter: { _id: 2 } } },
          { updateOne: { filter: { _id: 1 }, update: { $set: { _id: 5 } } } },
        ],
        { ordered: false },
      ),
    );
    const writeErrors = writeErrorsOf(error);
    expect(
      writeErrors
        .map((writeError) => [writeError.index, writeError.code])
        .sort((a, b) => a[0] - b[0]),
    ).toEqual([
      [0, 11000],
      [1, 11000],
      [4, 66],
    ]);
    expect(error.insertedCount).toBe(1);
    expect(error.deletedCount).toBe(1);
    expect(await storedIds('unordered_bulk')).toEqual([1, 3]);
  });

  test('the raw update reply has n, nModified and upserted in MongoDB’s shape', async () => {
    await ctx.db.collection<Numbered>('raw_update').insertMany([
      { _id: 1, n: 0 },
      { _id: 2, n: 0 },
    ]);
    const reply = await ctx.db.command({
      update: 'raw_update',
      updates: [
        { q: {}, u: { $inc: { n: 1 } }, multi: true },
        { q: { _id: 1 }, u: { $set: { n: 1 } } },
        { q: { _id: 7 }, u: { $set: { n: 7 } }, upsert: true },
      ],
    });
    expect(reply.ok).toBe(1);
    expect(reply.n).toBe(4);
    expect(reply.nModified).toBe(2);
    expect(reply.upserted).toEqual([{ index: 2, _id: 7 }]);
    expect(reply.writeErrors).toBeUndefined();

    const deleted = await ctx.db.command({
      delete: 'raw_update',
      deletes: [
        { q: { n: 1 }, limit: 0 },
        { q: { _id: 7 }, limit: 1 },
      ],
    });
    expect(deleted).toMatchObject({ ok: 1, n: 3 });
  });

  test('mongoose insertMany unordered stores the valid documents and reports the duplicates', async () => {
    const Member = ctx.mongoose.model(
      'BulkMember',
      new Schema({ email: { type: String, required: true, unique: true } }, { autoIndex: false }),
    );
    await Member.syncIndexes();
    await Member.create({ email: 'a@demo.test' });
    const error: unknown = await refusalOf(
      Member.insertMany(
        [{ email: 'b@demo.test' }, { email: 'a@demo.test' }, { email: 'c@demo.test' }],
        { ordered: false },
      ),
    );
    expect(error).toMatchObject({ name: 'MongoBulkWriteError', code: 11000 });
    expect((await Member.find().sort({ email: 1 }).lean()).map((member) => member.email)).toEqual([
      'a@demo.test',
      'b@demo.test',
      'c@demo.test',
    ]);

    const result = await Member.bulkWrite([
      {
        updateOne: { filter: { email: 'c@demo.test' }, update: { $set: { email: 'd@demo.test' } } },
      },
      { deleteOne: { filter: { email: 'a@demo.test' } } },
    ]);
    expect(result.modifiedCount).toBe(1);
    expect(result.deletedCount).toBe(1);
  });
});
