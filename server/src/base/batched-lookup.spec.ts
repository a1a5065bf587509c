import { BatchedLookup } from './batched-lookup';

describe('BatchedLookup', () => {
  const square = (queries: number[][]) =>
    new BatchedLookup<number, number>(
      async (keys) => {
        queries.push(keys);
        return new Map(keys.filter((key) => key >= 0).map((key) => [String(key), key * key]));
      },
      (key) => String(key),
    );

  it('answers the lookups of one turn with one query, each key asked once', async () => {
    const queries: number[][] = [];
    const lookup = square(queries);
    const answers = await Promise.all([
      lookup.get(2),
      lookup.get(3),
      lookup.get(2),
      lookup.get(-1),
    ]);
    expect(answers).toEqual([4, 9, 4, undefined]);
    expect(queries).toEqual([[2, 3, -1]]);
    expect(await lookup.get(4)).toBe(16);
    expect(queries).toHaveLength(2);
  });

  it('splits a storm into queries of at most 500 keys', async () => {
    const queries: number[][] = [];
    const lookup = square(queries);
    await Promise.all(Array.from({ length: 1_200 }, (_, index) => lookup.get(index)));
    expect(queries.map((keys) => keys.length)).toEqual([500, 500, 200]);
  });

  it('fails every lookup of a query that failed, and the next turn asks again', async () => {
    let fail = true;
    const lookup = new BatchedLookup<string, string>(
      async (keys) => {
        if (fail) throw new Error('no primary');
        return new Map(keys.map((key) => [key, key.toUpperCase()]));
      },
      (key) => key,
    );
    const outcomes = await Promise.allSettled([lookup.get('a'), lookup.get('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await lookup.get('a')).toBe('A');
  });

  it('keeps what is asked while a query is out for the next query, all of it together', async () => {
    const queries: number[][] = [];
    let answerFirst: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve));
    const lookup = new BatchedLookup<number, number>(
      async (keys) => {
        queries.push(keys);
        if (queries.length === 1) await firstAnswered;
        return new Map(keys.map((key) => [String(key), -key]));
      },
      (key) => String(key),
    );
    const first = lookup.get(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queries).toEqual([[1]]);

    // Three turns' lookups while the first query is out.
    const later: Array<Promise<number | undefined>> = [];
    for (const key of [2, 3, 4]) {
      later.push(lookup.get(key));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(queries).toEqual([[1]]);

    answerFirst();
    expect(await first).toBe(-1);
    expect(await Promise.all(later)).toEqual([-2, -3, -4]);
    expect(queries).toEqual([[1], [2, 3, 4]]);
  });

  it('a failed query does not hold back what waited for it', async () => {
    const queries: string[][] = [];
    const lookup = new BatchedLookup<string, string>(
      async (keys) => {
        queries.push(keys);
        await new Promise((resolve) => setImmediate(resolve));
        if (queries.length === 1) throw new Error('no primary');
        return new Map(keys.map((key) => [key, key.toUpperCase()]));
      },
      (key) => key,
    );
    const failed = lookup.get('a');
    await new Promise((resolve) => setImmediate(resolve));
    const waited = lookup.get('b');
    await expect(failed).rejects.toThrow('no primary');
    expect(await waited).toBe('B');
    expect(queries).toEqual([['a'], ['b']]);
  });

  it('a query that never answers holds back what is asked after it only briefly', async () => {
    const lookup = new BatchedLookup<string, string>(
      (keys) =>
        keys.includes('stuck')
          ? new Promise<Map<string, string>>(() => undefined)
          : Promise.resolve(new Map(keys.map((key) => [key, key.toUpperCase()]))),
      (key) => key,
    );
    void lookup.get('stuck');
    await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    expect(await lookup.get('b')).toBe('B');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('after a query that never answers, later lookups go as soon as the query before them is in', async () => {
    const queries: string[][] = [];
    const lookup = new BatchedLookup<string, string>(
      (keys) => {
        queries.push(keys);
        return keys.includes('stuck')
          ? new Promise<Map<string, string>>(() => undefined)
          : Promise.resolve(new Map(keys.map((key) => [key, key.toUpperCase()])));
      },
      (key) => key,
    );
    void lookup.get('stuck');
    await new Promise((resolve) => setImmediate(resolve));
    // The first lookup after it waits out the stuck query; what follows it must not.
    await lookup.get('a');
    const started = performance.now();
    for (const key of ['b', 'c', 'd', 'e', 'f']) {
      const answer = lookup.get(key);
      await new Promise((resolve) => setImmediate(resolve));
      void lookup.get(`${key}2`);
      expect(await answer).toBe(key.toUpperCase());
    }
    // At least five waits of 20 ms if the stuck query still counted; room for a busy machine.
    expect(performance.now() - started).toBeLessThan(90);
    expect(queries[0]).toEqual(['stuck']);
  });
});
