import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { launchEmbeddedMongo } from './child-process';

// Runs the built CLI (`dist/cli.js`): build the package before this spec.
describe('launchEmbeddedMongo', () => {
  let dbpath: string;
  beforeEach(async () => {
    dbpath = await mkdtemp(path.join(os.tmpdir(), 'embedded-mongo-launch-'));
  });
  afterEach(() => rm(dbpath, { recursive: true, force: true }));

  it('keeps acknowledged writes across a restart of the child process', async () => {
    const first = await launchEmbeddedMongo({ dbpath });
    let client = await new MongoClient(first.uri).connect();
    const specifications = () => client.db('coproduce').collection('specifications');
    await specifications().createIndex({ title: 1 }, { unique: true });
    await specifications().insertOne({ title: 'Key worker service', status: 'draft' });
    await specifications().updateOne(
      { title: 'Key worker service' },
      { $set: { status: 'published' } },
    );
    await client.close();
    await first.stop();

    const second = await launchEmbeddedMongo({ dbpath });
    client = await new MongoClient(second.uri).connect();
    try {
      expect(await specifications().findOne({}, { projection: { _id: 0 } })).toEqual({
        title: 'Key worker service',
        status: 'published',
      });
      expect((await specifications().indexes()).map((index) => index.name)).toEqual([
        '_id_',
        'title_1',
      ]);
    } finally {
      await client.close();
      await second.stop();
    }
  });

  it('rejects with the child’s reason when the data directory is already in use', async () => {
    const running = await launchEmbeddedMongo({ dbpath });
    try {
      await expect(launchEmbeddedMongo({ dbpath })).rejects.toThrow(/in use/);
    } finally {
      await running.stop();
    }
  });
});
