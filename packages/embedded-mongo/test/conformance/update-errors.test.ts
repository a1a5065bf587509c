import { MongoServerError, type Document, type UpdateFilter } from 'mongodb';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

/**
 * Updates MongoDB refuses, with the code it refuses them with; a refused
 * update leaves the document exactly as it was. (Write errors carry index,
 * code and errmsg, not codeName.)
 */
const ctx = useConformanceTarget('update_errors');

type Stored = Document & { _id: number };
let counter = 0;

async function refusal(
  original: Document,
  update: Document,
  options: { filter?: Document; arrayFilters?: Document[] } = {},
): Promise<MongoServerError> {
  const collection = ctx.db.collection<Stored>(`refused_${(counter += 1)}`);
  await collection.insertOne({ _id: 1, ...original });
  const error: unknown = await refusalOf(
    collection.updateOne(options.filter ?? { _id: 1 }, update as UpdateFilter<Stored>, {
      arrayFilters: options.arrayFilters,
    }),
  );
  expect(error).toBeInstanceOf(MongoServerError);
  expect(await collection.findOne({ _id: 1 })).toEqual({ _id: 1, ...original });
  return error as MongoServerError;
}

describe('update errors', () => {
  test('setting a field inside a string is PathNotViable (28)', async () => {
    const error = await refusal({ title: 'Draft' }, { $set: { 'title.version': 2 } });
    expect(error.code).toBe(28);
  });

  test('$push onto a non-array is BadValue (2)', async () => {
    const error = await refusal({ themes: 'access' }, { $push: { themes: 'staff' } });
    expect(error.code).toBe(2);
    expect(error.message).toContain("The field 'themes' must be an array but is of type string");
  });

  test('$pull from a non-array is BadValue (2)', async () => {
    const error = await refusal({ themes: 'access' }, { $pull: { themes: 'access' } });
    expect(error.code).toBe(2);
    expect(error.message).toContain('Cannot apply $pull to a non-array value');
  });

  test('$inc with a non-numeric argument is TypeMismatch (14)', async () => {
    const error = await refusal({ count: 1 }, { $inc: { count: 'one' } });
    expect(error.code).toBe(14);
    expect(error.message).toContain('Cannot increment with non-numeric argument');
  });

  test('$mul on a non-numeric field is TypeMismatch (14)', async () => {
    const error = await refusal({ budget: 'unknown' }, { $mul: { budget: 2 } });
    expect(error.code).toBe(14);
  });

  test('$unset of _id is ImmutableField (66)', async () => {
    const error = await refusal({ title: 'Draft' }, { $unset: { _id: '' } });
    expect(error.code).toBe(66);
  });

  test('$pop with anything but 1 or -1 is FailedToParse (9)', async () => {
    const error = await refusal({ scores: [1, 2] }, { $pop: { scores: 2 } });
    expect(error.code).toBe(9);
  });

  test('positional $ without an array match in the query is BadValue (2)', async () => {
    const error = await refusal({ scores: [1, 2] }, { $set: { 'scores.$': 5 } });
    expect(error.code).toBe(2);
    expect(error.message).toContain(
      'The positional operator did not find the match needed from the query',
    );
  });

  test('$[identifier] without a matching array filter is BadValue (2)', async () => {
    const error = await refusal({ scores: [1, 2] }, { $set: { 'scores.$[low]': 0 } });
    expect(error.code).toBe(2);
    expect(error.message).toContain("No array filter found for identifier 'low'");
  });

  test('an array filter that the update never uses is FailedToParse (9)', async () => {
    const error = await refusal(
      { scores: [1, 2] },
      { $set: { 'scores.$[low]': 0 } },
      { arrayFilters: [{ low: { $lt: 2 } }, { unused: 1 }] },
    );
    expect(error.code).toBe(9);
    expect(error.message).toContain("The array filter for identifier 'unused' was not used");
  });
});

describe('update documents that mix shapes', () => {
  test('a non-operator field after an operator is an unknown modifier (9)', async () => {
    const error = await refusal({ title: 'Draft' }, { $set: { stage: 'do' }, title: 'Final' });
    expect(error.code).toBe(9);
    expect(error.message).toContain('Unknown modifier: title');
  });

  test('an empty replacement keeps only _id', async () => {
    const collection = ctx.db.collection<Stored>('empty_replacement');
    await collection.insertOne({ _id: 1, title: 'Draft', stage: 'plan' });
    const result = await collection.replaceOne({ _id: 1 }, {});
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await collection.findOne({ _id: 1 })).toEqual({ _id: 1 });
  });
});

describe('array paths that do succeed', () => {
  test('setting an index past the end pads the array with nulls', async () => {
    const collection = ctx.db.collection<Stored>('pad_array');
    await collection.insertOne({ _id: 1, scores: [1] });
    await collection.updateOne({ _id: 1 }, { $set: { 'scores.3': 9 } });
    expect(await collection.findOne({ _id: 1 })).toEqual({ _id: 1, scores: [1, null, null, 9] });
  });

  test('a numeric path segment on an embedded document is a field name', async () => {
    const collection = ctx.db.collection<Stored>('numeric_field');
    await collection.insertOne({ _id: 1, returns: { '2026': 5 } });
    await collection.updateOne({ _id: 1 }, { $inc: { 'returns.2026': 1, 'returns.2027': 1 } });
    expect(await collection.findOne({ _id: 1 })).toEqual({
      _id: 1,
      returns: { '2026': 6, '2027': 1 },
    });
  });
});
