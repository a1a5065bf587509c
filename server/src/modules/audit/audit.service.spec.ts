import { SPECIFICATION_EDIT_ACTION } from '@coproduce/domain';
import { Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import type { AccountsService } from '../accounts/accounts.service';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditService } from './audit.service';

const HOUR = new Date('2026-12-05T14:00:00Z');
const at = (minutes: number): Date => new Date(HOUR.getTime() + minutes * 60_000);

describe('AuditService: hourly summaries of specification edits', () => {
  const connection = embeddedDatabase();
  let entries: Model<AuditEntry>;
  let audit: AuditService;
  const workspaceId = new Types.ObjectId();
  const specificationId = new Types.ObjectId();

  beforeAll(() => {
    entries = connection().model(AuditEntry.name, AuditEntrySchema);
  });
  beforeEach(async () => {
    await entries.collection.deleteMany({});
    await entries.syncIndexes();
    // Listing names people; noting edits never does.
    audit = new AuditService(entries, {} as AccountsService);
  });
  afterEach(() => jest.restoreAllMocks());

  const summaries = () =>
    entries
      .find({ action: SPECIFICATION_EDIT_ACTION }, { actorId: 1, occurrences: 1, at: 1 })
      .sort({ actorId: 1 })
      .lean()
      .exec();

  it('writes the notices that fall due together in one bulk write, one summary per person and hour', async () => {
    const bulkWrite = jest.spyOn(entries, 'bulkWrite');
    const people = Array.from({ length: 20 }, () => new Types.ObjectId()).sort((a, b) =>
      a.toHexString().localeCompare(b.toHexString()),
    );
    await Promise.all([
      ...people.map((actorId) =>
        audit.noteEdit({ workspaceId, actorId, specificationId, at: at(1) }),
      ),
      audit.noteEdit({ workspaceId, actorId: people[0], specificationId, at: at(2) }),
      // Another hour is another summary.
      audit.noteEdit({ workspaceId, actorId: people[0], specificationId, at: at(61) }),
    ]);
    expect(bulkWrite).toHaveBeenCalledTimes(1);
    const written = await summaries();
    expect(written).toHaveLength(21);
    const first = written.filter((entry) => entry.actorId?.equals(people[0]));
    expect(first.map((entry) => entry.occurrences)).toEqual([[at(1), at(2)], [at(61)]]);
    expect(first.map((entry) => entry.at)).toEqual([HOUR, at(60)]);
  });

  it("adds to the hour's summary, and a notice heard twice counts once", async () => {
    const actorId = new Types.ObjectId();
    await audit.noteEdit({ workspaceId, actorId, specificationId, at: at(5) });
    await audit.noteEdit({ workspaceId, actorId, specificationId, at: at(35) });
    await audit.noteEdit({ workspaceId, actorId, specificationId, at: at(35) });
    const [summary] = await summaries();
    expect(summary.occurrences).toEqual([at(5), at(35)]);
    const stored = await entries.collection.findOne({ actorId });
    expect(stored).toMatchObject({ workspaceId, targetType: 'specification', detail: {} });
  });

  it('adds to a summary another node made at the same moment, when its index refused ours', async () => {
    const actorId = new Types.ObjectId();
    const write = entries.bulkWrite.bind(entries);
    jest.spyOn(entries, 'bulkWrite').mockImplementationOnce(async () => {
      // The other node's upsert lands between our look for the summary and our insert.
      await entries.collection.insertOne({
        action: SPECIFICATION_EDIT_ACTION,
        actorId,
        targetId: specificationId.toHexString(),
        at: HOUR,
        workspaceId,
        targetType: 'specification',
        detail: {},
        occurrences: [at(9)],
      });
      throw Object.assign(new Error('E11000 duplicate key'), {
        writeErrors: { index: 0, code: 11000 },
      });
    });
    jest.spyOn(entries, 'bulkWrite').mockImplementation(write);
    await audit.noteEdit({ workspaceId, actorId, specificationId, at: at(10) });
    const [summary] = await summaries();
    expect(summary.occurrences).toEqual([at(9), at(10)]);
  });

  it('fails the notices of a write that failed for any other reason', async () => {
    jest.spyOn(entries, 'bulkWrite').mockRejectedValueOnce(new Error('no primary'));
    await expect(
      audit.noteEdit({ workspaceId, actorId: new Types.ObjectId(), specificationId, at: at(1) }),
    ).rejects.toThrow('no primary');
    expect(await summaries()).toEqual([]);
  });
});

describe('the audit log refuses bulk rewrites', () => {
  const connection = embeddedDatabase();
  let entries: Model<AuditEntry>;

  beforeAll(() => {
    entries = connection().model(AuditEntry.name, AuditEntrySchema);
  });

  it('lets a bulk write add entries and add to hourly summaries, nothing else', async () => {
    const entry = {
      action: 'member.remove',
      targetType: 'membership',
      workspaceId: null,
      actorId: null,
      targetId: 'x',
      detail: new Map<string, string>(),
      at: new Date(),
    };
    await entries.bulkWrite([{ insertOne: { document: entry } }]);
    const refused = [
      { updateOne: { filter: { action: 'member.remove' }, update: { $set: { targetId: 'y' } } } },
      { deleteOne: { filter: { action: 'member.remove' } } },
      { deleteMany: { filter: {} } },
      { replaceOne: { filter: {}, replacement: entry } },
      { updateMany: { filter: {}, update: { $set: { targetId: 'y' } } } },
    ];
    for (const operation of refused) {
      await expect(entries.bulkWrite([operation])).rejects.toThrow(/append-only/);
    }
    expect(await entries.countDocuments({ action: 'member.remove', targetId: 'x' })).toBe(1);
  });
});
