import type { SaveStatus } from '@coproduce/collab-provider';

const WORDS: Record<SaveStatus, string> = {
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline – your changes are kept on this device and will be sent when you reconnect',
  'not-saved':
    'Not saved – your role no longer lets you edit, so your latest changes are kept on this device only',
};

/** Why edits stop being accepted on an engagement copy: its round closed, not a role change. */
const NOT_SAVED_ROUND_CLOSED =
  'Not saved – the round closed before your latest changes reached Coproduce, so they are kept on this device only';

/** Read out by screen readers when it changes, without taking focus. */
export function SaveStatusMessage({
  status,
  roundClosed = false,
}: {
  status: SaveStatus;
  /** An engagement copy whose round has closed. */
  roundClosed?: boolean;
}) {
  return (
    <p className={`coproduce-save-status coproduce-save-status--${status}`} role="status">
      {status === 'not-saved' && roundClosed ? NOT_SAVED_ROUND_CLOSED : WORDS[status]}
    </p>
  );
}
