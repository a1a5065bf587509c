import { BatchedWrite } from './batched-write';

/** Writes recorded in `calls`; the first stays out until `finishFirst()`. */
function firstWriteHeld() {
  const calls: number[][] = [];
  let finishFirst: () => void = () => undefined;
  const firstFinished = new Promise<void>((resolve) => (finishFirst = resolve));
  const writes = new BatchedWrite<number>(async (items) => {
    calls.push(items);
    if (calls.length === 1) await firstFinished;
  });
  return { calls, writes, finishFirst: () => finishFirst() };
}

describe('BatchedWrite', () => {
  it('makes the writes of one turn with one call, in the order they were asked', async () => {
    const calls: number[][] = [];
    const writes = new BatchedWrite<number>(async (items) => {
      calls.push(items);
    });
    await Promise.all([writes.write(1), writes.write(2), writes.write(3)]);
    expect(calls).toEqual([[1, 2, 3]]);
    await writes.write(4);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps what is asked while a write is out for the next write, all of it together', async () => {
    const { calls, writes, finishFirst } = firstWriteHeld();
    const first = writes.write(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1]]);
    const later = [writes.write(2), writes.write(3)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([[1]]);
    finishFirst();
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 3]]);
  });

  it('gathers what is asked within its time of the first into one write', async () => {
    jest.useFakeTimers();
    try {
      const calls: number[][] = [];
      const writes = new BatchedWrite<number>(async (items) => {
        calls.push(items);
      }, 250);
      const written = [writes.write(1)];
      await jest.advanceTimersByTimeAsync(200);
      written.push(writes.write(2));
      expect(calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(50);
      expect(calls).toEqual([[1, 2]]);
      written.push(writes.write(3));
      await jest.advanceTimersByTimeAsync(250);
      await Promise.all(written);
      expect(calls).toEqual([[1, 2], [3]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('splits a storm into writes of at most 500 items', async () => {
    const sizes: number[] = [];
    const writes = new BatchedWrite<number>(async (items) => {
      sizes.push(items.length);
    });
    await Promise.all(Array.from({ length: 1_200 }, (_, index) => writes.write(index)));
    expect(sizes).toEqual([500, 500, 200]);
  });

  it('fails only the callers of a write that failed, and goes on with the next', async () => {
    let fail = true;
    const written: string[] = [];
    const writes = new BatchedWrite<string>(async (items) => {
      if (fail) throw new Error('no primary');
      written.push(...items);
    });
    const outcomes = await Promise.allSettled([writes.write('a'), writes.write('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await writes.write('c');
    expect(written).toEqual(['c']);
  });

  describe('settling, for a stop', () => {
    it('writes what is gathered at once, without waiting out the gather time', async () => {
      const calls: number[][] = [];
      const writes = new BatchedWrite<number>(async (items) => {
        calls.push(items);
      }, 60_000);
      const written = [writes.write(1), writes.write(2)];

      await writes.settle();

      expect(calls).toEqual([[1, 2]]);
      await Promise.all(written);
      // The gather's timer went with it: nothing is written twice, and a later write gathers anew.
      const later = writes.write(3);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(calls).toEqual([[1, 2]]);
      await writes.settle();
      await later;
      expect(calls).toEqual([[1, 2], [3]]);
    });

    it('waits for the write that is out and for what was asked meanwhile', async () => {
      const { calls, writes, finishFirst } = firstWriteHeld();
      void writes.write(1);
      await new Promise((resolve) => setImmediate(resolve));
      void writes.write(2);
      let settled = false;
      const settling = writes.settle().then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(settled).toBe(false);

      finishFirst();
      await settling;

      expect(calls).toEqual([[1], [2]]);
    });

    it('writes what was asked just as a drain ended', async () => {
      const calls: number[][] = [];
      const writes = new BatchedWrite<number>(async (items) => {
        calls.push(items);
      }, 60_000);
      const first = writes.write(1);
      let second: Promise<void> = Promise.resolve();
      let settlingAgain: Promise<void> = Promise.resolve();
      // Runs as the first drain ends, before that drain's promise has been let go.
      const askedMeanwhile = first.then(() => {
        second = writes.write(2);
        settlingAgain = writes.settle();
      });

      await writes.settle();
      await askedMeanwhile;
      await settlingAgain;

      expect(calls).toEqual([[1], [2]]);
      await second;
    });

    it('with nothing asked, is done at once', async () => {
      const writeMany = jest.fn(async () => undefined);
      await new BatchedWrite<number>(writeMany, 250).settle();
      expect(writeMany).not.toHaveBeenCalled();
    });
  });
});
