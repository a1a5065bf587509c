import { CollabConnection } from '@coproduce/collab-provider';

let connection: CollabConnection | undefined;

/**
 * One socket for every specification this tab opens; it signs in with the session
 * cookie, so the token never reaches page scripts.
 */
export function sharedCollabConnection(): CollabConnection {
  connection ??= CollabConnection.connect(window.location.origin, {
    transports: ['websocket', 'polling'],
  });
  return connection;
}

/**
 * The socket keeps the identity it connected with; when the person signed in
 * changes (or signs out), it must go, so the next one signs in afresh.
 */
export function closeSharedCollabConnection(): void {
  connection?.close();
  connection = undefined;
}
