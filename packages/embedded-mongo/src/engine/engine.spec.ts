import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JournalEntry, Storage } from '../storage/journal-entry';
import { createFileStorage } from '../storage/file-storage';
import { CommandError } from '../commands/command-error';
import { runCommand } from '../commands/dispatcher';
import { Engine } from './engine';

/** Storage whose disk has gone away: every append fails. */
class UnwritableStorage implements Storage {
  appended: JournalEntry[][] = [];
  async open(): Promise<void> {}
  async append(entries: JournalEntry[]): Promise<void> {
    this.appended.push(entries);
    throw new Error('EIO: i/o error, write');
  }
  async compact(): Promise<void> {}
  journalBytes(): number {
    return 0;
  }
  async close(): Promise<void> {}
}

const command = (engine: Engine, body: Record<string, unknown>) =>
  runCommand(engine, { ...body, $db: 'coproduce' }, 1);

describe('engine durability', () => {
  let dbpath: string;
  beforeEach(async () => {
    dbpath = await mkdtemp(path.join(os.tmpdir(), 'embedded-mongo-engine-'));
  });
  afterEach(() => rm(dbpath, { recursive: true, force: true }));

  it('journals each write command as one append and replays it after a restart', async () => {
    const engine = await Engine.open(createFileStorage(dbpath, { log: () => undefined }));
    await command(engine, {
      createIndexes: 'invitations',
      indexes: [{ key: { email: 1 }, name: 'email_1', unique: true }],
    });
    await command(engine, {
      insert: 'invitations',
      documents: [
        { _id: 1, email: 'a@demo.test' },
        { _id: 2, email: 'b@demo.test' },
      ],
    });
    await command(engine, {
      update: 'invitations',
      updates: [{ q: { _id: 2 }, u: { $set: { accepted: true } } }],
    });
    await command(engine, { delete: 'invitations', deletes: [{ q: { _id: 1 }, limit: 1 }] });
    await engine.close();

    const reopened = await Engine.open(createFileStorage(dbpath, { log: () => undefined }));
    const found = await command(reopened, { find: 'invitations', filter: {} });
    expect(found.cursor.firstBatch).toEqual([{ _id: 2, email: 'b@demo.test', accepted: true }]);
    const duplicate = await command(reopened, {
      insert: 'invitations',
      documents: [{ email: 'b@demo.test' }],
    });
    expect(duplicate.writeErrors[0]).toMatchObject({ code: 11000 });
    await reopened.close();
  });

  it('compacts into a snapshot in the background and loads the same state from it', async () => {
    const storage = createFileStorage(dbpath, { log: () => undefined });
    const engine = await Engine.open(storage, { compactAfterBytes: 1024 });
    for (let batch = 0; batch < 20; batch++) {
      const documents = Array.from({ length: 10 }, (_, i) => ({
        _id: batch * 10 + i,
        note: 'x'.repeat(50),
      }));
      await command(engine, { insert: 'feedback', documents });
    }
    await command(engine, {
      delete: 'feedback',
      deletes: [{ q: { _id: { $lt: 100 } }, limit: 0 }],
    });
    await engine.close();
    expect((await readdir(dbpath)).some((name) => name.startsWith('snapshot-'))).toBe(true);

    const reopened = await Engine.open(createFileStorage(dbpath, { log: () => undefined }));
    const count = await command(reopened, { count: 'feedback' });
    expect(count).toEqual({ n: 100, ok: 1 });
    await reopened.close();
  });

  it('removes expired invitations in the background through the journal, keeping the rest', async () => {
    const engine = await Engine.open(createFileStorage(dbpath, { log: () => undefined }), {
      ttlIntervalMs: 25,
    });
    await command(engine, {
      createIndexes: 'invitations',
      indexes: [{ key: { expiresAt: 1 }, name: 'expiresAt_1', expireAfterSeconds: 0 }],
    });
    const now = Date.now();
    await command(engine, {
      insert: 'invitations',
      documents: [
        { _id: 'expired', expiresAt: new Date(now - 60_000) },
        { _id: 'expired-in-array', expiresAt: [new Date(now + 60_000), new Date(now - 1_000)] },
        { _id: 'current', expiresAt: new Date(now + 60_000) },
        { _id: 'no-date', expiresAt: 'tomorrow' },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await engine.close();
    const reopened = await Engine.open(createFileStorage(dbpath, { log: () => undefined }));
    const found = await command(reopened, {
      find: 'invitations',
      projection: { _id: 1 },
      sort: { _id: 1 },
    });
    expect(found.cursor.firstBatch).toEqual([{ _id: 'current' }, { _id: 'no-date' }]);
    await reopened.close();
  });

  it('acknowledges nothing once storage fails, and reports the failure once', async () => {
    const storage = new UnwritableStorage();
    const engine = await Engine.open(storage);
    const failures: Error[] = [];
    engine.onFatal = (error) => failures.push(error);
    const insert = await command(engine, {
      insert: 'decisions',
      documents: [{ option: 'tender' }],
    });
    expect(insert).toMatchObject({ ok: 0, code: new CommandError('InternalError', '').code });
    expect(await command(engine, { ping: 1 })).toMatchObject({ ok: 0 });
    expect(storage.appended).toHaveLength(1);
    expect(failures).toHaveLength(1);
    await engine.close();
  });
});
