import { Error as MongooseError, Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import { Membership, MembershipSchema } from './membership.schema';

describe('a membership’s organisation, as stored', () => {
  const database = embeddedDatabase();
  let memberships: Model<Membership>;
  const workspaceId = new Types.ObjectId();

  beforeAll(async () => {
    const connection = database();
    memberships = connection.model(Membership.name, MembershipSchema);
    await memberships.init();
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
