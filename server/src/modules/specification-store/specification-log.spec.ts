import { Logger } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import { SpecificationLog, type SpecificationLogLimits } from './specification-log';
import {
  SpecificationStore,
  type Compaction,
  type FoldedRun,
  type LogEntry,
  type StoredSpecification,
} from './specification-store';

/** A store in memory that keeps entries by writer and seq, as the unique index does. */
class StoreInMemory extends SpecificationStore {
  readonly entries = new Map<string, LogEntry>();
  snapshot: { state: Uint8Array; version: number } | null = null;
  /** Appends that store their entries and then fail, as when the answer is lost. */
  losingAnswers = 0;
  appendsHeld: Array<() => void> = [];
  holdAppends = false;

  load(): Promise<StoredSpecification> {
    return Promise.resolve({
      snapshot: this.snapshot,
      log: [...this.entries.values()],
    });
  }

  remove(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }

  async append(_specificationId: string, entries: LogEntry[]): Promise<void> {
    if (this.holdAppends) await new Promise<void>((resolve) => this.appendsHeld.push(resolve));
    for (const entry of entries) {
      if (!this.entries.has(keyOf(entry))) this.entries.set(keyOf(entry), entry);
    }
    if (this.losingAnswers > 0) {
      this.losingAnswers--;
      throw new Error('connection reset before the answer');
    }
  }

  compact(
    _specificationId: string,
    { state, folded }: Compaction,
  ): Promise<{ version: number; state: Uint8Array }> {
    const version = (this.snapshot?.version ?? 0) + 1;
    this.snapshot = { state, version };
    for (const [key, entry] of this.entries) {
      if (folded.some((run) => holds(run, entry))) this.entries.delete(key);
    }
    return Promise.resolve(this.snapshot);
  }
}

function holds(run: FoldedRun, entry: LogEntry): boolean {
  return run.writer === entry.writer && entry.seq >= run.fromSeq && entry.seq <= run.toSeq;
}

function keyOf(entry: LogEntry): string {
  return `${entry.writer}:${entry.seq}`;
}

const LIMITS: SpecificationLogLimits = {
  maxBatchBytes: 1024 * 1024,
  compactAfterEntries: 1_000,
  compactAfterBytes: 1024 * 1024,
};

const FROM_STORE = Symbol('from-store');

function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe("a specification's update log", () => {
  let store: StoreInMemory;
  let doc: Y.Doc;
  let written: number[];

  beforeEach(() => {
    store = new StoreInMemory();
    doc = new Y.Doc();
    written = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  async function open(limits = LIMITS): Promise<SpecificationLog> {
    const log = await SpecificationLog.open({
      specificationId: 'spec-1',
      store,
      limits,
      doc,
      origin: FROM_STORE,
      initialContent: () => typed('template'),
      listener: { written: (updates) => written.push(updates), failing: () => undefined },
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_STORE) log.append(update);
    });
    return log;
  }

  function covers(stateVector: Uint8Array, of: Y.Doc): boolean {
    const durable = Y.decodeStateVector(stateVector);
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(of))) {
      if ((durable.get(client) ?? 0) < clock) return false;
    }
    return true;
  }

  it('a specification with nothing stored gets its initial content, stored before anyone reads it', async () => {
    const log = await open();

    expect(doc.getText('notes').toString()).toBe('template');
    expect(store.entries.size).toBe(1);
    expect(covers(log.durableStateVector, doc)).toBe(true);
  });

  it('opens from the snapshot and every writer’s entries in one transaction, with the same content', async () => {
    const writers = Array.from({ length: 5 }, () => new Y.Doc());
    const entries: LogEntry[] = [];
    writers.forEach((writer, index) =>
      writer.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'relayed') return;
        entries.push({ writer: `w${index}`, seq: entries.length + 1, update });
        for (const other of writers) if (other !== writer) Y.applyUpdate(other, update, 'relayed');
      }),
    );
    writers[0]!.getText('notes').insert(0, 'base');
    store.snapshot = { state: Y.encodeStateAsUpdate(writers[0]!), version: 1 };
    entries.length = 0;
    for (let keystroke = 0; keystroke < 200; keystroke++) {
      const text = writers[keystroke % writers.length]!.getText('notes');
      text.insert(keystroke % (text.length + 1), String(keystroke % 10));
    }
    for (const entry of entries) store.entries.set(keyOf(entry), entry);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);

    await open();

    expect(transactions).toBe(1);
    expect(doc.getText('notes').toString()).toBe(writers[0]!.getText('notes').toString());
  });

  it('skips a stored entry that does not apply and still applies the others', async () => {
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.getText('notes').insert(0, 'kept');
    writer.getText('notes').insert(4, ' too');
    store.entries.set('a:1', { writer: 'a', seq: 1, update: updates[0]! });
    store.entries.set('b:1', { writer: 'b', seq: 1, update: Uint8Array.of(0xff, 0xff, 0xff) });
    store.entries.set('a:2', { writer: 'a', seq: 2, update: updates[1]! });

    await open();

    expect(doc.getText('notes').toString()).toBe('kept too');
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.stringContaining('skipped a stored update that does not apply'),
    );
  });

  it('calls durable only what was written, not what the document holds meanwhile', async () => {
    const log = await open();
    store.holdAppends = true;
    doc.getText('notes').insert(0, 'Key workers: ');
    await new Promise((resolve) => setImmediate(resolve));

    expect(covers(log.durableStateVector, doc)).toBe(false);

    store.holdAppends = false;
    for (const release of store.appendsHeld.splice(0)) release();
    await log.settle();
    expect(covers(log.durableStateVector, doc)).toBe(true);
    expect(written).toEqual([1]);
  });

  it('a write whose answer was lost is retried with the same entry numbers, so each update is stored once', async () => {
    const log = await open();
    store.losingAnswers = 1;
    doc.getText('notes').insert(0, 'a');
    doc.getText('notes').insert(0, 'b');

    await log.settle();

    // The template, and the two updates once each.
    expect(store.entries.size).toBe(3);
    expect(written).toEqual([2]);
  });

  it('folds somewhere between its limit and a quarter more, drawn afresh for each fold', async () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.99);
    const log = await open({ ...LIMITS, compactAfterEntries: 8 });
    const text = doc.getText('notes');
    const edit = async (times: number) => {
      for (let i = 0; i < times; i++) {
        text.insert(0, 'x');
        await log.settle();
      }
    };
    await edit(8); // nine entries, with the initial content's
    expect(store.snapshot?.version ?? 0).toBe(0);
    random.mockReturnValue(0);
    await edit(1); // 8 × 1.2475: the tenth entry
    expect(store.snapshot?.version).toBe(1);
    await edit(7);
    expect(store.snapshot?.version).toBe(1);
    await edit(1); // this time at the limit itself
    expect(store.snapshot?.version).toBe(2);
  });

  it('a compaction removes only the entries it folded: another writer’s entry stays in the log', async () => {
    const log = await open();
    doc.getText('notes').insert(0, 'ours ');
    await log.settle();
    const fromAnotherNode = { writer: 'another-node', seq: 1, update: typed('theirs') };
    store.entries.set(keyOf(fromAnotherNode), fromAnotherNode);

    await log.compact();

    expect([...store.entries.values()]).toEqual([fromAnotherNode]);
    expect(log.unfoldedEntryCount).toBe(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, store.snapshot!.state);
    Y.applyUpdate(reloaded, fromAnotherNode.update);
    // Concurrent insertions interleave by client id; each is there whole.
    for (const words of ['ours ', 'template', 'theirs']) {
      expect(reloaded.getText('notes').toString()).toContain(words);
    }
  });
});
