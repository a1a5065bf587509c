import { LogAppendCoalescer, type RefusedEntries } from './log-append-coalescer';

const ALL_STORED: RefusedEntries = new Map();

/** A coalescer on a clock the test moves, and the writes it made. */
function timedCoalescer(timing: { spacingMs: number; lingerMs: number }, now: () => number) {
  const writes: number[][] = [];
  const coalescer = new LogAppendCoalescer<number>(
    async (entries) => {
      writes.push(entries);
      return ALL_STORED;
    },
    timing,
    now,
  );
  return { writes, coalescer };
}

describe('group commit across documents', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes appends asked for in the same turn as one write', async () => {
    const writes: number[][] = [];
    const coalescer = new LogAppendCoalescer<number>(async (entries) => {
      writes.push(entries);
      return ALL_STORED;
    });
    await Promise.all([coalescer.append([1, 2]), coalescer.append([3]), coalescer.append([4])]);
    await coalescer.append([5]);
    expect(writes).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('keeps one write in flight: appends asked for meanwhile go together in the next', async () => {
    const writes: number[][] = [];
    let finishFirst: () => void = () => undefined;
    const coalescer = new LogAppendCoalescer<number>(async (entries) => {
      writes.push(entries);
      if (writes.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      return ALL_STORED;
    });
    const first = coalescer.append([1]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [coalescer.append([2]), coalescer.append([3])];
    await new Promise((resolve) => setTimeout(resolve, 10));
    const alsoLater = coalescer.append([4]);
    expect(writes).toEqual([[1]]);
    finishFirst();
    await Promise.all([first, ...later, alsoLater]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('tells every caller in a write that failed as a whole that it failed', async () => {
    const coalescer = new LogAppendCoalescer<number>(() => Promise.reject(new Error('no primary')));
    const outcomes = await Promise.allSettled([coalescer.append([1]), coalescer.append([2])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('fails only the document whose entry the database refused; the others in the write are saved', async () => {
    const duplicate = Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    const coalescer = new LogAppendCoalescer<string>(async (entries) => {
      // The write holds A's, B's and C's entries in the order they were asked for.
      expect(entries).toEqual(['a1', 'a2', 'b1', 'b2', 'b3', 'c1']);
      return new Map([[3, duplicate]]);
    });
    const outcomes = await Promise.allSettled([
      coalescer.append(['a1', 'a2']),
      coalescer.append(['b1', 'b2', 'b3']),
      coalescer.append(['c1']),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: undefined },
      { status: 'rejected', reason: duplicate },
      { status: 'fulfilled', value: undefined },
    ]);
  });

  it('gives a document with several refused entries the first refusal', async () => {
    const first = new Error('validation failed: seq');
    const second = new Error('validation failed: update');
    const coalescer = new LogAppendCoalescer<string>(async () => {
      return new Map([
        [2, second],
        [1, first],
      ]);
    });
    const outcomes = await Promise.allSettled([
      coalescer.append(['a1']),
      coalescer.append(['b1', 'b2']),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: undefined },
      { status: 'rejected', reason: first },
    ]);
  });

  it('an append with no entries resolves with its write', async () => {
    const coalescer = new LogAppendCoalescer<string>(async () => new Map([[0, new Error('no')]]));
    const outcomes = await Promise.allSettled([coalescer.append([]), coalescer.append(['b1'])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('starts writes at least the spacing apart, and an idle one at once', async () => {
    let now = 1_000;
    const { writes, coalescer } = timedCoalescer({ spacingMs: 30, lingerMs: 0 }, () => now);
    const timer = jest.spyOn(global, 'setTimeout');
    await coalescer.append([1]);
    expect(timer).not.toHaveBeenCalled();
    now += 10; // the first write started 10 ms ago
    const later = [coalescer.append([2]), coalescer.append([3])];
    expect(timer).toHaveBeenCalledWith(expect.any(Function), 20);
    await Promise.all(later);
    expect(writes).toEqual([[1], [2, 3]]);
  });

  it('starts a write the linger after its first entry was asked for, not at once', async () => {
    let now = 1_000;
    const { writes, coalescer } = timedCoalescer({ spacingMs: 5, lingerMs: 10 }, () => now);
    const timer = jest.spyOn(global, 'setTimeout');
    const first = coalescer.append([1]);
    expect(timer).toHaveBeenLastCalledWith(expect.any(Function), 10);
    expect(writes).toEqual([]);
    now += 4; // asked for 4 ms after the first: it goes in the same write
    const second = coalescer.append([2]);
    await Promise.all([first, second]);
    expect(writes).toEqual([[1, 2]]);
    expect(timer).toHaveBeenCalledTimes(1);

    now += 3; // the first write started 7 ms ago; this entry waits its own linger
    const third = coalescer.append([3]);
    expect(timer).toHaveBeenLastCalledWith(expect.any(Function), 10);
    await third;
    expect(writes).toEqual([[1, 2], [3]]);
  });

  it('counts the linger from when the edits reached the server, not from when they were handed over', async () => {
    let now = 1_000;
    const { writes, coalescer } = timedCoalescer({ spacingMs: 5, lingerMs: 10 }, () => now);
    const timer = jest.spyOn(global, 'setTimeout');
    // Edits that waited 12 ms for their document's previous write have had their linger.
    await coalescer.append([1], now - 12);
    expect(timer).not.toHaveBeenCalled();
    now += 20;
    // Edits that arrived 4 ms ago wait the 6 ms left of theirs.
    const recent = coalescer.append([2], now - 4);
    expect(timer).toHaveBeenLastCalledWith(expect.any(Function), 6);
    await recent;
    expect(writes).toEqual([[1], [2]]);
  });

  it('starts a planned write sooner when older edits join it', async () => {
    const now = 1_000;
    const { writes, coalescer } = timedCoalescer({ spacingMs: 0, lingerMs: 10 }, () => now);
    const timer = jest.spyOn(global, 'setTimeout');
    const cleared = jest.spyOn(global, 'clearTimeout');
    const recent = coalescer.append([1], now);
    expect(timer).toHaveBeenLastCalledWith(expect.any(Function), 10);
    const older = coalescer.append([2], now - 10);
    expect(cleared).toHaveBeenCalledTimes(1);
    expect(timer).toHaveBeenCalledTimes(1);
    await Promise.all([recent, older]);
    expect(writes).toEqual([[1, 2]]);
  });
});
