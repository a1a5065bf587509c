import { Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../../base/embedded-database.spec-support';
import { CopyRecords } from './copy-records';
import {
  CopyAuthorshipBatch,
  CopyAuthorshipBatchSchema,
  CopyFork,
  CopyForkSchema,
} from './copy-records.schema';
import { EngagementRound, EngagementRoundSchema } from './engagement-round.schema';

describe('what a round keeps beside its copy', () => {
  const database = embeddedDatabase();
  let rounds: Model<EngagementRound>;
  let records: CopyRecords;
  const sam = new Types.ObjectId();
  const chris = new Types.ObjectId();

  beforeAll(async () => {
    const connection = database();
    const forks = connection.model(CopyFork.name, CopyForkSchema);
    const batches = connection.model(CopyAuthorshipBatch.name, CopyAuthorshipBatchSchema);
    rounds = connection.model(EngagementRound.name, EngagementRoundSchema);
    await Promise.all([forks.init(), batches.init(), rounds.init()]);
    records = new CopyRecords(forks, batches, rounds);
  });

  it('keeps the fork byte for byte, and the authors of every batch in order', async () => {
    const roundId = new Types.ObjectId();
    const fork = Uint8Array.from({ length: 3_000 }, (_, index) => index % 251);
    await records.keepFork(roundId, fork);
    await records.addAuthors(roundId, {
      writers: [{ client: 7, userId: sam }],
      deletions: [{ userId: sam, client: 1, clock: 0, length: 4 }],
    });
    await records.addAuthors(roundId, {
      writers: [{ client: 9, userId: chris }],
      deletions: [],
    });

    expect(await records.fork(roundId)).toEqual(fork);
    const authors = await records.authors(roundId);
    expect(authors.writers.map(({ client, userId }) => [client, userId.toHexString()])).toEqual([
      [7, sam.toHexString()],
      [9, chris.toHexString()],
    ]);
    expect(authors.deletions).toHaveLength(1);
    expect(await records.fork(new Types.ObjectId())).toBeNull();
  });

  it('reads a round started before, which kept both in its own document', async () => {
    const roundId = new Types.ObjectId();
    const fork = Uint8Array.from([1, 2, 3]);
    await rounds.collection.insertOne({
      _id: roundId,
      forkState: Buffer.from(fork),
      writers: [{ client: 3, userId: sam }],
      deletions: [{ userId: sam, client: 3, clock: 2, length: 1 }],
    });
    await records.addAuthors(roundId, { writers: [{ client: 4, userId: chris }], deletions: [] });

    expect(await records.fork(roundId)).toEqual(fork);
    const authors = await records.authors(roundId);
    expect(authors.writers.map(({ client }) => client)).toEqual([3, 4]);
    expect(authors.deletions).toEqual([expect.objectContaining({ client: 3, clock: 2 })]);
  });
});
