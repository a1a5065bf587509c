import { Y } from '@coproduce/protocol';
import { startEmbeddedMongo } from '@coproduce/embedded-mongo';
import { createConnection, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import { newLogWriterId } from './log-writer-id';
import { MongoSpecificationStore } from './mongo-specification-store';
import {
  SpecificationSnapshot,
  SpecificationSnapshotSchema,
} from './specification-snapshot.schema';
import type { LogEntry } from './specification-store';
import {
  RETIRED_SEQ_INDEX,
  SpecificationUpdate,
  SpecificationUpdateSchema,
} from './specification-update.schema';

/** Specification ids longer than the schema's 64 characters fail mongoose's validation. */
const TOO_LONG_ID = 'x'.repeat(65);

/** Each test's own writer, numbering its entries as a specification log does. */
let writer = newLogWriterId();
let lastSeq = 0;

function entry(text: string, update: Uint8Array = new TextEncoder().encode(text)): LogEntry {
  return { writer, seq: ++lastSeq, update };
}

/** A Yjs update that writes `text` into a document of its own. */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return [...doc.getText('notes').toString()].sort().join('');
}

describe('the specification log on MongoDB', () => {
  const database = embeddedDatabase();
  let updates: Model<SpecificationUpdate>;
  let snapshots: Model<SpecificationSnapshot>;
  let store: MongoSpecificationStore;

  beforeAll(async () => {
    const connection = database();
    updates = connection.model(SpecificationUpdate.name, SpecificationUpdateSchema);
    snapshots = connection.model(SpecificationSnapshot.name, SpecificationSnapshotSchema);
    await Promise.all([updates.init(), snapshots.init()]);
    store = new MongoSpecificationStore(updates, snapshots);
    await store.onModuleInit();
  });

  beforeEach(() => {
    writer = newLogWriterId();
    lastSeq = 0;
  });

  async function storedTexts(specificationId: string): Promise<string[]> {
    const stored = await store.load(specificationId);
    return stored.log.map((logEntry) => new TextDecoder().decode(logEntry.update));
  }

  describe('when the database refuses some entries', () => {
    it('an entry stored by an attempt whose answer was lost is taken as stored, once', async () => {
      const first = entry('stored, answer lost');
      await store.append('spec-retried', [first]);

      await expect(store.append('spec-retried', [first, entry('new')])).resolves.toBeUndefined();

      expect(await storedTexts('spec-retried')).toEqual(['stored, answer lost', 'new']);
    });

    it('an entry mongoose refuses fails its own append, not the others in the write', async () => {
      const outcomes = await Promise.allSettled([
        store.append('spec-before', [entry('a')]),
        store.append(TOO_LONG_ID, [entry('b')]),
        store.append('spec-after', [entry('c')]),
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/specificationId/);
      expect(await storedTexts('spec-before')).toEqual(['a']);
      expect(await storedTexts('spec-after')).toEqual(['c']);
      expect(await storedTexts(TOO_LONG_ID)).toEqual([]);
    });

    it('a write refused whole (every entry) still answers each caller', async () => {
      const outcomes = await Promise.allSettled([
        store.append(TOO_LONG_ID, [entry('x')]),
        store.append(TOO_LONG_ID, [entry('y')]),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    });

    it('a write that fails as a whole (the database is gone) fails every caller in it', async () => {
      const gone = await startEmbeddedMongo();
      const lost = await createConnection(gone.uri, {
        dbName: 'coproduce',
        serverSelectionTimeoutMS: 300,
      }).asPromise();
      try {
        const lostStore = new MongoSpecificationStore(
          lost.model(SpecificationUpdate.name, SpecificationUpdateSchema),
          lost.model(SpecificationSnapshot.name, SpecificationSnapshotSchema),
        );
        await gone.stop();
        const outcomes = await Promise.allSettled([
          lostStore.append('spec-one', [entry('a')]),
          lostStore.append('spec-two', [entry('b')]),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      } finally {
        await lost.close(true);
      }
    });
  });

  describe('compacting', () => {
    it('removes exactly the entries it folded: one appended meanwhile stays in the log', async () => {
      const folded = entry('a', typed('a'));
      await store.append('spec-compacted', [folded]);
      const meanwhile = entry('b', typed('b'));
      await store.append('spec-compacted', [meanwhile]);

      const snapshot = await store.compact('spec-compacted', {
        state: folded.update,
        basedOnVersion: 0,
        folded: [{ writer, fromSeq: folded.seq, toSeq: folded.seq }],
      });

      const stored = await store.load('spec-compacted');
      expect(snapshot.version).toBe(1);
      expect(stored.snapshot?.version).toBe(1);
      expect(stored.log.map((logEntry) => logEntry.seq)).toEqual([meanwhile.seq]);
      expect(textOf([stored.snapshot!.state, ...stored.log.map((e) => e.update)])).toBe('ab');
    });

    it('two writers compacting at once keep what each folded', async () => {
      const fromA = { writer: 'node-a', seq: 1, update: typed('a') };
      const fromB = { writer: 'node-b', seq: 1, update: typed('b') };
      await store.append('spec-raced', [fromA, fromB]);
      const run = (of: LogEntry) => [{ writer: of.writer, fromSeq: of.seq, toSeq: of.seq }];

      // Each node knows only its own entry, and both start from no snapshot.
      await Promise.all([
        store.compact('spec-raced', {
          state: fromA.update,
          basedOnVersion: 0,
          folded: run(fromA),
        }),
        store.compact('spec-raced', {
          state: fromB.update,
          basedOnVersion: 0,
          folded: run(fromB),
        }),
      ]);

      const stored = await store.load('spec-raced');
      expect(stored.log).toEqual([]);
      expect(stored.snapshot?.version).toBe(2);
      expect(textOf([stored.snapshot!.state])).toBe('ab');
    });
  });

  it('a database written by the first layout (numbered entries, a snapshot without a version) loads and takes new entries', async () => {
    const legacy = await startEmbeddedMongo();
    const old = await createConnection(legacy.uri, { dbName: 'coproduce' }).asPromise();
    try {
      const oldUpdates = old.collection('specification_updates');
      await oldUpdates.createIndex({ specificationId: 1, seq: 1 }, { unique: true });
      await oldUpdates.insertOne({
        specificationId: 'spec-old',
        seq: 2,
        update: Buffer.from(typed('b')),
        createdAt: new Date(),
      });
      await old.collection('specification_snapshots').insertOne({
        specificationId: 'spec-old',
        state: Buffer.from(typed('a')),
        upToSeq: 1,
        updatedAt: new Date(),
      });
      const upgraded = new MongoSpecificationStore(
        old.model(SpecificationUpdate.name, SpecificationUpdateSchema),
        old.model(SpecificationSnapshot.name, SpecificationSnapshotSchema),
      );
      await upgraded.onModuleInit();

      // Two writers both numbering from 1: the retired unique index would refuse the second.
      await upgraded.append('spec-old', [{ writer: 'node-a', seq: 1, update: typed('c') }]);
      await upgraded.append('spec-old', [{ writer: 'node-b', seq: 1, update: typed('d') }]);
      const loaded = await upgraded.load('spec-old');
      expect(loaded.snapshot?.version).toBe(0);
      expect(textOf([loaded.snapshot!.state, ...loaded.log.map((e) => e.update)])).toBe('abcd');
      const indexes = await oldUpdates.indexes();
      expect(indexes.map((index) => index.name)).not.toContain(RETIRED_SEQ_INDEX);

      await upgraded.compact('spec-old', {
        state: Y.mergeUpdates([loaded.snapshot!.state, ...loaded.log.map((e) => e.update)]),
        basedOnVersion: 0,
        folded: loaded.log.map((e) => ({ writer: e.writer, fromSeq: e.seq, toSeq: e.seq })),
      });
      const compacted = await upgraded.load('spec-old');
      expect(compacted.log).toEqual([]);
      expect(compacted.snapshot?.version).toBe(1);
      expect(textOf([compacted.snapshot!.state])).toBe('abcd');
    } finally {
      await old.close(true);
      await legacy.stop();
    }
  });
});
