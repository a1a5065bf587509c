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
