import { isApiError } from '../api/api-error';
import { keptUser } from './kept-user';

const PREFIX = 'coproduce-kept-answer:';

function storageKey(userId: string, queryKey: readonly unknown[]): string {
  return `${PREFIX}${userId}:${JSON.stringify(queryKey)}`;
}

/**
 * The few answers a page needs to open with no connection (the workspace and its list of
 * specifications, so a specification with unsaved edits on the device reopens), kept per
 * person and only read while the browser is offline: online, the server answers, and
 * decides who may do what. Forgotten with the kept user (sign-out, an ended session).
 */
export function keptAnswer<T>(queryKey: readonly unknown[]): T | undefined {
  if (typeof navigator !== 'undefined' && navigator.onLine) return undefined;
  return readKeptAnswer<T>(queryKey);
}

function readKeptAnswer<T>(queryKey: readonly unknown[]): T | undefined {
  const user = keptUser();
  if (!user) return undefined;
  try {
    const kept = localStorage.getItem(storageKey(user.id, queryKey));
    return kept === null ? undefined : (JSON.parse(kept) as T);
  } catch {
    return undefined;
  }
}

/** For a query function: keeps its answer for the person signed in, and passes it on. */
export function keepingAnswer<T>(queryKey: readonly unknown[]): (answer: T) => T {
  return (answer) => {
    const user = keptUser();
    try {
      if (user) localStorage.setItem(storageKey(user.id, queryKey), JSON.stringify(answer));
    } catch {
      // Storage full or refused: the page then needs a connection to open.
    }
    return answer;
  };
}

/**
 * A query function that keeps its answer, and gives the kept one when Coproduce could not
 * be reached: the browser may think it is online (a network with no way out, or a page
 * opened before it noticed) when it is not. Anything else the server says still fails.
 */
export function answeringFromKept<T>(
  queryKey: readonly unknown[],
  ask: () => Promise<T>,
): () => Promise<T> {
  return async () => {
    try {
      return keepingAnswer<T>(queryKey)(await ask());
    } catch (error) {
      const kept =
        isApiError(error) && error.status === 0 ? readKeptAnswer<T>(queryKey) : undefined;
      if (kept === undefined) throw error;
      return kept;
    }
  };
}

export function forgetKeptAnswers(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // Nothing could be kept either.
  }
}
