import type { SaveStatus } from '@coproduce/collab-provider';

const WORDS: Record<SaveStatus, string> = {
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline – your changes are kept on this device and will be sent when you reconnect',
  'not-saved':
    'Not saved – your role no longer lets you edit, so your latest changes are kept on this device only',
};

/** Read out by screen readers when it changes, without taking focus. */
export function SaveStatusMessage({ status }: { status: SaveStatus }) {
  return (
    <p className={`coproduce-save-status coproduce-save-status--${status}`} role="status">
      {WORDS[status]}
    </p>
  );
}
