import { Logger } from '@nestjs/common';
import { WriteBatcher, type BatchedUpdate, type WriteBatcherOptions } from './write-batcher';

/** A database the test answers by hand: each write waits until resolved or rejected. */
class HeldWrites {
  readonly pending: Array<{
    updates: number[];
    arrivedAt: number;
    resolve: () => void;
    reject: (error: Error) => void;
  }> = [];

  write = (entries: BatchedUpdate[], arrivedAt: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const updates = entries.map(({ update }) => update[0]);
      this.pending.push({ updates, arrivedAt, resolve, reject });
    });

  async next(): Promise<HeldWrites['pending'][number]> {
    while (this.pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.pending.shift() as HeldWrites['pending'][number];
  }
}

function update(id: number): BatchedUpdate {
  return { update: Uint8Array.of(id) };
}

function batcherOver(
  writes: HeldWrites,
  options: Partial<WriteBatcherOptions<BatchedUpdate>> = {},
): { batcher: WriteBatcher<BatchedUpdate>; written: Array<{ updates: number[] }> } {
  const written: Array<{ updates: number[] }> = [];
  const batcher = new WriteBatcher({
    label: 'spec-1',
    maxBatchBytes: 1024,
    write: writes.write,
    written: (entries) => written.push({ updates: entries.map(({ update }) => update[0]) }),
    ...options,
  });
  return { batcher, written };
}

describe('writing one specification in batches', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes what arrives during a write together in the next one, and reports each once acknowledged', async () => {
    const writes = new HeldWrites();
    const { batcher, written } = batcherOver(writes);
    batcher.add(update(1));
    batcher.add(update(2));
    const first = await writes.next();
    expect(first.updates).toEqual([1, 2]);
    batcher.add(update(3));
    batcher.add(update(4));
    expect(batcher.unwrittenCount).toBe(4);
    expect(written).toEqual([]);
    first.resolve();
    const second = await writes.next();
    expect(second.updates).toEqual([3, 4]);
    second.resolve();
    await batcher.whenIdle();
    expect(written).toEqual([{ updates: [1, 2] }, { updates: [3, 4] }]);
    expect(batcher.unwrittenCount).toBe(0);
  });

  it('tells each write when its oldest update was added, however long it waited for the one before', async () => {
    const writes = new HeldWrites();
    const { batcher } = batcherOver(writes);
    const clock = jest.spyOn(performance, 'now').mockReturnValue(1_000);
    batcher.add(update(1));
    const first = await writes.next();
    expect(first.arrivedAt).toBe(1_000);
    clock.mockReturnValue(1_004);
    batcher.add(update(2));
    clock.mockReturnValue(1_009);
    batcher.add(update(3));
    clock.mockReturnValue(1_030);
    first.resolve();
    const second = await writes.next();
    expect(second.updates).toEqual([2, 3]);
    expect(second.arrivedAt).toBe(1_004);
    second.resolve();
    await batcher.whenIdle();
  });

  it('keeps retrying a failing write, telling its owner after every failed attempt, until it is stored', async () => {
    const writes = new HeldWrites();
    const failures: Array<[string, number]> = [];
    const { batcher, written } = batcherOver(writes, {
      failed: (error, attempt) => failures.push([(error as Error).message, attempt]),
    });
    batcher.add(update(1));
    (await writes.next()).reject(new Error('not primary'));
    batcher.add(update(2));
    (await writes.next()).reject(new Error('not primary'));
    const third = await writes.next();
    // The retry carries the failed updates and what arrived meanwhile.
    expect(third.updates).toEqual([1, 2]);
    expect(failures).toEqual([
      ['not primary', 1],
      ['not primary', 2],
    ]);
    third.resolve();
    await batcher.whenIdle();
    expect(written).toEqual([{ updates: [1, 2] }]);

    // A success starts the count again.
    batcher.add(update(3));
    (await writes.next()).reject(new Error('timed out'));
    const retry = await writes.next();
    expect(failures[2]).toEqual(['timed out', 1]);
    retry.resolve();
    await batcher.whenIdle();
  });

  it('an owner whose failure report throws does not stop the retries', async () => {
    const writes = new HeldWrites();
    const { batcher, written } = batcherOver(writes, {
      failed: () => {
        throw new Error('member socket gone');
      },
    });
    batcher.add(update(1));
    (await writes.next()).reject(new Error('not primary'));
    (await writes.next()).resolve();
    await batcher.whenIdle();
    expect(written).toHaveLength(1);
  });

  it('stop() while waiting to retry gives up at once: whenIdle resolves, nothing more is written', async () => {
    const writes = new HeldWrites();
    const { batcher, written } = batcherOver(writes);
    batcher.add(update(1));
    batcher.add(update(2));
    (await writes.next()).reject(new Error('no primary'));
    batcher.add(update(3));
    let idle = false;
    void batcher.whenIdle().then(() => (idle = true));

    expect(batcher.stop()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(idle).toBe(true);
    batcher.add(update(4));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writes.pending).toEqual([]);
    expect(written).toEqual([]);
    expect(batcher.stop()).toBe(0);
  });

  it('stop() during a write: the write may still land, but nobody is told it did', async () => {
    const writes = new HeldWrites();
    const { batcher, written } = batcherOver(writes);
    batcher.add(update(1));
    const inFlight = await writes.next();
    expect(batcher.stop()).toBe(1);
    await batcher.whenIdle();
    inFlight.resolve();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written).toEqual([]);
  });

  it('caps a batch at the byte limit, reporting each part as it is written', async () => {
    const writes = new HeldWrites();
    const { batcher, written } = batcherOver(writes, { maxBatchBytes: 2 });
    for (const id of [1, 2, 3]) batcher.add(update(id));
    (await writes.next()).resolve();
    (await writes.next()).resolve();
    await batcher.whenIdle();
    expect(written).toEqual([{ updates: [1, 2] }, { updates: [3] }]);
  });
});
