import type { UserSummary } from '@coproduce/domain';
import { forgetKeptAnswers } from './kept-answers';

const KEPT_USER = 'coproduce-signed-in-user';

/**
 * Who is signed in on this browser, kept beside the copies of their work that pages keep
 * on the device (a specification's unsaved edits, a drop-in's entries), so those pages open
 * with no connection and open that person's copies. Only used while offline: online, the
 * server says who is signed in, and decides everything else. Forgotten at sign-out, and
 * whenever the server says the session has ended.
 */
export function keptUser(): UserSummary | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT_USER) ?? 'null') as UserSummary | null;
    return kept && typeof kept.id === 'string' && typeof kept.name === 'string'
      ? { id: kept.id, name: kept.name, email: String(kept.email ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

export function keepUser(user: UserSummary | null): void {
  // Someone else, or nobody: what was kept for the last person goes.
  if (user?.id !== keptUser()?.id) forgetKeptAnswers();
  try {
    if (user) {
      const { id, name, email } = user;
      localStorage.setItem(KEPT_USER, JSON.stringify({ id, name, email }));
    } else localStorage.removeItem(KEPT_USER);
  } catch {
    // Storage refused (private browsing, full): pages then need a connection to open.
  }
}
