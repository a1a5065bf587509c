/** Who opened a connection, from the session it was opened with. */
export interface ConnectedPerson {
  userId: string;
  name: string;
  /** The hash of the session token the connection was opened with, to close it at sign-out. */
  sessionKey: string;
  /** When that session expires (epoch ms): the connection closes then. */
  sessionExpiresAt: number;
}
