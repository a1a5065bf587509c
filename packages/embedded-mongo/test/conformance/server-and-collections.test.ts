import { MongoServerError, type Document } from 'mongodb';
import { connectDriver, useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('server');

/**
 * The embedded store is always a standalone. A MONGODB_URI may name a replica
 * set instead; the few topology-dependent tests then check the replica-set
 * behaviour rather than fail for the wrong reason.
 */
async function isReplicaSet(): Promise<boolean> {
  const hello = await ctx.db.admin().command({ hello: 1 });
  return typeof hello.setName === 'string';
}

describe('the handshake of a standalone server', () => {
  test('hello describes a writable standalone with MongoDB’s limits', async () => {
    const hello = await ctx.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({
      isWritablePrimary: true,
      maxBsonObjectSize: 16777216,
      maxMessageSizeBytes: 48000000,
      maxWriteBatchSize: 100000,
      minWireVersion: 0,
      readOnly: false,
      ok: 1,
    });
    expect(hello.localTime).toBeInstanceOf(Date);
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(8);
    expect(hello.msg).not.toBe('isdbgrid');
    if (ctx.target.isRealMongo && typeof hello.setName === 'string') return;
    // The embedded store is a standalone: no replica set, no hosts list.
    expect(hello).not.toHaveProperty('setName');
    expect(hello).not.toHaveProperty('hosts');
  });

  test('the legacy isMaster answers ismaster: true', async () => {
    expect(await ctx.db.admin().command({ isMaster: 1 })).toMatchObject({ ismaster: true, ok: 1 });
  });

  test('buildInfo reports a version string and array', async () => {
    const info = await ctx.db.admin().command({ buildInfo: 1 });
    expect(typeof info.version).toBe('string');
    expect(info.version.startsWith(`${info.versionArray[0]}.${info.versionArray[1]}`)).toBe(true);
  });
});

describe('databases and collections', () => {
  beforeAll(async () => {
    await ctx.db.createCollection('alpha');
    await ctx.db.createCollection('beta', {
      validator: {
        $jsonSchema: {
          bsonType: 'object',
          required: ['title'],
          properties: { title: { bsonType: 'string' } },
        },
      },
    });
    await ctx.db.collection('gamma').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await ctx.db.collection('gamma').createIndex({ n: 1 });
  });

  test('listDatabases includes this database with its size fields', async () => {
    const reply = await ctx.db.admin().command({ listDatabases: 1 });
    const entry = (reply.databases as Document[]).find((db) => db.name === ctx.target.dbName);
    expect(entry).toBeDefined();
    expect(typeof entry?.sizeOnDisk).toBe('number');
    expect(entry?.empty).toBe(false);
    expect(typeof reply.totalSize).toBe('number');
    const names = await ctx.db.admin().command({ listDatabases: 1, nameOnly: true });
    expect((names.databases as Document[]).map((db) => db.name)).toContain(ctx.target.dbName);
  });

  test('listCollections returns each collection with type, options, info and idIndex', async () => {
    const collections = await ctx.db.listCollections().toArray();
    const byName = new Map(collections.map((c) => [c.name, c as Document]));
    expect(
      [...byName.keys()].filter((name) => ['alpha', 'beta', 'gamma'].includes(name)).sort(),
    ).toEqual(['alpha', 'beta', 'gamma']);
    expect(byName.get('alpha')).toMatchObject({
      name: 'alpha',
      type: 'collection',
      options: {},
      info: { readOnly: false },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    });
    expect(byName.get('beta')?.options.validator).toEqual({
      $jsonSchema: {
        bsonType: 'object',
        required: ['title'],
        properties: { title: { bsonType: 'string' } },
      },
    });

    expect(await ctx.db.listCollections({ name: 'beta' }).toArray()).toHaveLength(1);
    const namesOnly = await ctx.db.listCollections({}, { nameOnly: true }).toArray();
    expect(namesOnly.find((c) => c.name === 'gamma')).toEqual({
      name: 'gamma',
      type: 'collection',
    });
  });

  test('dbStats counts collections, objects and indexes', async () => {
    const collections = await ctx.db.listCollections().toArray();
    let objects = 0;
    let indexes = 0;
    for (const { name } of collections) {
      objects += await ctx.db.collection(name).countDocuments();
      indexes += (await ctx.db.collection(name).listIndexes().toArray()).length;
    }
    const stats = await ctx.db.command({ dbStats: 1 });
    expect(stats).toMatchObject({
      db: ctx.target.dbName,
      collections: collections.length,
      objects,
      indexes,
      ok: 1,
    });
    expect(typeof stats.dataSize).toBe('number');
    expect(typeof stats.storageSize).toBe('number');
  });

  test('collStats reports the namespace, count and indexes', async () => {
    const stats = await ctx.db.command({ collStats: 'gamma' });
    expect(stats).toMatchObject({ ns: `${ctx.target.dbName}.gamma`, count: 3, nindexes: 2, ok: 1 });
    expect(Object.keys(stats.indexSizes as Document).sort()).toEqual(['_id_', 'n_1']);
    expect(typeof stats.size).toBe('number');
  });

  test('dropDatabase removes every collection of the database', async () => {
    const other = ctx.client.db(`${ctx.target.dbName}_drop`);
    await other.collection('a').insertOne({ x: 1 });
    await other.collection('b').insertOne({ x: 1 });
    expect(await other.dropDatabase()).toBe(true);
    expect(await other.listCollections().toArray()).toEqual([]);
    expect(await other.collection('a').countDocuments()).toBe(0);
  });
});

interface Specification {
  _id?: string;
  title?: unknown;
  note?: string;
}

describe('collection validators', () => {
  test('a $jsonSchema validator refuses invalid inserts and updates with 121', async () => {
    const beta = ctx.db.collection<Specification>('beta');
    const inserted = await refusalOf(beta.insertOne({ _id: 'bad', title: 5 }));
    expect(inserted).toBeInstanceOf(MongoServerError);
    expect(inserted).toMatchObject({
      code: 121,
      message: 'Document failed validation',
      errInfo: { failingDocumentId: 'bad' },
    });
    expect(await beta.countDocuments({ _id: 'bad' })).toBe(0);

    await beta.insertOne({ _id: 'good', title: 'Key worker service' });
    const updated = await refusalOf(beta.updateOne({ _id: 'good' }, { $set: { title: 5 } }));
    expect(updated).toMatchObject({ code: 121 });
    expect((await beta.findOne({ _id: 'good' }))?.title).toBe('Key worker service');
  });

  test('bypassDocumentValidation lets a write through', async () => {
    const beta = ctx.db.collection<Specification>('beta');
    await beta.insertOne({ note: 'no title' }, { bypassDocumentValidation: true });
    expect(await beta.countDocuments({ note: 'no title' })).toBe(1);
  });

  test('a query-operator validator with validationAction warn accepts, with error refuses', async () => {
    await ctx.db.createCollection('statuses', {
      validator: { status: { $in: ['draft', 'published'] } },
    });
    await ctx.db.createCollection('statuses_warn', {
      validator: { status: { $in: ['draft', 'published'] } },
      validationAction: 'warn',
    });
    expect(
      await refusalOf(ctx.db.collection('statuses').insertOne({ status: 'archived' })),
    ).toMatchObject({ code: 121 });
    await ctx.db.collection('statuses_warn').insertOne({ status: 'archived' });
    expect(await ctx.db.collection('statuses_warn').countDocuments()).toBe(1);
  });
});

describe('what a standalone does not offer, and unacknowledged writes', () => {
  test('a transaction is refused with IllegalOperation (20) and stores nothing', async () => {
    const replicaSet = await isReplicaSet();
    const session = ctx.client.startSession();
    try {
      const transaction = session.withTransaction(async () => {
        await ctx.db.collection('transactions').insertOne({ n: 1 }, { session });
      });
      if (replicaSet) await transaction;
      else expect(await refusalOf(transaction)).toMatchObject({ code: 20 });
    } finally {
      await session.endSession();
    }
    expect(await ctx.db.collection('transactions').countDocuments()).toBe(replicaSet ? 1 : 0);
  });

  test('a change stream is refused with 40573', async () => {
    const replicaSet = await isReplicaSet();
    const stream = ctx.db.collection('watched').watch();
    try {
      if (replicaSet) expect(await stream.tryNext()).toBeNull();
      else expect(await refusalOf(stream.tryNext())).toMatchObject({ code: 40573 });
    } finally {
      await stream.close();
    }
  });

  test('explicit sessions work for ordinary reads and writes', async () => {
    const session = ctx.client.startSession();
    try {
      const collection = ctx.db.collection('with_session');
      await collection.insertOne({ n: 1 }, { session });
      expect(await collection.countDocuments({}, { session })).toBe(1);
    } finally {
      await session.endSession();
    }
  });

  test('w: 0 writes get no reply, and the connection stays in step for acknowledged ones', async () => {
    // One pooled connection, so an unexpected reply to a w: 0 write would be read as the next answer.
    const client = await connectDriver(ctx.target.uri, { maxPoolSize: 1 });
    try {
      const collection = client
        .db(ctx.target.dbName)
        .collection<{ _id: number; n: number }>('unacknowledged');
      for (let i = 0; i < 20; i++) {
        const result = await collection.insertOne({ _id: i, n: i }, { writeConcern: { w: 0 } });
        expect(result.acknowledged).toBe(false);
        expect(await collection.findOne({ _id: -1 })).toBeNull();
      }
      expect(await collection.countDocuments()).toBe(20);
      expect((await collection.find().sort({ _id: -1 }).limit(1).toArray())[0]).toEqual({
        _id: 19,
        n: 19,
      });
    } finally {
      await client.close();
    }
  });
});
