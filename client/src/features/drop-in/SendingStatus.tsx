import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { paths } from '../../paths';
import type { SignInState } from '../../session/return-path';
import { sessionEnded } from '../../session/session-query';
import type { SenderSnapshot } from './drop-in-sender';
import type { QueueSummary } from './outbox';

function subscribeToConnection(changed: () => void): () => void {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

/** Whether the browser thinks it has a connection. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeToConnection, () => navigator.onLine);
}

const things = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

/**
 * How much of what was recorded here the server has: how many wait to be sent, and "All
 * sent" only once it has acknowledged every one. A live region, so a screen reader hears
 * it change without moving.
 */
export function SendingStatus({
  summary,
  sender,
  signedOut,
}: {
  summary: QueueSummary;
  sender: SenderSnapshot;
  signedOut: boolean;
}) {
  const online = useOnline();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { waiting, refused, sent } = summary;
  let tone: 'done' | 'waiting' | 'problem';
  let heading: string;
  let detail: string | null = null;
  if (waiting > 0 && (signedOut || sender.status === 'someone-else')) {
    tone = 'problem';
    heading = `${waiting} waiting to be sent`;
    detail =
      sender.status === 'someone-else'
        ? 'Someone else is signed in on this browser. Sign in again as yourself to send them: they are saved on this device.'
        : `Your session has ended. Sign in again to send ${waiting === 1 ? 'it' : 'them'}: ${things(waiting)} saved on this device.`;
  } else if (waiting > 0) {
    tone = 'waiting';
    heading = `${waiting} waiting to be sent`;
    detail = !online
      ? 'You are offline. Everything is saved on this device and will be sent when you are back online.'
      : sender.status === 'waiting-to-retry'
        ? 'Coproduce could not be reached. Everything is saved on this device; trying again shortly.'
        : 'Saved on this device. Sending…';
  } else if (refused > 0) {
    tone = 'problem';
    heading = `${things(refused)} could not be sent`;
    detail = 'See why below.';
  } else if (sent > 0) {
    tone = 'done';
    heading = 'All sent';
    detail = online
      ? null
      : 'You are offline. Anything new is saved on this device until you are back online.';
  } else {
    tone = 'waiting';
    heading = 'Nothing recorded on this device yet';
    detail = online
      ? null
      : 'You are offline. What you record is saved on this device until you are back online.';
  }
  const signInState: SignInState = { from: location.pathname };
  return (
    <div className={`coproduce-drop-in__status coproduce-drop-in__status--${tone}`}>
      <div role="status">
        <p className="coproduce-drop-in__status-heading">{heading}</p>
        {detail && <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{detail}</p>}
      </div>
      {(signedOut || sender.status === 'someone-else') && waiting > 0 && (
        <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
          <Link
            to={paths.signIn}
            state={signInState}
            // The sign-in page sends a signed-in person on: this one is not, any more.
            onClick={() => sessionEnded(queryClient)}
          >
            Sign in again
          </Link>
        </p>
      )}
    </div>
  );
}
