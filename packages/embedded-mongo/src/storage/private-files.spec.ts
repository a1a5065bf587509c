import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStorage } from './file-storage';
import type { JournalEntry } from './journal-entry';

const entry: JournalEntry = {
  op: 'put',
  db: 'coproduce',
  coll: 'users',
  doc: { _id: 'commissioner', email: 'commissioner@demo.test', passwordHash: '$argon2id$…' },
};

/** Every path under `directory` (itself included) with its permission bits. */
async function modesUnder(directory: string): Promise<Record<string, string>> {
  const modes: Record<string, string> = {
    '.': ((await stat(directory)).mode & 0o777).toString(8),
  };
  for (const name of await readdir(directory, { recursive: true })) {
    modes[name] = ((await stat(join(directory, name))).mode & 0o777).toString(8);
  }
  return modes;
}

function allPrivate(modes: Record<string, string>, directories: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.keys(modes).map((name) => [name, directories.includes(name) ? '700' : '600']),
  );
}

describe('the data directory is private to the user running the store', () => {
  let parent: string;
  let dbpath: string;
  const umask = process.umask();
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'embedded-mongo-modes-'));
    dbpath = join(parent, 'data', 'db');
    // The usual umask, under which files come out 0644 and directories 0755 unless asked.
    process.umask(0o022);
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it('creates its directories 0700 and its journal, snapshot and lock files 0600', async () => {
    const storage = createFileStorage(dbpath, { log: () => undefined });
    await storage.open(() => undefined);
    try {
      await storage.append([entry]);
      await storage.compact(() => [entry]);
      await storage.append([entry]);
      const modes = await modesUnder(dbpath);
      expect(Object.keys(modes)).toEqual(
        expect.arrayContaining(['journal-0000000002.log', 'snapshot-0000000002.bson']),
      );
      expect(modes).toEqual(allPrivate(modes, ['.', 'mongod.lock']));
      // The directories it had to create above the data directory too.
      expect(((await stat(join(parent, 'data'))).mode & 0o777).toString(8)).toBe('700');
    } finally {
      await storage.close();
    }
  });

  it('takes back a data directory an older version left readable by everyone', async () => {
    const first = createFileStorage(dbpath, { log: () => undefined });
    await first.open(() => undefined);
    await first.append([entry]);
    await first.close();
    await chmod(dbpath, 0o755);
    await chmod(join(dbpath, 'journal-0000000001.log'), 0o644);

    const second = createFileStorage(dbpath, { log: () => undefined });
    await second.open(() => undefined);
    try {
      const modes = await modesUnder(dbpath);
      expect(modes['journal-0000000001.log']).toBe('600');
      expect(modes).toEqual(allPrivate(modes, ['.', 'mongod.lock']));
    } finally {
      await second.close();
    }
  });
});
