/** MongoDB's "E11000 duplicate key" — a unique index refused the write. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

/**
 * Which operations of an unordered bulk write a unique index refused, by index, from the
 * error it threw; null when anything else failed as well, or instead.
 */
export function duplicateKeyOperations(error: unknown): number[] | null {
  const reported = (error as { writeErrors?: unknown } | null)?.writeErrors;
  // The driver gives one write error on its own, several as a list.
  const writeErrors: unknown[] = Array.isArray(reported) ? reported : reported ? [reported] : [];
  if (writeErrors.length === 0) return null;
  const indexes: number[] = [];
  for (const writeError of writeErrors) {
    const index = (writeError as { index?: unknown }).index;
    if (!isDuplicateKeyError(writeError) || typeof index !== 'number') return null;
    indexes.push(index);
  }
  return indexes;
}
