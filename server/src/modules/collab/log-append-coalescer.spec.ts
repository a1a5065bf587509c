import { LogAppendCoalescer } from './log-append-coalescer';

describe('group commit across documents', () => {
  it('writes appends asked for in the same turn as one write', async () => {
    const writes: number[][] = [];
    const coalescer = new LogAppendCoalescer<number>(async (entries) => {
      writes.push(entries);
    });
    await Promise.all([coalescer.append([1, 2]), coalescer.append([3]), coalescer.append([4])]);
    await coalescer.append([5]);
    expect(writes).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('tells every caller in a failed write that it failed', async () => {
    const coalescer = new LogAppendCoalescer<number>(() => Promise.reject(new Error('no primary')));
    const outcomes = await Promise.allSettled([coalescer.append([1]), coalescer.append([2])]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});
