import { CompactionTurns } from './compaction-turns';

describe('compactions taking turns', () => {
  it('runs one at a time, in order, each in a turn of its own', async () => {
    const turns = new CompactionTurns();
    const log: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const first = turns.run(async () => {
      log.push('first starts');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      log.push('first ends');
      return 1;
    });
    const second = turns.run(async () => {
      log.push('second starts');
      return 2;
    });
    log.push('asked');
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['asked', 'first starts']);
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['asked', 'first starts', 'first ends', 'second starts']);
  });

  it('goes on to the next after one fails', async () => {
    const turns = new CompactionTurns();
    const failed = turns.run(() => Promise.reject(new Error('no primary')));
    const next = turns.run(() => Promise.resolve('folded'));
    await expect(failed).rejects.toThrow('no primary');
    expect(await next).toBe('folded');
  });
});
