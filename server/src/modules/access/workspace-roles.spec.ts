import { mongo, Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import { Membership, MembershipSchema } from './membership.schema';
import { WorkspaceRoles } from './workspace-roles';

describe('looking up memberships asked for together', () => {
  const database = embeddedDatabase();
  let memberships: Model<Membership>;
  let roles: WorkspaceRoles;

  beforeAll(async () => {
    const connection = database();
    memberships = connection.model(Membership.name, MembershipSchema);
    await memberships.init();
    roles = new WorkspaceRoles(memberships);
  });

  it('answers each person in each workspace from one query, and nobody else', async () => {
    const riverside = new Types.ObjectId();
    const hillcrest = new Types.ObjectId();
    const sam = new Types.ObjectId();
    const chris = new Types.ObjectId();
    await memberships.create([
      { workspaceId: riverside, userId: sam, role: 'commissioner' },
      { workspaceId: riverside, userId: chris, role: 'observer' },
      { workspaceId: hillcrest, userId: sam, role: 'steering-member', workspaceArchived: true },
    ]);
    // The driver's own find: the lookup reads plainly, past mongoose's query layer.
    const find = jest.spyOn(mongo.Collection.prototype, 'find');

    const answers = await Promise.all([
      roles.findMembership(riverside, sam),
      roles.findMembership(riverside, chris),
      roles.findMembership(hillcrest, sam),
      roles.findMembership(hillcrest, chris),
      roles.findMembership(riverside, sam),
    ]);

    expect(answers).toEqual([
      { role: 'commissioner', workspaceArchived: false },
      { role: 'observer', workspaceArchived: false },
      { role: 'steering-member', workspaceArchived: true },
      null,
      { role: 'commissioner', workspaceArchived: false },
    ]);
    expect(find).toHaveBeenCalledTimes(1);
    find.mockRestore();
  });
});
