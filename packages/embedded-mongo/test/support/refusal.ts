/**
 * What an operation that must be refused was refused with. Fails the test
 * if the operation succeeded, so `expect(await refusalOf(...))` can only
 * pass on an error.
 */
export function refusalOf(operation: Promise<unknown>): Promise<unknown> {
  return operation.then(
    () => {
      throw new Error('expected the operation to be refused, but it succeeded');
    },
    (caught: unknown) => caught,
  );
}
