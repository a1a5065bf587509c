import { MemoryStorage } from '../storage/memory-storage';
import { runCommand } from '../commands/dispatcher';
import { Engine } from './engine';

describe('collection validators', () => {
  let engine: Engine;
  const command = (body: Record<string, unknown>) =>
    runCommand(engine, { ...body, $db: 'coproduce' }, 1);

  beforeEach(async () => {
    engine = await Engine.open(new MemoryStorage());
    const created = await command({
      create: 'engagementEvents',
      validator: {
        $jsonSchema: {
          bsonType: 'object',
          required: ['kind', 'heldOn'],
          properties: {
            kind: { enum: ['drop-in', 'interview', 'survey', 'market engagement'] },
            heldOn: { bsonType: 'date' },
            attendees: { bsonType: 'int', minimum: 0 },
            title: { bsonType: 'string', minLength: 3, maxLength: 120 },
          },
        },
      },
    });
    expect(created).toEqual({ ok: 1 });
  });
  afterEach(() => engine.close());

  it('refuses an insert that breaks the schema with DocumentValidationFailure (121), and stores nothing', async () => {
    const reply = await command({
      insert: 'engagementEvents',
      documents: [
        { _id: 1, kind: 'drop-in', heldOn: new Date('2026-03-02'), attendees: 14 },
        { _id: 2, kind: 'party', heldOn: new Date('2026-03-03') },
        { _id: 3, kind: 'survey' },
      ],
      ordered: false,
    });
    expect(reply.n).toBe(1);
    expect(
      reply.writeErrors.map((error: { index: number; code: number }) => [error.index, error.code]),
    ).toEqual([
      [1, 121],
      [2, 121],
    ]);
    expect(reply.writeErrors[0]).toMatchObject({
      errmsg: 'Document failed validation',
      errInfo: { failingDocumentId: 2 },
    });
  });

  it('checks updates too, unless the command bypasses validation', async () => {
    await command({
      insert: 'engagementEvents',
      documents: [{ _id: 1, kind: 'interview', heldOn: new Date() }],
    });
    const refused = await command({
      update: 'engagementEvents',
      updates: [{ q: { _id: 1 }, u: { $set: { attendees: -2 } } }],
    });
    expect(refused.writeErrors[0]).toMatchObject({ code: 121 });
    const bypassed = await command({
      update: 'engagementEvents',
      updates: [{ q: { _id: 1 }, u: { $set: { attendees: -2 } } }],
      bypassDocumentValidation: true,
    });
    expect(bypassed).toMatchObject({ n: 1, nModified: 1 });
  });

  it('lets collMod relax the validator to warnings', async () => {
    expect(await command({ collMod: 'engagementEvents', validationAction: 'warn' })).toEqual({
      ok: 1,
    });
    const reply = await command({ insert: 'engagementEvents', documents: [{ kind: 'party' }] });
    expect(reply).toEqual({ n: 1, ok: 1 });
    const listed = await command({ listCollections: 1, filter: { name: 'engagementEvents' } });
    expect(listed.cursor.firstBatch[0].options.validationAction).toBe('warn');
  });

  it('refuses a schema with a keyword mongod does not know when the collection is created', async () => {
    const reply = await command({
      create: 'feedback',
      validator: { $jsonSchema: { format: 'email' } },
    });
    expect(reply).toMatchObject({ ok: 0, code: 9 });
  });
});
