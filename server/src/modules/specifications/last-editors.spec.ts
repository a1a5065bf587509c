import { Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import type { EventBus } from '../../base/event-bus';
import type { WorkspaceRoles } from '../access/workspace-roles';
import type { AccountsService } from '../accounts/accounts.service';
import type { SpecificationStore } from '../specification-store/specification-store';
import { Specification, SpecificationSchema } from './specification.schema';
import { EDIT_NOTICES_GATHER_MS } from './specifications.events';
import { SpecificationsService } from './specifications.service';

describe("SpecificationsService: a specification's last editor", () => {
  const connection = embeddedDatabase();
  let specifications: Model<Specification>;
  let service: SpecificationsService;
  const workspaceId = new Types.ObjectId();

  beforeAll(() => {
    specifications = connection().model(Specification.name, SpecificationSchema);
    // Recording editors and finding workspaces use the model alone.
    service = new SpecificationsService(
      specifications,
      {} as WorkspaceRoles,
      {} as AccountsService,
      {} as SpecificationStore,
      {} as EventBus,
    );
  });
  afterEach(() => jest.restoreAllMocks());

  async function newSpecification(): Promise<Types.ObjectId> {
    const author = new Types.ObjectId();
    const made = await specifications.create({
      workspaceId,
      title: 'Emotional wellbeing service',
      createdBy: author,
      updatedBy: author,
    });
    return made._id;
  }

  it("records the editors who fall due together in one write, each specification's latest", async () => {
    const [first, second] = [await newSpecification(), await newSpecification()];
    const before = await specifications.find({ _id: { $in: [first, second] } }).lean();
    await new Promise((resolve) => setTimeout(resolve, 5)); // so "updated at" can move on
    const [ada, ben, cai] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    const bulkWrite = jest.spyOn(specifications, 'bulkWrite');
    await Promise.all([
      service.touch(first, ada),
      service.touch(second, ben),
      service.touch(first, cai),
    ]);
    expect(bulkWrite).toHaveBeenCalledTimes(1);
    const after = await specifications.find({ _id: { $in: [first, second] } }).lean();
    const byId = new Map(after.map((one) => [one._id.toHexString(), one]));
    expect(byId.get(first.toHexString())?.updatedBy).toEqual(cai);
    expect(byId.get(second.toHexString())?.updatedBy).toEqual(ben);
    for (const earlier of before) {
      const later = byId.get(earlier._id.toHexString());
      expect(later?.updatedAt.getTime()).toBeGreaterThan(earlier.updatedAt.getTime());
    }
  });

  it('at a stop, writes the editor of the last moment at once, not after the gather time', async () => {
    const specificationId = await newSpecification();
    const person = new Types.ObjectId();
    const touched = service.touch(specificationId, person);
    let gatherTimeOver = false;
    setTimeout(() => (gatherTimeOver = true), EDIT_NOTICES_GATHER_MS);

    await service.onApplicationShutdown();

    expect(gatherTimeOver).toBe(false);
    expect((await specifications.findById(specificationId).lean())?.updatedBy).toEqual(person);
    await touched;
  });

  it('finds the workspace of a specification, and none for one that is not there', async () => {
    const id = await newSpecification();
    expect(await service.workspaceOf(id)).toEqual(workspaceId);
    expect(await service.workspaceOf(new Types.ObjectId())).toBeNull();
  });
});
