import { startEmbeddedMongo, type RunningEmbeddedMongo } from '@coproduce/embedded-mongo';
import {
  createConnection,
  Error as MongooseError,
  Types,
  type Connection,
  type Model,
} from 'mongoose';
import { Membership, MembershipSchema } from './membership.schema';

describe('a membership’s organisation, as stored', () => {
  let database: RunningEmbeddedMongo;
  let connection: Connection;
  let memberships: Model<Membership>;
  const workspaceId = new Types.ObjectId();

  beforeAll(async () => {
    database = await startEmbeddedMongo();
    connection = await createConnection(database.uri, { dbName: 'coproduce' }).asPromise();
    memberships = connection.model(Membership.name, MembershipSchema);
    await memberships.init();
  });
  afterAll(async () => {
    await connection?.close();
    await database?.stop();
  });

  it('a provider cannot be stored without one, even past the service', async () => {
    await expect(
      memberships.create({ workspaceId, userId: new Types.ObjectId(), role: 'provider' }),
    ).rejects.toBeInstanceOf(MongooseError.ValidationError);
    expect(await memberships.countDocuments({ workspaceId, role: 'provider' })).toBe(0);
  });

  it('is kept trimmed for a provider, and may be left out for anyone else', async () => {
    const provider = await memberships.create({
      workspaceId,
      userId: new Types.ObjectId(),
      role: 'provider',
      organisation: ' Riverside Families Together ',
    });
    const observer = await memberships.create({
      workspaceId,
      userId: new Types.ObjectId(),
      role: 'observer',
    });
    expect((await memberships.findById(provider._id).exec())?.organisation).toBe(
      'Riverside Families Together',
    );
    expect((await memberships.findById(observer._id).exec())?.organisation).toBeNull();
  });

  it('a provider stored before organisations existed still loads, as not recorded', async () => {
    const userId = new Types.ObjectId();
    const now = new Date();
    await memberships.collection.insertOne({
      workspaceId,
      userId,
      role: 'provider',
      createdAt: now,
      updatedAt: now,
    });
    const loaded = await memberships.findOne({ workspaceId, userId }).exec();
    expect(loaded?.role).toBe('provider');
    expect(loaded?.organisation).toBeNull();
  });
});
