/**
 * Data on disk that cannot be trusted: damage before the journal's tail, or a
 * snapshot that does not verify. The store refuses to start rather than
 * silently lose whatever lies past the damage.
 */
export class StorageCorruptionError extends Error {
  override readonly name = 'StorageCorruptionError';
}

/** Another live process has the data directory open. */
export class DataDirectoryInUseError extends Error {
  override readonly name = 'DataDirectoryInUseError';
}

/**
 * The storage can no longer make writes durable (closed, a failed write or
 * fsync, or a lost data-directory lock). Every later append fails with it;
 * the store must be restarted, which recovers from the files on disk.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}
