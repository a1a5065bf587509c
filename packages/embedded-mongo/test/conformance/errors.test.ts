import { BSON, MongoServerError, type Document } from 'mongodb';
import { Schema } from 'mongoose';
import { serverVersion, useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('errors');

type Numbered = Document & { _id: number };

const maxBsonObjectSize = 16 * 1024 * 1024;

async function serverError(promise: Promise<unknown>): Promise<MongoServerError> {
  const error: unknown = await refusalOf(promise);
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

describe('command errors', () => {
  test('an unknown command is CommandNotFound (59) and the connection stays usable', async () => {
    const error = await serverError(ctx.db.command({ planTheCommissioningCycle: 1 }));
    expect(error).toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
      message: "no such command: 'planTheCommissioningCycle'",
    });
    expect(await ctx.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  test('dropping a missing collection: ok from 7.0, NamespaceNotFound (26) before', async () => {
    const [major] = await serverVersion(ctx.db);
    const dropping = ctx.db.collection('never_existed').drop();
    if (major >= 7) {
      await expect(dropping).resolves.toBe(true);
    } else {
      const error = await serverError(dropping);
      expect(error).toMatchObject({ code: 26, codeName: 'NamespaceNotFound' });
    }
  });

  test('dropping an existing collection removes it and its documents', async () => {
    await ctx.db.collection('to_drop').insertOne({ n: 1 });
    expect(await ctx.db.collection('to_drop').drop()).toBe(true);
    expect(await ctx.db.listCollections({ name: 'to_drop' }).toArray()).toEqual([]);
    expect(await ctx.db.collection('to_drop').countDocuments()).toBe(0);
  });

  test('creating a collection that exists with other options is NamespaceExists (48)', async () => {
    await ctx.db.createCollection('already_here');
    const error = await serverError(
      ctx.db.createCollection('already_here', {
        validator: { $jsonSchema: { required: ['title'] } },
      }),
    );
    expect(error).toMatchObject({ code: 48, codeName: 'NamespaceExists' });
  });

  test('an unknown top-level query operator is BadValue (2)', async () => {
    const error = await serverError(ctx.db.collection('queries').find({ $where2: 1 }).toArray());
    expect(error).toMatchObject({ code: 2, codeName: 'BadValue' });
    expect(error.message).toContain('unknown top level operator: $where2');
  });

  test('an unknown field operator is BadValue (2)', async () => {
    await ctx.db.collection('queries').insertOne({ a: 1 });
    const error = await serverError(
      ctx.db
        .collection('queries')
        .find({ a: { $bigger: 1 } })
        .toArray(),
    );
    expect(error).toMatchObject({ code: 2, codeName: 'BadValue' });
    expect(error.message).toContain('unknown operator: $bigger');
  });

  test('an unknown aggregation stage is refused with 40324', async () => {
    const error = await serverError(
      ctx.db
        .collection('queries')
        .aggregate([{ $summarise: {} }])
        .toArray(),
    );
    expect(error).toMatchObject({ code: 40324 });
    expect(error.message).toContain("Unrecognized pipeline stage name: '$summarise'");
  });

  test('an unknown expression operator is InvalidPipelineOperator (168)', async () => {
    const error = await serverError(
      ctx.db
        .collection('queries')
        .aggregate([{ $project: { x: { $frobnicate: ['$a'] } } }])
        .toArray(),
    );
    expect(error).toMatchObject({ code: 168, codeName: 'InvalidPipelineOperator' });
  });
});

describe('write errors', () => {
  test('changing _id with $set is ImmutableField (66) and changes nothing', async () => {
    const collection = ctx.db.collection<Numbered>('immutable_id');
    await collection.insertOne({ _id: 1, title: 'Draft' });
    const error = await serverError(collection.updateOne({ _id: 1 }, { $set: { _id: 2 } }));
    // Write errors carry index, code and errmsg only (no codeName).
    expect(error).toMatchObject({ code: 66 });
    expect(error.message).toContain(
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
    expect(await collection.find().toArray()).toEqual([{ _id: 1, title: 'Draft' }]);
  });

  test('a replacement with a different _id is ImmutableField (66)', async () => {
    const collection = ctx.db.collection<Numbered>('immutable_id_replace');
    await collection.insertOne({ _id: 1, title: 'Draft' });
    const replaced = await serverError(collection.replaceOne({ _id: 1 }, { _id: 2, title: 'New' }));
    expect(replaced).toMatchObject({ code: 66 });
    const found = await serverError(collection.findOneAndUpdate({ _id: 1 }, { $set: { _id: 3 } }));
    expect(found).toMatchObject({ code: 66 });
    expect(await collection.find().toArray()).toEqual([{ _id: 1, title: 'Draft' }]);
  });

  test('an unknown update operator is FailedToParse (9) and changes nothing', async () => {
    const collection = ctx.db.collection<Numbered>('unknown_operator');
    await collection.insertOne({ _id: 1, n: 1 });
    const error = await serverError(collection.updateOne({ _id: 1 }, { $foo: { n: 2 } } as never));
    expect(error).toMatchObject({ code: 9 });
    expect(error.message).toContain('Unknown modifier: $foo');
    expect(await collection.findOne({ _id: 1 })).toEqual({ _id: 1, n: 1 });
  });

  test('a document over 16 MiB is BadValue (2) with MongoDB’s message, and nothing is stored', async () => {
    const collection = ctx.db.collection<Numbered>('too_large');
    // Just over the user limit but under the 16 MiB + 16 KiB a command may carry.
    const document = { _id: 1, body: 'x'.repeat(maxBsonObjectSize) };
    const size = BSON.calculateObjectSize(document);
    expect(size).toBeGreaterThan(maxBsonObjectSize);
    const error = await serverError(collection.insertOne(document));
    expect(error).toMatchObject({
      code: 2,
      message: `object to insert too large. size in bytes: ${size}, max size: ${maxBsonObjectSize}`,
    });
    expect(await collection.countDocuments()).toBe(0);
    expect(await ctx.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  }, 30_000);

  test('a document of exactly 16 MiB is stored and read back', async () => {
    const collection = ctx.db.collection<Numbered>('exactly_max');
    const overhead = BSON.calculateObjectSize({ _id: 1, body: '' });
    const document = { _id: 1, body: 'z'.repeat(maxBsonObjectSize - overhead) };
    expect(BSON.calculateObjectSize(document)).toBe(maxBsonObjectSize);
    await collection.insertOne(document);
    const stored = await collection.findOne({ _id: 1 });
    expect(stored?.body.length).toBe(document.body.length);
  }, 30_000);

  test('an update that would grow a document past 16 MiB is refused and changes nothing', async () => {
    const collection = ctx.db.collection<Numbered>('grows_too_large');
    const nineMiB = 'y'.repeat(9 * 1024 * 1024);
    await collection.insertOne({ _id: 1, first: nineMiB });
    const error = await serverError(
      collection.updateOne({ _id: 1 }, { $set: { second: nineMiB } }),
    );
    // 17419 up to MongoDB 7, BSONObjectTooLarge (10334) in later releases; same message.
    expect([17419, 10334]).toContain(error.code);
    expect(error.message).toContain(
      `Resulting document after update is larger than ${maxBsonObjectSize}`,
    );
    const stored = await collection.findOne({ _id: 1 }, { projection: { second: 1 } });
    expect(stored).toEqual({ _id: 1 });
  }, 30_000);
});

describe('mongoose validation is unaffected by the server', () => {
  const specificationSchema = new Schema({
    title: { type: String, required: true, maxlength: 120 },
    status: { type: String, enum: ['draft', 'published'], default: 'draft' },
  });

  test('a document failing schema validation never reaches the database', async () => {
    const Specification = ctx.mongoose.model('ValidatedSpecification', specificationSchema);
    const error: unknown = await refusalOf(Specification.create({ status: 'archived' }));
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect(Object.keys((error as { errors: object }).errors).sort()).toEqual(['status', 'title']);
    expect(await Specification.countDocuments()).toBe(0);
  });

  test('runValidators refuses a bad update and the stored document is unchanged', async () => {
    const Specification = ctx.mongoose.model('RunValidatorsSpecification', specificationSchema);
    const spec = await Specification.create({ title: 'Key worker service' });
    const error: unknown = await refusalOf(
      Specification.findByIdAndUpdate(
        spec._id,
        { status: 'archived' },
        { runValidators: true, new: true },
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect((await Specification.findById(spec._id).lean())?.status).toBe('draft');
  });
});
