/**
 * What the auth module announces on the event bus. Open collab sockets keep the
 * identity they connected with, so the collab module closes a session's sockets
 * when it ends.
 */
declare module '../../base/event-bus' {
  interface CoproduceEvents {
    /** Signed out: published after the session was deleted. */
    'session.ended': SessionEnded;
  }
}

export type SessionEnded = {
  /** The hash of the session's token (what the session is stored under), never the token. */
  sessionKey: string;
};
