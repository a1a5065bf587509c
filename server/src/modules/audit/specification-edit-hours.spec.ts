import { SPECIFICATION_EDIT_ACTION } from '@coproduce/domain';
import { Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import { EventBus } from '../../base/event-bus';
import type { WorkspaceRoles } from '../access/workspace-roles';
import type { AccountsService } from '../accounts/accounts.service';
import type { SpecificationStore } from '../specification-store/specification-store';
import { Specification, SpecificationSchema } from '../specifications/specification.schema';
import { SpecificationsService } from '../specifications/specifications.service';
// Declares the edit notice on the bus, and how long notices are gathered.
import { EDIT_NOTICES_GATHER_MS } from '../specifications/specifications.events';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditService } from './audit.service';
import { SpecificationEditHours } from './specification-edit-hours';

describe('SpecificationEditHours', () => {
  const connection = embeddedDatabase();
  let entries: Model<AuditEntry>;
  let specifications: Model<Specification>;
  let events: EventBus;
  let editHours: SpecificationEditHours;

  beforeAll(() => {
    entries = connection().model(AuditEntry.name, AuditEntrySchema);
    specifications = connection().model(Specification.name, SpecificationSchema);
  });
  beforeEach(() => {
    events = new EventBus();
    // Finding a specification's workspace and noting edits use the models alone.
    const service = new SpecificationsService(
      specifications,
      {} as WorkspaceRoles,
      {} as AccountsService,
      {} as SpecificationStore,
      events,
    );
    editHours = new SpecificationEditHours(
      events,
      service,
      new AuditService(entries, {} as AccountsService),
    );
    editHours.onModuleInit();
  });
  afterEach(() => {
    editHours.onModuleDestroy();
    jest.restoreAllMocks();
  });

  it('writes the notices of a reconnection storm in one bulk write, none for a specification that has gone', async () => {
    const workspaceId = new Types.ObjectId();
    const ids: Types.ObjectId[] = [];
    for (let made = 0; made < 3; made++) {
      const author = new Types.ObjectId();
      const specification = await specifications.create({
        workspaceId,
        title: `Specification ${made + 1}`,
        createdBy: author,
        updatedBy: author,
      });
      ids.push(specification._id);
    }
    const gone = new Types.ObjectId();
    const bulkWrite = jest.spyOn(entries, 'bulkWrite');
    const people = Array.from({ length: 30 }, () => new Types.ObjectId());
    const at = new Date().toISOString();
    // They fall due over a moment, not in one turn.
    for (const [index, person] of people.entries()) {
      events.publish('specification.edited', {
        specificationId: (index === 29 ? gone : ids[index % 3]).toHexString(),
        userId: person.toHexString(),
        at,
      });
      if (index % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const written = () =>
      entries.countDocuments({ action: SPECIFICATION_EDIT_ACTION, workspaceId });
    for (let waited = 0; (await written()) < 29 && waited < 3_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await written()).toBe(29);
    expect(bulkWrite).toHaveBeenCalledTimes(1);
    expect(await entries.countDocuments({ targetId: gone.toHexString() })).toBe(0);
  });

  it('at a stop, writes the notice of the last moment at once, not after the gather time', async () => {
    const workspaceId = new Types.ObjectId();
    const author = new Types.ObjectId();
    const specification = await specifications.create({
      workspaceId,
      title: 'Short breaks for disabled children',
      createdBy: author,
      updatedBy: author,
    });
    events.publish('specification.edited', {
      specificationId: specification._id.toHexString(),
      userId: author.toHexString(),
      at: new Date().toISOString(),
    });
    let gatherTimeOver = false;
    setTimeout(() => (gatherTimeOver = true), EDIT_NOTICES_GATHER_MS);

    await editHours.onApplicationShutdown();

    expect(gatherTimeOver).toBe(false);
    expect(await entries.countDocuments({ action: SPECIFICATION_EDIT_ACTION, workspaceId })).toBe(
      1,
    );
  });
});
