import { ObjectId } from 'mongodb';
import { Schema, type InferSchemaType, type Model } from 'mongoose';
import { useConformanceTarget } from '../support/target';

const ctx = useConformanceTarget('crud');

interface EngagementEvent {
  _id: number;
  kind: string;
  attendees: number;
  themes?: string[];
  venue?: { town: string; accessible: boolean };
}

const events: EngagementEvent[] = [
  { _id: 1, kind: 'drop-in', attendees: 12, themes: ['waiting times', 'key worker'] },
  { _id: 2, kind: 'interview', attendees: 1, themes: ['key worker'] },
  { _id: 3, kind: 'survey', attendees: 140, venue: { town: 'Leeds', accessible: true } },
  { _id: 4, kind: 'drop-in', attendees: 7, venue: { town: 'Bradford', accessible: false } },
  { _id: 5, kind: 'market engagement', attendees: 30, themes: [] },
];

async function seededEvents(name: string) {
  const collection = ctx.db.collection<EngagementEvent>(name);
  await collection.insertMany(events.map((event) => ({ ...event })));
  return collection;
}

describe('CRUD through the driver', () => {
  test('insertOne acknowledges with the generated _id, and the server stores _id first', async () => {
    const collection = ctx.db.collection('insert_one');
    const result = await collection.insertOne({ title: 'Key worker service', stage: 'plan' });
    expect(result.acknowledged).toBe(true);
    expect(result.insertedId).toBeInstanceOf(ObjectId);

    const stored = await collection.findOne({ _id: result.insertedId });
    expect(stored).toEqual({ _id: result.insertedId, title: 'Key worker service', stage: 'plan' });
    // The driver appends a generated _id after the other fields; MongoDB moves it to the front.
    expect(Object.keys(stored ?? {})).toEqual(['_id', 'title', 'stage']);
  });

  test('a client-supplied _id placed last is still stored first', async () => {
    const collection = ctx.db.collection<{ _id: string; title: string }>('insert_id_last');
    await collection.insertOne({ title: 'Specification', _id: 'spec-1' });
    const stored = await collection.findOne({});
    expect(Object.keys(stored ?? {})).toEqual(['_id', 'title']);
  });

  test('insertMany reports insertedCount and insertedIds by position', async () => {
    const collection = ctx.db.collection<{ _id?: string | ObjectId; n: number }>('insert_many');
    const result = await collection.insertMany([{ n: 1 }, { _id: 'given', n: 2 }, { n: 3 }]);
    expect(result.acknowledged).toBe(true);
    expect(result.insertedCount).toBe(3);
    expect(Object.keys(result.insertedIds)).toEqual(['0', '1', '2']);
    expect(result.insertedIds[1]).toBe('given');
    expect(await collection.countDocuments()).toBe(3);
  });

  test('find matches equality, ranges, $in, $or, $exists, dotted paths and array elements', async () => {
    const collection = await seededEvents('find_filters');
    const ids = async (filter: object) =>
      (await collection.find(filter).sort({ _id: 1 }).toArray()).map((event) => event._id);

    expect(await ids({ kind: 'drop-in' })).toEqual([1, 4]);
    expect(await ids({ attendees: { $gte: 12, $lt: 140 } })).toEqual([1, 5]);
    expect(await ids({ kind: { $in: ['survey', 'interview'] } })).toEqual([2, 3]);
    expect(await ids({ $or: [{ attendees: 1 }, { 'venue.town': 'Bradford' }] })).toEqual([2, 4]);
    expect(await ids({ venue: { $exists: false } })).toEqual([1, 2, 5]);
    expect(await ids({ 'venue.accessible': true })).toEqual([3]);
    // Equality on an array field matches any element.
    expect(await ids({ themes: 'key worker' })).toEqual([1, 2]);
    expect(await ids({ themes: { $size: 0 } })).toEqual([5]);
    expect(await ids({ kind: { $regex: '^drop' } })).toEqual([1, 4]);
    expect(await ids({ kind: { $ne: 'drop-in' } })).toEqual([2, 3, 5]);
    expect(await ids({ attendees: { $nin: [1, 7, 12] } })).toEqual([3, 5]);
    expect(await ids({ $and: [{ attendees: { $gt: 5 } }, { themes: { $exists: true } }] })).toEqual(
      [1, 5],
    );
  });

  test('findOne returns the first match or null', async () => {
    const collection = await seededEvents('find_one');
    expect(await collection.findOne({ _id: 3 })).toEqual(events[2]);
    expect(await collection.findOne({ kind: 'focus group' })).toBeNull();
  });

  test('updateOne reports matched and modified counts, and a no-op update modifies nothing', async () => {
    const collection = await seededEvents('update_one');
    const changed = await collection.updateOne({ _id: 2 }, { $set: { attendees: 2 } });
    expect(changed).toEqual({
      acknowledged: true,
      matchedCount: 1,
      modifiedCount: 1,
      upsertedCount: 0,
      upsertedId: null,
    });
    const unchanged = await collection.updateOne({ _id: 2 }, { $set: { attendees: 2 } });
    expect(unchanged.matchedCount).toBe(1);
    expect(unchanged.modifiedCount).toBe(0);
    const missing = await collection.updateOne({ _id: 99 }, { $set: { attendees: 2 } });
    expect(missing.matchedCount).toBe(0);
    expect(missing.modifiedCount).toBe(0);
    expect(await collection.findOne({ _id: 2 })).toEqual({ ...events[1], attendees: 2 });
  });

  test('updateMany updates every match', async () => {
    const collection = await seededEvents('update_many');
    const result = await collection.updateMany({ kind: 'drop-in' }, { $inc: { attendees: 1 } });
    expect(result.matchedCount).toBe(2);
    expect(result.modifiedCount).toBe(2);
    const attendees = await collection
      .find({ kind: 'drop-in' }, { projection: { _id: 0, attendees: 1 } })
      .sort({ _id: 1 })
      .toArray();
    expect(attendees).toEqual([{ attendees: 13 }, { attendees: 8 }]);
  });

  test('replaceOne swaps the whole document but keeps _id', async () => {
    const collection = await seededEvents('replace_one');
    const result = await collection.replaceOne({ _id: 3 }, {
      kind: 'survey',
      attendees: 150,
    } as EngagementEvent);
    expect(result.matchedCount).toBe(1);
    expect(result.modifiedCount).toBe(1);
    expect(await collection.findOne({ _id: 3 })).toEqual({
      _id: 3,
      kind: 'survey',
      attendees: 150,
    });
  });

  test('deleteOne deletes one match, deleteMany all of them', async () => {
    const collection = await seededEvents('delete');
    expect(await collection.deleteOne({ kind: 'drop-in' })).toEqual({
      acknowledged: true,
      deletedCount: 1,
    });
    expect(await collection.countDocuments({ kind: 'drop-in' })).toBe(1);
    expect((await collection.deleteMany({ attendees: { $lt: 100 } })).deletedCount).toBe(3);
    expect((await collection.deleteMany({ kind: 'none' })).deletedCount).toBe(0);
    expect(await collection.find().toArray()).toEqual([events[2]]);
  });

  test('findOneAndUpdate returns the document before or after, honouring sort and projection', async () => {
    const collection = await seededEvents('find_one_and_update');
    const before = await collection.findOneAndUpdate(
      { kind: 'drop-in' },
      { $inc: { attendees: 10 } },
      { sort: { attendees: 1 }, returnDocument: 'before' },
    );
    expect(before).toEqual(events[3]);

    const after = await collection.findOneAndUpdate(
      { kind: 'drop-in' },
      { $inc: { attendees: 10 } },
      { sort: { attendees: -1 }, returnDocument: 'after', projection: { attendees: 1 } },
    );
    // attendees were 12 (id 1) and 17 (id 4, after the first update): the highest is id 4.
    expect(after).toEqual({ _id: 4, attendees: 27 });

    expect(
      await collection.findOneAndUpdate({ kind: 'focus group' }, { $set: { attendees: 1 } }),
    ).toBeNull();
  });

  test('findOneAndUpdate with result metadata reports lastErrorObject', async () => {
    const collection = await seededEvents('find_one_and_update_metadata');
    const result = await collection.findOneAndUpdate(
      { _id: 1 },
      { $set: { attendees: 13 } },
      { returnDocument: 'after', includeResultMetadata: true },
    );
    expect(result.ok).toBe(1);
    expect(result.value).toEqual({ ...events[0], attendees: 13 });
    expect(result.lastErrorObject).toEqual({ n: 1, updatedExisting: true });

    const upserted = await collection.findOneAndUpdate(
      { _id: 10 },
      { $set: { kind: 'interview' } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    expect(upserted.value).toEqual({ _id: 10, kind: 'interview' });
    expect(upserted.lastErrorObject).toEqual({ n: 1, updatedExisting: false, upserted: 10 });
  });

  test('findOneAndReplace and findOneAndDelete return the chosen document', async () => {
    const collection = await seededEvents('find_one_and_replace');
    const replaced = await collection.findOneAndReplace(
      { _id: 2 },
      { kind: 'interview', attendees: 2 } as EngagementEvent,
      { returnDocument: 'after' },
    );
    expect(replaced).toEqual({ _id: 2, kind: 'interview', attendees: 2 });

    const original = await collection.findOneAndReplace({ _id: 5 }, {
      kind: 'market engagement',
      attendees: 31,
    } as EngagementEvent);
    expect(original).toEqual(events[4]);

    const deleted = await collection.findOneAndDelete({ kind: 'drop-in' }, { sort: { _id: -1 } });
    expect(deleted).toEqual(events[3]);
    expect(await collection.findOne({ _id: 4 })).toBeNull();
    expect(await collection.findOneAndDelete({ _id: 4 })).toBeNull();
  });

  test('countDocuments honours filter, skip and limit; estimatedDocumentCount counts all', async () => {
    const collection = await seededEvents('count');
    expect(await collection.countDocuments()).toBe(5);
    expect(await collection.countDocuments({ attendees: { $gt: 10 } })).toBe(3);
    expect(await collection.countDocuments({}, { skip: 1, limit: 3 })).toBe(3);
    expect(await collection.countDocuments({}, { skip: 4 })).toBe(1);
    expect(await collection.estimatedDocumentCount()).toBe(5);
    expect(await ctx.db.collection('count_never_created').estimatedDocumentCount()).toBe(0);
    expect(await ctx.db.collection('count_never_created').countDocuments()).toBe(0);
  });

  test('distinct flattens arrays, follows dotted paths and applies the filter', async () => {
    const collection = await seededEvents('distinct');
    expect((await collection.distinct('kind')).sort()).toEqual([
      'drop-in',
      'interview',
      'market engagement',
      'survey',
    ]);
    expect((await collection.distinct('themes')).sort()).toEqual(['key worker', 'waiting times']);
    expect((await collection.distinct('venue.town')).sort()).toEqual(['Bradford', 'Leeds']);
    expect(await collection.distinct('kind', { attendees: { $gt: 100 } })).toEqual(['survey']);
    expect(await collection.distinct('nothing')).toEqual([]);
  });
});

describe('CRUD through mongoose', () => {
  const engagementEventSchema = new Schema({
    _id: Number,
    kind: { type: String, required: true },
    attendees: { type: Number, min: 0 },
    themes: [String],
  });
  let EngagementEventModel: Model<InferSchemaType<typeof engagementEventSchema>>;
  beforeAll(() => {
    EngagementEventModel = ctx.mongoose.model('MongooseCrudEvent', engagementEventSchema);
  });
  const seed = async () => {
    await EngagementEventModel.deleteMany({});
    await EngagementEventModel.create([
      { _id: 1, kind: 'drop-in', attendees: 12, themes: ['key worker'] },
      { _id: 2, kind: 'interview', attendees: 1 },
      { _id: 3, kind: 'drop-in', attendees: 7, themes: ['waiting times', 'key worker'] },
    ]);
  };

  test('create, find, findOne and findById read back what was written', async () => {
    await seed();
    const found = await EngagementEventModel.find({ kind: 'drop-in' }).sort({ _id: 1 }).lean();
    expect(found.map((event) => event._id)).toEqual([1, 3]);
    const one = await EngagementEventModel.findOne({ attendees: { $lt: 5 } }).lean();
    expect(one).toMatchObject({ _id: 2, kind: 'interview', attendees: 1 });
    expect((await EngagementEventModel.findById(3))?.themes).toEqual([
      'waiting times',
      'key worker',
    ]);
    expect(await EngagementEventModel.findById(42)).toBeNull();
  });

  test('updateOne, updateMany and replaceOne report the counts MongoDB returns', async () => {
    await seed();
    const one = await EngagementEventModel.updateOne({ _id: 1 }, { $set: { attendees: 13 } });
    expect(one).toMatchObject({ acknowledged: true, matchedCount: 1, modifiedCount: 1 });
    const many = await EngagementEventModel.updateMany(
      { kind: 'drop-in' },
      { $push: { themes: 'transition to adult services' } },
    );
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const replaced = await EngagementEventModel.replaceOne(
      { _id: 2 },
      { kind: 'interview', attendees: 2 },
    );
    expect(replaced).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await EngagementEventModel.findById(2).lean()).toMatchObject({
      _id: 2,
      kind: 'interview',
      attendees: 2,
    });
    expect((await EngagementEventModel.findById(3).lean())?.themes).toEqual([
      'waiting times',
      'key worker',
      'transition to adult services',
    ]);
  });

  test('findOneAndUpdate, findOneAndReplace and findOneAndDelete return old or new documents', async () => {
    await seed();
    const updated = await EngagementEventModel.findOneAndUpdate(
      { _id: 2 },
      { $inc: { attendees: 4 } },
      { new: true },
    ).lean();
    expect(updated?.attendees).toBe(5);
    const previous = await EngagementEventModel.findOneAndUpdate(
      { _id: 2 },
      { $inc: { attendees: 1 } },
      { returnDocument: 'before' },
    ).lean();
    expect(previous?.attendees).toBe(5);
    const replaced = await EngagementEventModel.findOneAndReplace(
      { _id: 1 },
      { kind: 'survey', attendees: 100 },
      { returnDocument: 'after' },
    ).lean();
    expect(replaced).toMatchObject({ _id: 1, kind: 'survey', attendees: 100 });
    const deleted = await EngagementEventModel.findOneAndDelete({ _id: 3 }).lean();
    expect(deleted?._id).toBe(3);
    expect(await EngagementEventModel.countDocuments()).toBe(2);
  });

  test('deleteOne, deleteMany, counts and distinct', async () => {
    await seed();
    expect(await EngagementEventModel.countDocuments({ kind: 'drop-in' })).toBe(2);
    expect(await EngagementEventModel.estimatedDocumentCount()).toBe(3);
    expect((await EngagementEventModel.distinct('themes')).sort()).toEqual([
      'key worker',
      'waiting times',
    ]);
    expect(await EngagementEventModel.deleteOne({ kind: 'drop-in' })).toMatchObject({
      deletedCount: 1,
    });
    expect(await EngagementEventModel.deleteMany({})).toMatchObject({ deletedCount: 2 });
    expect(await EngagementEventModel.estimatedDocumentCount()).toBe(0);
  });
});
