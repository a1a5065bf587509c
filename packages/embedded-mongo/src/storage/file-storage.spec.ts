import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Binary,
  Code,
  DBRef,
  Decimal128,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
  UUID,
  type Document,
} from 'bson';
import { createFileStorage, type FileStorage } from './file-storage';
import type { JournalEntry } from './journal-entry';
import {
  DataDirectoryInUseError,
  StorageCorruptionError,
  StorageUnavailableError,
} from './storage-errors';

/** What the engine would hold in memory: enough to compare states before and after a restart. */
class SpecificationStore {
  readonly documents = new Map<string, Document>();

  apply = (entry: JournalEntry): void => {
    if (entry.op === 'put')
      this.documents.set(keyOf(entry.db, entry.coll, entry.doc._id), entry.doc);
    if (entry.op === 'delete') this.documents.delete(keyOf(entry.db, entry.coll, entry.id));
  };

  /** Applies in memory and appends in the same step, as the engine does. */
  write(storage: FileStorage, entries: JournalEntry[]): Promise<void> {
    entries.forEach(this.apply);
    return storage.append(entries);
  }

  dump(): Iterable<JournalEntry> {
    return [...this.documents.entries()].map(([key, doc]) => {
      const [db, coll] = key.split('/', 2) as [string, string];
      return { op: 'put', db, coll, doc };
    });
  }
}

function keyOf(db: string, coll: string, id: unknown): string {
  return `${db}/${coll}/${String(id)}`;
}

function specificationPut(n: number, extra: Document = {}): JournalEntry {
  return {
    op: 'put',
    db: 'coproduce',
    coll: 'specifications',
    doc: { _id: `spec-${n}`, title: `Key worker service, section ${n}`, ...extra },
  };
}

const quiet = { log: () => undefined };
let dbpath: string;
const opened: FileStorage[] = [];

function storageAt(directory = dbpath, log: (message: string) => void = quiet.log): FileStorage {
  const storage = createFileStorage(directory, { log });
  opened.push(storage);
  return storage;
}

async function reload(directory = dbpath): Promise<SpecificationStore> {
  const store = new SpecificationStore();
  const storage = storageAt(directory);
  await storage.open(store.apply);
  await storage.close();
  return store;
}

beforeEach(async () => {
  dbpath = await mkdtemp(join(tmpdir(), 'embedded-mongo-storage-'));
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close().catch(() => undefined)));
  await rm(dbpath, { recursive: true, force: true });
});

describe('file storage', () => {
  it('gives back every BSON type exactly as it was written, after a restart', async () => {
    const doc = {
      _id: new ObjectId(),
      double: 3.25,
      negativeZero: -0,
      int32: 42,
      largeInteger: 2 ** 53 - 1,
      long: Long.fromString('9223372036854775807'),
      smallLong: Long.fromNumber(7),
      decimal: Decimal128.fromString('1234.5678901234567890123456789'),
      text: 'Key worker service for 0–25 year olds ✓',
      emptyText: '',
      yes: true,
      no: false,
      nothing: null,
      date: new Date('2026-11-24T06:00:00.123Z'),
      binary: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      uuid: new UUID('01234567-89ab-cdef-0123-456789abcdef'),
      pattern: /^key worker$/im,
      timestamp: new Timestamp({ t: 1_700_000_000, i: 3 }),
      min: new MinKey(),
      max: new MaxKey(),
      code: new Code('function () { return 1; }'),
      codeWithScope: new Code('function () { return x; }', { x: 1 }),
      ref: new DBRef('specifications', new ObjectId()),
      nested: { list: [1, 'two', { three: [new Date(0)] }], empty: {}, emptyList: [] },
      'dotted.key': 1,
      $dollarKey: 2,
    };
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([
      { op: 'createCollection', db: 'coproduce', coll: 'specifications', options: {} },
      { op: 'put', db: 'coproduce', coll: 'specifications', doc },
    ]);
    await storage.close();

    const replayed: JournalEntry[] = [];
    const again = storageAt();
    await again.open((entry) => replayed.push(entry));
    expect(replayed).toStrictEqual([
      { op: 'createCollection', db: 'coproduce', coll: 'specifications', options: {} },
      { op: 'put', db: 'coproduce', coll: 'specifications', doc },
    ]);
  });

  it('keeps a command larger than one BSON document atomic and whole', async () => {
    const bulky = 'x'.repeat(6 * 1024 * 1024);
    const entries = [1, 2, 3, 4].map((n) => specificationPut(n, { bulky }));
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append(entries);
    await storage.close();

    const store = await reload();
    expect([...store.documents.keys()]).toEqual(
      [1, 2, 3, 4].map((n) => `coproduce/specifications/spec-${n}`),
    );
  });

  it('keeps a document at the 16 MiB BSON limit', async () => {
    const text = 'y'.repeat(16 * 1024 * 1024 - 100);
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([specificationPut(1, { text })]);
    await storage.close();
    const [stored] = (await reload()).documents.values();
    expect(stored?.text).toBe(text);
  });

  it('lets go of the data directory when replaying into the engine fails', async () => {
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([specificationPut(1)]);
    await storage.close();
    const failing = storageAt();
    await expect(
      failing.open(() => {
        throw new Error('engine refused the entry');
      }),
    ).rejects.toThrow('engine refused the entry');
    await expect(failing.append([specificationPut(2)])).rejects.toThrow('storage is closed');
    expect((await reload()).documents.size).toBe(1);
  });

  it('acknowledges concurrent writes with fewer datasyncs than writes (group commit)', async () => {
    const storage = storageAt();
    const store = new SpecificationStore();
    await storage.open(store.apply);
    const writes = Array.from({ length: 200 }, (_, n) =>
      store.write(storage, [specificationPut(n)]),
    );
    await Promise.all(writes);
    const counters = storage.journalCounters();
    expect(counters.appends).toBe(200);
    expect(counters.datasyncs).toBeLessThan(200);
    expect(counters.datasyncs).toBe(counters.records);
    await storage.close();
    expect((await reload()).documents).toEqual(store.documents);
  });

  it('writes the appends that arrive during an fsync together, under the next single fsync', async () => {
    const storage = storageAt();
    const store = new SpecificationStore();
    await storage.open(store.apply);
    const first = store.write(storage, [specificationPut(0)]);
    await new Promise((resolve) => setImmediate(resolve)); // the first write is now in flight
    const during = Array.from({ length: 100 }, (_, n) =>
      store.write(storage, [specificationPut(n + 1)]),
    );
    await Promise.all([first, ...during]);
    expect(storage.journalCounters()).toMatchObject({ appends: 101, records: 2, datasyncs: 2 });
  });

  // Small records are written on the event loop, large ones in the thread pool: both fail alike.
  it.each([
    ['a small record', {}],
    ['a large record', { bulky: 'x'.repeat(1024 * 1024) }],
  ])('fails the write, and every write after it, when the disk refuses %s', async (_, extra) => {
    // A journal that is really /dev/full: every write fails with ENOSPC.
    await symlink('/dev/full', join(dbpath, 'journal-0000000001.log'));
    const storage = storageAt();
    await storage.open(() => undefined);
    await expect(storage.append([specificationPut(1, extra)])).rejects.toThrow(
      new StorageUnavailableError('journal write failed: ENOSPC: no space left on device, write'),
    );
    await expect(storage.append([specificationPut(2)])).rejects.toThrow('journal write failed');
    await expect(storage.close()).resolves.toBeUndefined();
  });

  it('drops a torn last record, wherever the crash cut it, and keeps everything before it', async () => {
    const storage = storageAt();
    await storage.open(() => undefined);
    for (let n = 0; n < 3; n += 1) await storage.append([specificationPut(n)]);
    const journal = join(dbpath, 'journal-0000000001.log');
    const lengthBeforeLast = (await stat(journal)).size;
    await storage.append([specificationPut(3, { note: 'the write the crash interrupts' })]);
    await storage.close();
    const whole = await readFile(journal);

    const logs: string[] = [];
    for (let cut = lengthBeforeLast; cut < whole.byteLength; cut += 1) {
      await writeFile(journal, whole.subarray(0, cut));
      const store = new SpecificationStore();
      const reopened = storageAt(dbpath, (message) => logs.push(message));
      await reopened.open(store.apply);
      expect([...store.documents.keys()]).toEqual(
        [0, 1, 2].map((n) => `coproduce/specifications/spec-${n}`),
      );
      // The tail is cut back, so the next write lands after the last good record.
      await reopened.append([specificationPut(9)]);
      await reopened.close();
      expect((await reload()).documents.has('coproduce/specifications/spec-9')).toBe(true);
    }
    expect(logs.filter((line) => line.includes('dropped the last'))).toHaveLength(
      whole.byteLength - lengthBeforeLast - 1,
    );
  }, 60_000);

  it('drops zeros or garbage after the last record as a torn write', async () => {
    for (const tail of [Buffer.alloc(4096), Buffer.from('not a record at all, just noise')]) {
      const storage = storageAt();
      await storage.open(() => undefined);
      await storage.append([specificationPut(1)]);
      await storage.close();
      const journal = join(dbpath, 'journal-0000000001.log');
      await writeFile(journal, Buffer.concat([await readFile(journal), tail]));
      const store = await reload();
      expect(store.documents.has('coproduce/specifications/spec-1')).toBe(true);
      await rm(dbpath, { recursive: true });
    }
  });

  it('refuses to start when a record before the tail fails its checksum', async () => {
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([specificationPut(1, { title: 'first' })]);
    await storage.append([specificationPut(2)]);
    await storage.close();
    const journal = join(dbpath, 'journal-0000000001.log');
    const bytes = await readFile(journal);
    bytes[bytes.indexOf('first')] = 'F'.charCodeAt(0);
    await writeFile(journal, bytes);

    const reopened = storageAt();
    const opening = reopened.open(() => undefined);
    await expect(opening).rejects.toThrow(StorageCorruptionError);
    await expect(opening).rejects.toThrow(
      /journal-0000000001\.log is damaged at byte 0 .*refusing to start/,
    );
    // Nothing was cut off the damaged file, and the directory is free again.
    expect((await readFile(journal)).byteLength).toBe(bytes.byteLength);
    await expect(reload()).rejects.toThrow(StorageCorruptionError);
  });

  it('refuses to start when a damaged record length hides the records after it', async () => {
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([specificationPut(1)]);
    await storage.append([specificationPut(2)]);
    await storage.close();
    const journal = join(dbpath, 'journal-0000000001.log');
    const bytes = await readFile(journal);
    bytes.writeUInt32LE(0x7fffffff, 4);
    await writeFile(journal, bytes);
    await expect(reload()).rejects.toThrow(/runs past the end of the file.*refusing to start/);
  });

  it('refuses to start when a journal generation is missing', async () => {
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([specificationPut(1)]);
    await storage.close();
    await writeFile(join(dbpath, 'journal-0000000003.log'), '');
    await expect(reload()).rejects.toThrow(
      'journal-0000000002.log is missing but later journals exist',
    );
  });

  it('refuses to start from a damaged snapshot', async () => {
    const store = new SpecificationStore();
    const storage = storageAt();
    await storage.open(store.apply);
    await store.write(storage, [specificationPut(1, { title: 'in the snapshot' })]);
    await storage.compact(() => store.dump());
    await storage.close();
    const snapshot = join(dbpath, 'snapshot-0000000002.bson');
    const bytes = await readFile(snapshot);
    bytes[bytes.indexOf('in the snapshot')] = 'I'.charCodeAt(0);
    await writeFile(snapshot, bytes);
    await expect(reload()).rejects.toThrow(/snapshot-0000000002\.bson is damaged/);
  });

  it('treats a bad checksum on the very last record as a torn write', async () => {
    const storage = storageAt();
    await storage.open(() => undefined);
    await storage.append([specificationPut(1)]);
    await storage.append([specificationPut(2, { title: 'last' })]);
    await storage.close();
    const journal = join(dbpath, 'journal-0000000001.log');
    const bytes = await readFile(journal);
    bytes[bytes.lastIndexOf('last')] = 'L'.charCodeAt(0);
    await writeFile(journal, bytes);
    expect([...(await reload()).documents.keys()]).toEqual(['coproduce/specifications/spec-1']);
  });

  it('loses no write made while a compaction runs', async () => {
    const storage = storageAt();
    const store = new SpecificationStore();
    await storage.open(store.apply);
    const text = 'Young people asked for one named person who knows their story. '.repeat(16);
    for (let n = 0; n < 5000; n += 500) {
      await store.write(
        storage,
        Array.from({ length: 500 }, (_, i) => specificationPut(n + i, { text })),
      );
    }

    const during: Promise<void>[] = [];
    let next = 5000;
    const writeWhileCompacting = setInterval(() => {
      for (let i = 0; i < 20; i += 1) during.push(store.write(storage, [specificationPut(next++)]));
    }, 1);
    const bytesBefore = storage.journalBytes();
    const compaction = storage.compact(() => store.dump());
    for (let i = 0; i < 20; i += 1) during.push(store.write(storage, [specificationPut(next++)]));
    await compaction;
    clearInterval(writeWhileCompacting);
    await Promise.all(during);
    await store.write(storage, [
      { op: 'delete', db: 'coproduce', coll: 'specifications', id: 'spec-0' },
    ]);
    expect(storage.journalBytes()).toBeLessThan(bytesBefore);
    await storage.close();

    expect(
      (await readdir(dbpath)).filter((name) => !name.startsWith('mongod.lock')).sort(),
    ).toEqual(['journal-0000000002.log', 'snapshot-0000000002.bson']);
    const reloaded = await reload();
    expect(reloaded.documents).toEqual(store.documents);
    expect(reloaded.documents.size).toBe(next - 1);
  });

  it('makes appends still queued at close durable before letting go', async () => {
    const store = new SpecificationStore();
    const storage = storageAt();
    await storage.open(store.apply);
    const pending = Array.from({ length: 50 }, (_, n) =>
      store.write(storage, [specificationPut(n)]),
    );
    await storage.close();
    await Promise.all(pending);
    await expect(storage.append([specificationPut(99)])).rejects.toThrow('storage is closed');
    expect((await reload()).documents).toEqual(store.documents);
  });

  describe('after a crash during compaction', () => {
    /** Writes generation 1 (before compaction) and returns a copy of its journal. */
    async function journalBeforeCompaction(store: SpecificationStore): Promise<Buffer> {
      const storage = storageAt();
      await storage.open(store.apply);
      for (let n = 0; n < 50; n += 1) await store.write(storage, [specificationPut(n)]);
      await storage.close();
      return readFile(join(dbpath, 'journal-0000000001.log'));
    }

    it('ignores an unfinished snapshot and replays both journals', async () => {
      const store = new SpecificationStore();
      await journalBeforeCompaction(store);
      await writeFile(join(dbpath, 'snapshot-0000000002.bson.tmp'), Buffer.alloc(1000, 7));
      await writeFile(join(dbpath, 'journal-0000000002.log'), '');
      const storage = storageAt();
      await storage.open(() => undefined);
      await store.write(storage, [specificationPut(99)]);
      await storage.close();

      expect(await readdir(dbpath)).not.toContain('snapshot-0000000002.bson.tmp');
      expect((await reload()).documents).toEqual(store.documents);
    });

    it('cuts a torn tail off the old journal when the new one was created but is still empty', async () => {
      const store = new SpecificationStore();
      const journal = await journalBeforeCompaction(store);
      const torn = Buffer.concat([journal, journal.subarray(0, 40)]);
      await writeFile(join(dbpath, 'journal-0000000001.log'), torn);
      await writeFile(join(dbpath, 'journal-0000000002.log'), '');
      const storage = storageAt();
      await storage.open(() => undefined);
      await store.write(storage, [specificationPut(99)]);
      await storage.close();

      expect((await stat(join(dbpath, 'journal-0000000001.log'))).size).toBe(journal.byteLength);
      expect((await reload()).documents).toEqual(store.documents);
    });

    it('uses a renamed snapshot and removes the journal it replaced', async () => {
      const store = new SpecificationStore();
      const oldJournal = await journalBeforeCompaction(store);
      const storage = storageAt();
      await storage.open(() => undefined);
      await storage.compact(() => store.dump());
      await store.write(storage, [specificationPut(77)]);
      await storage.close();
      // The crash came after the rename, before the old journal was deleted.
      await writeFile(join(dbpath, 'journal-0000000001.log'), oldJournal);

      expect((await reload()).documents).toEqual(store.documents);
      expect(await readdir(dbpath)).not.toContain('journal-0000000001.log');
    });

    it('survives being killed while the snapshot is written, keeping every acknowledged write', async () => {
      const child = spawnStorageProcess(
        dbpath,
        `
        const storage = createFileStorage(dbpath, { log: () => {} });
        const doc = (n) => ({ op: 'put', db: 'coproduce', coll: 'feedback', doc: { _id: n, text: 'x'.repeat(200) } });
        let acknowledged = 0;
        (async () => {
          await storage.open(() => {});
          for (let n = 0; n < 20000; n += 100) await storage.append(Array.from({ length: 100 }, (_, i) => doc(n + i)));
          // The same entries over and over: a snapshot still being written when the kill comes.
          storage.compact(function* () { for (;;) for (let n = 0; n < 20000; n += 1) yield doc(n); }).catch(() => {});
          for (let n = 20000; ; n += 1) { await storage.append([doc(n)]); process.stdout.write(n + '\\n'); }
        })();
        `,
      );
      let lastAcknowledged = -1;
      onEachLine(child, (line) => {
        lastAcknowledged = Number(line);
      });
      await waitFor(
        async () =>
          (await readdir(dbpath)).includes('snapshot-0000000002.bson.tmp') &&
          lastAcknowledged > 20050,
      );
      child.kill('SIGKILL');
      await once(child, 'exit');

      const store = await reload();
      const acknowledged = Array.from({ length: lastAcknowledged + 1 }, (_, n) => n);
      expect(acknowledged.filter((n) => !store.documents.has(`coproduce/feedback/${n}`))).toEqual(
        [],
      );
      expect(await readdir(dbpath)).not.toContain('snapshot-0000000002.bson.tmp');
    }, 60_000);
  });

  it('keeps every acknowledged command, whole, across repeated kills during writes and compactions', async () => {
    const script = `
      const docs = new Map();
      const storage = createFileStorage(dbpath, { log: () => {} });
      // One decision recorded as three documents that must change together.
      const decision = (group, version) => ['options', 'rationale', 'approval'].map((part) => ({
        op: 'put', db: 'coproduce', coll: 'decisions',
        doc: { _id: group + '/' + part, group, version, note: 'x'.repeat(300) },
      }));
      (async () => {
        await storage.open((entry) => { if (entry.op === 'put') docs.set(entry.doc._id, entry.doc); });
        let next = Math.max(0, ...[...docs.values()].map((doc) => doc.version + 1));
        const writer = async () => {
          for (;;) {
            const version = next++;
            const entries = decision('g' + (version % 40), version);
            for (const entry of entries) docs.set(entry.doc._id, entry.doc);
            await storage.append(entries);
            process.stdout.write(entries[0].doc.group + ' ' + version + '\\n');
          }
        };
        for (let i = 0; i < 8; i += 1) writer();
        setInterval(() => {
          // The state is read when compact() asks for it: that is the snapshot's instant.
          storage.compact(() => [...docs.values()].map((doc) => ({ op: 'put', db: 'coproduce', coll: 'decisions', doc }))).catch(() => {});
        }, 100);
      })();
    `;
    const acknowledged = new Map<string, number>();
    for (let round = 0; round < 6; round += 1) {
      const child = spawnStorageProcess(dbpath, script);
      let lines = 0;
      onEachLine(child, (line) => {
        const [group, version] = line.split(' ') as [string, string];
        acknowledged.set(group, Math.max(acknowledged.get(group) ?? -1, Number(version)));
        lines += 1;
      });
      await waitFor(async () => lines > 50);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 500));
      child.kill('SIGKILL');
      await once(child, 'exit');

      const versions = new Map<string, number[]>();
      const recovering = storageAt();
      await recovering.open((entry) => {
        if (entry.op !== 'put') return;
        const group = String(entry.doc.group);
        const parts = versions.get(group) ?? [];
        parts[['options', 'rationale', 'approval'].indexOf(String(entry.doc._id).split('/')[1]!)] =
          Number(entry.doc.version);
        versions.set(group, parts);
      });
      await recovering.close();
      for (const [group, lastAcknowledged] of acknowledged) {
        const [options, rationale, approval] = versions.get(group) ?? [];
        expect({ group, rationale, approval }).toEqual({
          group,
          rationale: options,
          approval: options,
        });
        expect(options).toBeGreaterThanOrEqual(lastAcknowledged);
      }
    }
    const generations = (await readdir(dbpath)).filter((name) => name.startsWith('snapshot-'));
    expect(generations.length).toBeGreaterThan(0);
  }, 120_000);

  describe('the data directory lock', () => {
    it('stops a second storage on the same directory with a clear message', async () => {
      const first = storageAt();
      await first.open(() => undefined);
      await expect(storageAt().open(() => undefined)).rejects.toThrow(
        new DataDirectoryInUseError(
          `data directory ${dbpath} is in use by another embedded-mongo process (pid ${process.pid} on ${hostname()})`,
        ),
      );
      await first.close();
      const second = storageAt();
      await expect(second.open(() => undefined)).resolves.toBeUndefined();
    });

    it('is refused while another process holds it, and free as soon as that process is killed', async () => {
      const child = spawnStorageProcess(
        dbpath,
        `setInterval(() => {}, 1000); // an open storage alone does not keep a process alive
        createFileStorage(dbpath, { log: () => {} }).open(() => {}).then(() => process.stdout.write('open\\n'));`,
      );
      await once(child.stdout!, 'data');
      await expect(storageAt().open(() => undefined)).rejects.toThrow(
        `data directory ${dbpath} is in use by another embedded-mongo process (pid ${child.pid}`,
      );
      child.kill('SIGKILL');
      await once(child, 'exit');
      await expect(storageAt().open(() => undefined)).resolves.toBeUndefined();
    });
  });
});

/**
 * Runs `script` in a separate Node process with `createFileStorage` and
 * `dbpath` in scope, loading this package's TypeScript through SWC.
 */
function spawnStorageProcess(directory: string, script: string): ChildProcess {
  const prelude = `
    const { readFileSync } = require('node:fs');
    const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
    require.extensions['.ts'] = (module, filename) => {
      const { code } = transformSync(readFileSync(filename, 'utf8'), {
        filename, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    const { createFileStorage } = require(${JSON.stringify(join(__dirname, 'file-storage.ts'))});
    const dbpath = ${JSON.stringify(directory)};
  `;
  const child = spawn(process.execPath, ['-e', prelude + script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

/** Calls `onLine` with each complete line the child prints. */
function onEachLine(child: ChildProcess, onLine: (line: string) => void): void {
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine(line);
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
