import { MongoServerError, ObjectId, type Document } from 'mongodb';
import { Schema } from 'mongoose';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('indexes');

function duplicateKeyMessage(collection: string, index: string, key: string): string {
  return `E11000 duplicate key error collection: ${ctx.target.dbName}.${collection} index: ${index} dup key: ${key}`;
}

describe('creating and listing indexes', () => {
  test('listIndexes shows _id_ and each created index in MongoDB’s shape', async () => {
    const collection = ctx.db.collection('memberships');
    expect(await collection.createIndex({ email: 1 }, { unique: true })).toBe('email_1');
    expect(await collection.createIndex({ workspace: 1, joinedAt: -1 })).toBe(
      'workspace_1_joinedAt_-1',
    );
    expect(await collection.createIndex({ nickname: 1 }, { unique: true, sparse: true })).toBe(
      'nickname_1',
    );
    expect(
      await collection.createIndex(
        { invitationCode: 1 },
        { unique: true, partialFilterExpression: { status: 'pending' }, name: 'pending_code' },
      ),
    ).toBe('pending_code');
    expect(await collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 })).toBe(
      'expiresAt_1',
    );

    const indexes = await collection.listIndexes().toArray();
    expect(indexes[0]).toEqual({ v: 2, key: { _id: 1 }, name: '_id_' });
    expect(indexes.slice(1)).toEqual([
      { v: 2, key: { email: 1 }, name: 'email_1', unique: true },
      { v: 2, key: { workspace: 1, joinedAt: -1 }, name: 'workspace_1_joinedAt_-1' },
      { v: 2, key: { nickname: 1 }, name: 'nickname_1', unique: true, sparse: true },
      {
        v: 2,
        key: { invitationCode: 1 },
        name: 'pending_code',
        unique: true,
        partialFilterExpression: { status: 'pending' },
      },
      { v: 2, key: { expiresAt: 1 }, name: 'expiresAt_1', expireAfterSeconds: 3600 },
    ]);
  });

  test('creating an index that already exists is a no-op', async () => {
    const collection = ctx.db.collection('idempotent_index');
    await collection.createIndex({ title: 1 });
    const reply = await ctx.db.command({
      createIndexes: 'idempotent_index',
      indexes: [{ key: { title: 1 }, name: 'title_1' }],
    });
    expect(reply.ok).toBe(1);
    expect(reply.numIndexesBefore).toBe(2);
    expect(reply.numIndexesAfter).toBe(2);
    expect(await collection.listIndexes().toArray()).toHaveLength(2);
  });

  test('createIndex on a missing collection creates the collection', async () => {
    await ctx.db.collection('created_by_index').createIndex({ stage: 1 });
    const names = (await ctx.db.listCollections({}, { nameOnly: true }).toArray()).map(
      (c) => c.name,
    );
    expect(names).toContain('created_by_index');
  });

  test('listIndexes on a missing collection is NamespaceNotFound (26)', async () => {
    const error = await refusalOf(ctx.db.collection('no_such_collection').listIndexes().toArray());
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 26, codeName: 'NamespaceNotFound' });
  });

  test('dropIndex removes one index; a missing index is IndexNotFound (27); _id_ cannot be dropped', async () => {
    const collection = ctx.db.collection('drop_index');
    await collection.createIndex({ a: 1 });
    await collection.createIndex({ b: 1 });
    await collection.dropIndex('a_1');
    expect((await collection.listIndexes().toArray()).map((index) => index.name)).toEqual([
      '_id_',
      'b_1',
    ]);

    const missing = await refusalOf(collection.dropIndex('a_1'));
    expect(missing).toBeInstanceOf(MongoServerError);
    expect(missing).toMatchObject({ code: 27, codeName: 'IndexNotFound' });

    const idIndex = await refusalOf(collection.dropIndex('_id_'));
    expect(idIndex).toMatchObject({ code: 72, codeName: 'InvalidOptions' });

    await collection.dropIndexes();
    expect((await collection.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });
});

describe('index limits', () => {
  test('a collection holds at most 64 indexes; the 65th is CannotCreateIndex (67)', async () => {
    const collection = ctx.db.collection('many_indexes');
    for (let i = 0; i < 63; i++) await collection.createIndex({ [`field${i}`]: 1 });
    expect(await collection.listIndexes().toArray()).toHaveLength(64);
    const error = await refusalOf(collection.createIndex({ oneTooMany: 1 }));
    expect(error).toMatchObject({ code: 67 });
    expect(await collection.listIndexes().toArray()).toHaveLength(64);
  }, 30_000);
});

describe('unique indexes', () => {
  test('a duplicate _id is error 11000 with MongoDB’s message', async () => {
    const collection = ctx.db.collection<{ _id: number }>('duplicate_id');
    await collection.insertOne({ _id: 1 });
    const error = await refusalOf(collection.insertOne({ _id: 1 }));
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({
      code: 11000,
      message: duplicateKeyMessage('duplicate_id', '_id_', '{ _id: 1 }'),
      keyPattern: { _id: 1 },
      keyValue: { _id: 1 },
    });
  });

  test('a duplicate on a unique field is refused and nothing is stored', async () => {
    const collection = ctx.db.collection('unique_email');
    await collection.createIndex({ email: 1 }, { unique: true });
    await collection.insertOne({ email: 'commissioner@demo.test', n: 1 });
    const error = await refusalOf(collection.insertOne({ email: 'commissioner@demo.test', n: 2 }));
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({
      code: 11000,
      message: duplicateKeyMessage(
        'unique_email',
        'email_1',
        '{ email: "commissioner@demo.test" }',
      ),
      keyPattern: { email: 1 },
      keyValue: { email: 'commissioner@demo.test' },
    });
    expect(await collection.countDocuments()).toBe(1);
  });

  test('an ObjectId duplicate is shown as ObjectId(...) in the message', async () => {
    const collection = ctx.db.collection('unique_owner');
    await collection.createIndex({ owner: 1 }, { unique: true });
    const owner = new ObjectId('65a1b2c3d4e5f60718293a4b');
    await collection.insertOne({ owner });
    const error = await refusalOf(collection.insertOne({ owner }));
    expect(error).toMatchObject({
      code: 11000,
      message: duplicateKeyMessage(
        'unique_owner',
        'owner_1',
        "{ owner: ObjectId('65a1b2c3d4e5f60718293a4b') }",
      ),
    });
  });

  test('updates and upserts that would duplicate a unique key are refused and change nothing', async () => {
    const collection = ctx.db.collection<{ _id: number; email: string }>('unique_update');
    await collection.createIndex({ email: 1 }, { unique: true });
    await collection.insertMany([
      { _id: 1, email: 'a@demo.test' },
      { _id: 2, email: 'b@demo.test' },
    ]);
    const update = await refusalOf(
      collection.updateOne({ _id: 2 }, { $set: { email: 'a@demo.test' } }),
    );
    expect(update).toMatchObject({ code: 11000 });
    const upsert = await refusalOf(
      collection.updateOne({ _id: 3 }, { $set: { email: 'b@demo.test' } }, { upsert: true }),
    );
    expect(upsert).toMatchObject({ code: 11000 });
    const findAndModify = await refusalOf(
      collection.findOneAndUpdate({ _id: 1 }, { $set: { email: 'b@demo.test' } }),
    );
    expect(findAndModify).toMatchObject({ code: 11000 });
    expect(await collection.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, email: 'a@demo.test' },
      { _id: 2, email: 'b@demo.test' },
    ]);
  });

  test('a unique compound index allows repeats of one field but not of the pair', async () => {
    const collection = ctx.db.collection('unique_compound');
    await collection.createIndex({ workspace: 1, email: 1 }, { unique: true });
    await collection.insertMany([
      { workspace: 'w1', email: 'a@demo.test' },
      { workspace: 'w2', email: 'a@demo.test' },
      { workspace: 'w1', email: 'b@demo.test' },
    ]);
    const error = await refusalOf(collection.insertOne({ workspace: 'w1', email: 'a@demo.test' }));
    expect(error).toMatchObject({
      code: 11000,
      message: duplicateKeyMessage(
        'unique_compound',
        'workspace_1_email_1',
        '{ workspace: "w1", email: "a@demo.test" }',
      ),
      keyPattern: { workspace: 1, email: 1 },
      keyValue: { workspace: 'w1', email: 'a@demo.test' },
    });
  });

  test('a non-sparse unique index treats a missing field as null, so only one may be missing', async () => {
    const collection = ctx.db.collection('unique_missing');
    await collection.createIndex({ email: 1 }, { unique: true });
    await collection.insertOne({ name: 'first' });
    const error = await refusalOf(collection.insertOne({ name: 'second' }));
    expect(error).toMatchObject({
      code: 11000,
      message: duplicateKeyMessage('unique_missing', 'email_1', '{ email: null }'),
    });
  });

  test('a sparse unique index allows many documents without the field, but not two equal values', async () => {
    const collection = ctx.db.collection('unique_sparse');
    await collection.createIndex({ nickname: 1 }, { unique: true, sparse: true });
    await collection.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }, { nickname: 'Sam' }]);
    expect(await collection.countDocuments()).toBe(4);
    expect(await refusalOf(collection.insertOne({ nickname: 'Sam' }))).toMatchObject({
      code: 11000,
    });
    // null is a value: a sparse index still holds it.
    await collection.insertOne({ nickname: null });
    expect(await refusalOf(collection.insertOne({ nickname: null }))).toMatchObject({
      code: 11000,
    });
    // Queries must still find documents the sparse index leaves out.
    expect(await collection.countDocuments({ nickname: { $exists: false } })).toBe(3);
  });

  test('a partial unique index only constrains documents matching its filter', async () => {
    const collection = ctx.db.collection('unique_partial');
    await collection.createIndex(
      { code: 1 },
      { unique: true, partialFilterExpression: { status: 'pending' } },
    );
    await collection.insertMany([
      { code: 'X1', status: 'accepted' },
      { code: 'X1', status: 'expired' },
      { code: 'X1', status: 'pending' },
    ]);
    expect(await refusalOf(collection.insertOne({ code: 'X1', status: 'pending' }))).toMatchObject({
      code: 11000,
    });
    expect(
      await refusalOf(collection.updateOne({ status: 'expired' }, { $set: { status: 'pending' } })),
    ).toMatchObject({ code: 11000 });
    expect(await collection.countDocuments({ code: 'X1' })).toBe(3);
  });

  test('building a unique index over existing duplicates fails with 11000 and leaves no index', async () => {
    const collection = ctx.db.collection('unique_build_fails');
    await collection.insertMany([{ ref: 'a' }, { ref: 'a' }]);
    const error = await refusalOf(collection.createIndex({ ref: 1 }, { unique: true }));
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 11000 });
    expect((await collection.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);
  });

  test('queries on indexed fields return the same results as without the index', async () => {
    const collection = ctx.db.collection('indexed_queries');
    const docs: Document[] = Array.from({ length: 300 }, (_, i) => ({
      _id: i,
      workspace: `w${i % 7}`,
      rank: i % 50,
      tags: [`t${i % 3}`, `t${i % 5}`],
    }));
    await collection.insertMany(docs);
    const run = async () => ({
      eq: (await collection.find({ workspace: 'w3' }).sort({ _id: 1 }).toArray()).map((d) => d._id),
      range: (
        await collection
          .find({ rank: { $gte: 10, $lt: 13 } })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id),
      compound: (
        await collection
          .find({ workspace: 'w1', rank: { $gt: 40 } })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id),
      multikey: await collection.countDocuments({ tags: 't4' }),
      inList: await collection.countDocuments({ workspace: { $in: ['w0', 'w6'] } }),
    });
    const withoutIndexes = await run();
    await collection.createIndex({ workspace: 1, rank: 1 });
    await collection.createIndex({ rank: -1 });
    await collection.createIndex({ tags: 1 });
    expect(await run()).toEqual(withoutIndexes);
    expect(withoutIndexes.eq).toEqual(docs.filter((d) => d.workspace === 'w3').map((d) => d._id));
    expect(withoutIndexes.multikey).toBe(docs.filter((d) => d.tags.includes('t4')).length);
  });
});

describe('indexes through mongoose', () => {
  test('schema indexes are built by init and syncIndexes, and duplicates raise E11000', async () => {
    const invitationSchema = new Schema(
      {
        workspace: { type: String, required: true },
        email: { type: String, required: true },
        token: { type: String, required: true, unique: true },
        expiresAt: { type: Date, expires: 0 },
      },
      { autoIndex: false },
    );
    invitationSchema.index({ workspace: 1, email: 1 }, { unique: true });
    const Invitation = ctx.mongoose.model('Invitation', invitationSchema);
    await Invitation.syncIndexes();

    const indexes = await Invitation.collection.listIndexes().toArray();
    const byName = new Map(indexes.map((index) => [index.name as string, index]));
    expect([...byName.keys()].sort()).toEqual(
      ['_id_', 'expiresAt_1', 'token_1', 'workspace_1_email_1'].sort(),
    );
    expect(byName.get('token_1')).toMatchObject({ key: { token: 1 }, unique: true });
    expect(byName.get('workspace_1_email_1')).toMatchObject({
      key: { workspace: 1, email: 1 },
      unique: true,
    });
    expect(byName.get('expiresAt_1')).toMatchObject({ expireAfterSeconds: 0 });

    await Invitation.create({ workspace: 'w1', email: 'a@demo.test', token: 't-1' });
    const error = await refusalOf(
      Invitation.create({ workspace: 'w1', email: 'a@demo.test', token: 't-2' }),
    );
    // mongoose bundles its own copy of the driver, so compare by name rather than instanceof.
    expect(error).toMatchObject({
      name: 'MongoServerError',
      code: 11000,
      message: duplicateKeyMessage(
        Invitation.collection.collectionName,
        'workspace_1_email_1',
        '{ workspace: "w1", email: "a@demo.test" }',
      ),
    });

    // syncIndexes drops indexes no longer in the schema.
    await Invitation.collection.createIndex({ stale: 1 });
    await Invitation.syncIndexes();
    const after = (await Invitation.collection.listIndexes().toArray()).map((index) => index.name);
    expect(after).not.toContain('stale_1');
  });

  test('Model.init builds autoIndex indexes before the first write', async () => {
    const memberSchema = new Schema({ email: { type: String, unique: true } });
    const Member = ctx.mongoose.model('IndexedMember', memberSchema);
    await Member.init();
    await Member.create({ email: 'x@demo.test' });
    expect(await refusalOf(Member.create({ email: 'x@demo.test' }))).toMatchObject({
      code: 11000,
    });
  });
});
