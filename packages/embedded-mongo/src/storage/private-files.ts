import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The store holds password hashes and session tokens' hashes: nobody but the user
 * running it may read its files or list its directories, whatever their umask.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Takes back a data directory written before the store set its own modes (0755 and
 * 0644 under the usual umask): the directory and everything in it become private.
 */
export async function makeDataDirectoryPrivate(directory: string): Promise<void> {
  await chmod(directory, PRIVATE_DIRECTORY_MODE);
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await makeDataDirectoryPrivate(path);
    else if (entry.isFile()) await chmod(path, PRIVATE_FILE_MODE);
  }
}
