import { MongoServerError, type Document } from 'mongodb';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

/** Options drivers and ODMs attach to ordinary commands, and names MongoDB refuses. */
const ctx = useConformanceTarget('options');

type Numbered = Document & { _id: number };

beforeAll(async () => {
  const collection = ctx.db.collection<Numbered>('outcomes');
  await collection.insertMany(
    Array.from({ length: 30 }, (_, i) => ({
      _id: i,
      group: ['how much', 'how well'][i % 2],
      n: i,
    })),
  );
  await collection.createIndex({ group: 1, n: 1 });
});

describe('command options', () => {
  test('read and write concerns a standalone accepts', async () => {
    const collection = ctx.db.collection<Numbered>('concerns');
    await collection.insertOne({ _id: 1 }, { writeConcern: { w: 'majority', wtimeoutMS: 5_000 } });
    await collection.insertOne({ _id: 2 }, { writeConcern: { w: 1, journal: true } });
    expect(await collection.countDocuments({}, { readConcern: { level: 'majority' } })).toBe(2);
    expect(await collection.find({}, { readConcern: { level: 'local' } }).toArray()).toHaveLength(
      2,
    );
  });

  test('comment, maxTimeMS and allowDiskUse are accepted', async () => {
    const collection = ctx.db.collection<Numbered>('outcomes');
    expect(
      await collection
        .find({ n: { $lt: 5 } }, { comment: 'dashboard', maxTimeMS: 5_000 })
        .toArray(),
    ).toHaveLength(5);
    const grouped = await collection
      .aggregate([{ $group: { _id: '$group', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }], {
        allowDiskUse: true,
        maxTimeMS: 5_000,
        comment: 'dashboard',
      })
      .toArray();
    expect(grouped).toEqual([
      { _id: 'how much', total: 210 },
      { _id: 'how well', total: 225 },
    ]);
  });

  test('a hint naming an existing index is honoured; one naming no index is BadValue (2)', async () => {
    const collection = ctx.db.collection<Numbered>('outcomes');
    expect(await collection.find({ group: 'how well' }).hint('group_1_n_1').toArray()).toHaveLength(
      15,
    );
    expect(
      await collection.find({ group: 'how well' }).hint({ group: 1, n: 1 }).toArray(),
    ).toHaveLength(15);
    const error = await refusalOf(collection.find({}).hint('no_such_index').toArray());
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 2 });
    expect((error as MongoServerError).message).toContain(
      'hint provided does not correspond to an existing index',
    );
  });

  test('the count command honours query, skip and limit', async () => {
    const reply = await ctx.db.command({
      count: 'outcomes',
      query: { group: 'how much' },
      skip: 3,
      limit: 5,
    });
    expect(reply).toMatchObject({ n: 5, ok: 1 });
    expect(await ctx.db.command({ count: 'outcomes', query: { n: { $gte: 28 } } })).toMatchObject({
      n: 2,
    });
    expect(await ctx.db.command({ count: 'never_created' })).toMatchObject({ n: 0, ok: 1 });
  });

  test('the distinct command honours its query', async () => {
    const reply = await ctx.db.command({
      distinct: 'outcomes',
      key: 'group',
      query: { n: { $lt: 1 } },
    });
    expect(reply).toMatchObject({ values: ['how much'], ok: 1 });
  });
});

describe('batch limits', () => {
  test('a write command with more than 100,000 operations is refused (16) and stores nothing', async () => {
    const documents = Array.from({ length: 100_001 }, (_, i) => ({ _id: i }));
    const error = await refusalOf(ctx.db.command({ insert: 'too_many', documents }));
    expect(error).toMatchObject({ code: 16 });
    expect((error as MongoServerError).message).toContain(
      'Write batch sizes must be between 1 and 100000',
    );
    expect(await ctx.db.collection('too_many').countDocuments()).toBe(0);
  }, 30_000);

  test('insertMany of more than 100,000 documents is split by the driver and all arrive', async () => {
    const collection = ctx.db.collection<Numbered>('many');
    const result = await collection.insertMany(
      Array.from({ length: 100_010 }, (_, i) => ({ _id: i })),
    );
    expect(result.insertedCount).toBe(100_010);
    expect(await collection.estimatedDocumentCount()).toBe(100_010);
  }, 60_000);
});

describe('names MongoDB refuses', () => {
  test('a collection name with $ is InvalidNamespace (73) and nothing is created', async () => {
    const error = await refusalOf(ctx.db.command({ insert: 'cost$centre', documents: [{ a: 1 }] }));
    expect(error).toMatchObject({ code: 73, codeName: 'InvalidNamespace' });
    const names = (await ctx.db.listCollections().toArray()).map((c) => c.name);
    expect(names).not.toContain('cost$centre');
  });

  test('an empty collection name is InvalidNamespace (73)', async () => {
    const error = await refusalOf(ctx.db.command({ insert: '', documents: [{ a: 1 }] }));
    expect(error).toMatchObject({ code: 73 });
  });

  test('createCollection with a $ in the name is InvalidNamespace (73)', async () => {
    const error = await refusalOf(ctx.db.command({ create: 'a$b' }));
    expect(error).toMatchObject({ code: 73 });
  });
});
