/** How long a signed-in identity is reused before the store is asked again. */
const REMEMBER_MS = 60_000;
/** How long an ended session is kept refused here, longer than any lookup takes. */
const ENDED_KEPT_MS = 60_000;
/** The most identities kept at once: the oldest goes first. */
const MOST_REMEMBERED = 10_000;

interface Remembered<Identity> {
  identity: Identity;
  until: number;
}

/**
 * The identities of sessions recently looked up, so that a page reopening its sockets
 * (a reconnect after a deploy or a network blip: every tab of a person at once) asks the
 * store once, not once a socket. A session is forgotten the moment it ends (`ended`,
 * from `session.ended`, which every way of ending one publishes) and when it expires; a
 * lookup that was under way when it ended answers nobody. What else an identity holds
 * (the account's name) is at most REMEMBER_MS old.
 */
export class RememberedSessions<Identity extends { sessionExpiresAt: number }> {
  private readonly remembered = new Map<string, Remembered<Identity>>();
  /** Sessions ended lately, by key, with when: a lookup that started before must not count. */
  private readonly endedAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The identity of a session still remembered and not expired. */
  recall(sessionKey: string): Identity | undefined {
    const found = this.remembered.get(sessionKey);
    if (!found) return undefined;
    const now = this.now();
    if (found.until > now && found.identity.sessionExpiresAt > now) return found.identity;
    this.remembered.delete(sessionKey);
    return undefined;
  }

  /** Keeps what a lookup found, unless the session ended while it ran. */
  remember(sessionKey: string, identity: Identity): void {
    if (this.hasEnded(sessionKey)) return;
    this.remembered.delete(sessionKey);
    if (this.remembered.size >= MOST_REMEMBERED) {
      const oldest = this.remembered.keys().next();
      if (!oldest.done) this.remembered.delete(oldest.value);
    }
    this.remembered.set(sessionKey, { identity, until: this.now() + REMEMBER_MS });
  }

  /** The session ended: forgotten, and refused for whatever lookup of it is still running. */
  ended(sessionKey: string): void {
    this.remembered.delete(sessionKey);
    const now = this.now();
    for (const [key, at] of this.endedAt) {
      if (at > now - ENDED_KEPT_MS) break;
      this.endedAt.delete(key);
    }
    this.endedAt.delete(sessionKey);
    this.endedAt.set(sessionKey, now);
  }

  hasEnded(sessionKey: string): boolean {
    return this.endedAt.has(sessionKey);
  }
}
