import { SharedLookup } from './shared-lookup';

describe('shared lookups', () => {
  it('runs simultaneous identical lookups once and keeps nothing afterwards', async () => {
    const lookups = new SharedLookup<number>();
    let runs = 0;
    const lookup = () => Promise.resolve(++runs);
    const [a, b] = await Promise.all([lookups.get('k', lookup), lookups.get('k', lookup)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await lookups.get('k', lookup)).toBe(2);
  });

  it('lets a failure reach every waiter and the next caller try again', async () => {
    const lookups = new SharedLookup<number>();
    const failing = () => Promise.reject(new Error('store down'));
    await expect(
      Promise.all([lookups.get('k', failing), lookups.get('k', failing)]),
    ).rejects.toThrow('store down');
    expect(await lookups.get('k', () => Promise.resolve(7))).toBe(7);
  });
});
