import { MongoClient } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { startEmbeddedMongo, type TcpEmbeddedMongo } from './in-process';

describe('startEmbeddedMongo with the real clients', () => {
  let server: TcpEmbeddedMongo;
  let client: MongoClient;
  let connection: Connection;

  beforeAll(async () => {
    server = await startEmbeddedMongo();
    client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 3000 }).connect();
    connection = await mongoose.createConnection(server.uri, { dbName: 'coproduce' }).asPromise();
  });
  afterAll(async () => {
    await connection.close();
    await client.close();
    await server.stop();
  });

  it('listens on 127.0.0.1 and says so in its URI', () => {
    expect(server.uri).toBe(`mongodb://127.0.0.1:${server.port}`);
  });

  it('gives mongoose its usual E11000 error for a duplicate unique key, and stores nothing', async () => {
    const Member = connection.model(
      'Member',
      new mongoose.Schema({ email: { type: String, unique: true }, role: String }),
    );
    await Member.init();
    await Member.create({ email: 'commissioner@demo.test', role: 'commissioner' });
    const error = await Member.create({ email: 'commissioner@demo.test', role: 'observer' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      name: 'MongoServerError',
      code: 11000,
      keyValue: { email: 'commissioner@demo.test' },
      message:
        'E11000 duplicate key error collection: coproduce.members index: email_1 dup key: { email: "commissioner@demo.test" }',
    });
    expect(await Member.countDocuments()).toBe(1);
  });

  it('reads a cursor of 1,000 engagement events in batches of 10, in order', async () => {
    const events = client.db('coproduce').collection('engagementEvents');
    await events.insertMany(
      Array.from({ length: 1000 }, (_, seq) => ({ seq, kind: seq % 3 ? 'drop-in' : 'survey' })),
    );
    const seen: number[] = [];
    for await (const event of events.find({}, { batchSize: 10, sort: { seq: 1 } }))
      seen.push(event.seq);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, seq) => seq));
  });

  it('explains an indexed find as an index scan that examines only the matches', async () => {
    const invitations = client.db('coproduce').collection('invitations');
    await invitations.insertMany(
      Array.from({ length: 500 }, (_, n) => ({ email: `person${n}@demo.test` })),
    );
    await invitations.createIndex({ email: 1 }, { unique: true });
    const explained = await invitations
      .find({ email: 'person42@demo.test' })
      .explain('executionStats');
    expect(explained.queryPlanner.winningPlan.inputStage).toMatchObject({
      stage: 'IXSCAN',
      indexName: 'email_1',
    });
    expect(explained.executionStats).toMatchObject({ nReturned: 1, totalDocsExamined: 1 });
    const scanned = await invitations.find({ accepted: true }).explain('executionStats');
    expect(scanned.queryPlanner.winningPlan.stage).toBe('COLLSCAN');
    expect(scanned.executionStats.totalDocsExamined).toBe(500);
  });

  it('aggregates feedback by theme through a $lookup to another collection', async () => {
    const db = client.db('coproduce');
    await db.collection<{ _id: string; label: string }>('themes').insertMany([
      { _id: 'access', label: 'Getting help' },
      { _id: 'staff', label: 'Key workers' },
    ]);
    await db.collection('feedback').insertMany([
      { theme: 'access', score: 2 },
      { theme: 'access', score: 4 },
      { theme: 'staff', score: 5 },
    ]);
    const result = await db
      .collection('feedback')
      .aggregate([
        { $match: { score: { $gte: 2 } } },
        { $group: { _id: '$theme', count: { $sum: 1 }, mean: { $avg: '$score' } } },
        { $lookup: { from: 'themes', localField: '_id', foreignField: '_id', as: 'theme' } },
        { $sort: { count: -1 } },
        { $project: { count: 1, mean: 1, label: { $first: '$theme.label' } } },
      ])
      .toArray();
    expect(result).toEqual([
      { _id: 'access', count: 2, mean: 3, label: 'Getting help' },
      { _id: 'staff', count: 1, mean: 5, label: 'Key workers' },
    ]);
  });

  it('replaces a collection with $out results, keeping its indexes', async () => {
    const db = client.db('coproduce');
    await db
      .collection<{ _id: string; count: number }>('themeCounts')
      .insertOne({ _id: 'stale', count: 0 });
    await db.collection('themeCounts').createIndex({ count: 1 });
    await db
      .collection('outFeedback')
      .insertMany([{ theme: 'access' }, { theme: 'access' }, { theme: 'staff' }]);
    const reply = await db
      .collection('outFeedback')
      .aggregate([
        { $group: { _id: '$theme', count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
        { $out: 'themeCounts' },
      ])
      .toArray();
    expect(reply).toEqual([]);
    expect(await db.collection('themeCounts').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'access', count: 2 },
      { _id: 'staff', count: 1 },
    ]);
    expect((await db.collection('themeCounts').indexes()).map((index) => index.name)).toEqual([
      '_id_',
      'count_1',
    ]);
  });

  it('refuses transactions as a standalone mongod does', async () => {
    const session = client.startSession();
    try {
      const failure = await session
        .withTransaction(() =>
          client
            .db('coproduce')
            .collection('decisions')
            .insertOne({ option: 'tender' }, { session }),
        )
        .catch((caught: unknown) => caught);
      expect(failure).toMatchObject({ code: 20 });
    } finally {
      await session.endSession();
    }
  });
});
