import { startEmbeddedMongo, type RunningEmbeddedMongo } from '@coproduce/embedded-mongo';
import { createConnection, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { MongoSpecificationStore } from './mongo-specification-store';
import {
  SpecificationSnapshot,
  SpecificationSnapshotSchema,
} from './specification-snapshot.schema';
import { SpecificationUpdate, SpecificationUpdateSchema } from './specification-update.schema';

/** Specification ids longer than the schema's 64 characters fail mongoose's validation. */
const TOO_LONG_ID = 'x'.repeat(65);

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('the specification log on MongoDB, when the database refuses some entries', () => {
  let database: RunningEmbeddedMongo;
  let connection: Connection;
  let updates: Model<SpecificationUpdate>;
  let store: MongoSpecificationStore;

  beforeAll(async () => {
    database = await startEmbeddedMongo();
    connection = await createConnection(database.uri, { dbName: 'coproduce' }).asPromise();
    updates = connection.model(SpecificationUpdate.name, SpecificationUpdateSchema);
    const snapshots = connection.model(SpecificationSnapshot.name, SpecificationSnapshotSchema);
    await Promise.all([updates.init(), snapshots.init()]);
    store = new MongoSpecificationStore(updates, snapshots);
  });

  afterAll(async () => {
    await connection?.close();
    await database?.stop();
  });

  async function storedSeqs(specificationId: string): Promise<number[]> {
    const entries = await updates.find({ specificationId }).sort({ seq: 1 }).lean().exec();
    return entries.map((entry) => entry.seq);
  }

  it('a seq taken already fails only the specification it belongs to', async () => {
    await store.append('spec-taken', 1, [bytes('first writer')]);

    const outcomes = await Promise.allSettled([
      store.append('spec-taken', 1, [bytes('second writer')]),
      store.append('spec-free', 1, [bytes('a'), bytes('b')]),
    ]);

    expect(outcomes[0].status).toBe('rejected');
    expect(isDuplicateKeyError((outcomes[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(outcomes[1].status).toBe('fulfilled');
    expect(await storedSeqs('spec-free')).toEqual([1, 2]);
  });

  it('an entry mongoose refuses fails its own append, not the others in the write', async () => {
    const outcomes = await Promise.allSettled([
      store.append('spec-before', 1, [bytes('a')]),
      store.append(TOO_LONG_ID, 1, [bytes('b')]),
      store.append('spec-after', 1, [bytes('c')]),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/specificationId/);
    expect(await storedSeqs('spec-before')).toEqual([1]);
    expect(await storedSeqs('spec-after')).toEqual([1]);
    expect(await storedSeqs(TOO_LONG_ID)).toEqual([]);
  });

  it('refusals of both kinds in one write are each told to their own specification', async () => {
    await store.append('spec-mixed', 5, [bytes('already there')]);

    const outcomes = await Promise.allSettled([
      store.append('spec-mixed', 4, [bytes('new'), bytes('clashes')]),
      store.append(TOO_LONG_ID, 2, [bytes('too long')]),
      store.append('spec-clean', 1, [bytes('fine')]),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(isDuplicateKeyError((outcomes[0] as PromiseRejectedResult).reason)).toBe(true);
    // Unordered: the entry before the clash is stored all the same.
    expect(await storedSeqs('spec-mixed')).toEqual([4, 5]);
    expect(await storedSeqs('spec-clean')).toEqual([1]);
  });

  it('a write refused whole (every entry) still answers each caller', async () => {
    const outcomes = await Promise.allSettled([
      store.append(TOO_LONG_ID, 3, [bytes('x')]),
      store.append(TOO_LONG_ID, 4, [bytes('y')]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('a write that fails as a whole (the database is gone) fails every caller in it', async () => {
    const gone = await startEmbeddedMongo();
    const lost = await createConnection(gone.uri, {
      dbName: 'coproduce',
      serverSelectionTimeoutMS: 300,
    }).asPromise();
    try {
      const lostStore = new MongoSpecificationStore(
        lost.model(SpecificationUpdate.name, SpecificationUpdateSchema),
        lost.model(SpecificationSnapshot.name, SpecificationSnapshotSchema),
      );
      await gone.stop();
      const outcomes = await Promise.allSettled([
        lostStore.append('spec-one', 1, [bytes('a')]),
        lostStore.append('spec-two', 1, [bytes('b')]),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await lost.close(true);
    }
  });
});
