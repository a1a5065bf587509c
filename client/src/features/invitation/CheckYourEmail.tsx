import type { InvitationConfirmationEmailed } from '@coproduce/domain';
import { useEffect } from 'react';
import { focusMain } from '../../components/focus-main';
import { Page } from '../../components/Page';

/**
 * After accepting without being signed in, when the address is confirmed first. The same
 * words whether or not the address has an account: the email says which it is.
 */
export function CheckYourEmail({
  sent,
  workspaceName,
}: {
  sent: InvitationConfirmationEmailed;
  workspaceName: string;
}) {
  // The form is replaced where it stood: move focus so the news is read out and seen.
  useEffect(() => {
    focusMain();
  }, []);
  return (
    <Page title="Check your email">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check your email</h1>
          <p>
            We have sent an email to <strong>{sent.email}</strong>. Follow the link in it to confirm
            your email address and join {workspaceName}.
          </p>
          <p>
            If you already have a Coproduce account with this address, the email tells you how to
            sign in and accept instead.
          </p>
          <p>
            The link works once, for up to 24 hours. If the email has not arrived in a few minutes,
            check your spam folder.
          </p>
        </div>
      </div>
    </Page>
  );
}
