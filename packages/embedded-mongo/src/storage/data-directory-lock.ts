import { readFileSync } from 'node:fs';
import { chmod, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from './private-files';
import { DataDirectoryInUseError } from './storage-errors';

const LOCK_NAME = 'mongod.lock';
const OWNER_NAME = 'mongod.lock.owner';
/**
 * proper-lockfile refreshes the lock's mtime every UPDATE_MS and treats a lock
 * older than STALE_MS as abandoned. A SIGKILLed owner is recognised sooner,
 * by its pid (below), so STALE_MS can be generous enough that a busy event
 * loop never loses its own lock.
 */
const STALE_MS = 60_000;
const UPDATE_MS = 10_000;

export interface DataDirectoryLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  hostname: string;
}

/**
 * Takes the data directory for this process, or fails with "data directory
 * X is in use by another embedded-mongo process". `onLost` is called if the
 * lock is later taken away (its refresh failed or another process removed it).
 */
export async function lockDataDirectory(
  directory: string,
  onLost: (error: Error) => void,
): Promise<DataDirectoryLock> {
  const lockPath = join(directory, LOCK_NAME);
  const ownerPath = join(directory, OWNER_NAME);
  const acquire = () =>
    lock(directory, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      onCompromised: onLost,
    });

  let release: () => Promise<void>;
  try {
    release = await acquire();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerPath);
    if (!owner || owner.hostname !== hostname() || isRunning(owner.pid)) {
      const who = owner ? ` (pid ${owner.pid} on ${owner.hostname})` : '';
      throw new DataDirectoryInUseError(
        `data directory ${directory} is in use by another embedded-mongo process${who}`,
      );
    }
    // The owner died without releasing (SIGKILL, power loss): the lock is ours to clear.
    await rmdir(lockPath).catch(ignoreMissing);
    try {
      release = await acquire();
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code !== 'ELOCKED') throw retryError;
      throw new DataDirectoryInUseError(
        `data directory ${directory} is in use by another embedded-mongo process`,
      );
    }
  }
  // proper-lockfile makes its directory with the process's umask.
  await chmod(lockPath, PRIVATE_DIRECTORY_MODE);
  // Written aside and renamed, so a crash never leaves a half-written owner
  // behind (a leftover `.tmp` is removed with the other unfinished files).
  const owner: LockOwner = { pid: process.pid, hostname: hostname() };
  const ownerDraft = `${ownerPath}.${process.pid}.tmp`;
  await writeFile(ownerDraft, JSON.stringify(owner), { mode: PRIVATE_FILE_MODE });
  await rename(ownerDraft, ownerPath);
  return {
    async release() {
      await rm(ownerPath, { force: true });
      await release();
    },
  };
}

async function readOwner(ownerPath: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(ownerPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.hostname !== 'string') return null;
    return { pid: owner.pid, hostname: owner.hostname };
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists and has not yet exited (zombies count as exited). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; comm may contain spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
