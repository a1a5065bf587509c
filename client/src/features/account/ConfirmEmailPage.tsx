import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { confirmEmail, previewEmailConfirmation } from '../../api/account';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessBanner } from '../../components/SuccessBanner';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { useCurrentUser } from '../../session/session-query';
import { refreshAccount } from './account-queries';

const TITLE = 'Confirm your new email address';

/** Where the link emailed to a new address opens: one button makes the change. */
export function ConfirmEmailPage() {
  const token = useParams().token ?? '';
  const signedIn = Boolean(useCurrentUser().data);
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ['email-confirmation', token],
    queryFn: () => previewEmailConfirmation(token),
    retry: false,
  });
  const confirming = useMutation({
    mutationFn: () => confirmEmail(token),
    onSuccess: () => refreshAccount(queryClient),
  });

  if (confirming.data) {
    return (
      <Page title="Your email address has changed">
        <SuccessBanner heading="Your email address has changed">
          <p>
            Sign in with{' '}
            <strong className="app-break-anywhere">{confirming.data.user.email}</strong> from now
            on.
          </p>
        </SuccessBanner>
        <p>
          {signedIn ? (
            <Link to={paths.account}>Go to your account</Link>
          ) : (
            <Link to={paths.signIn}>Sign in</Link>
          )}
        </p>
      </Page>
    );
  }
  if (preview.isPending) {
    return (
      <Page title={TITLE}>
        <Loading what="your link" />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={TITLE} hasError>
        <ApiErrorSummary error={preview.error} />
        <h1>{TITLE}</h1>
        <p>
          Check you copied the whole link from the email.{' '}
          {signedIn ? (
            <Link to={paths.accountEmail}>Change your email address again</Link>
          ) : (
            <Link to={paths.signIn}>Sign in</Link>
          )}{' '}
          to get a new link.
        </p>
      </Page>
    );
  }
  return (
    <Page title={TITLE} hasError={confirming.isError}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {confirming.isError && <ApiErrorSummary error={confirming.error} />}
          <h1>{TITLE}</h1>
          <p>
            Make <strong className="app-break-anywhere">{preview.data.email}</strong> the email
            address you sign in to Coproduce with. We will tell your old address that it changed.
          </p>
          <p>This link works once, until {formatDateTime(preview.data.expiresAt)}.</p>
          <Button
            type="button"
            busyText={confirming.isPending && 'Confirming…'}
            onClick={() => confirming.mutate()}
          >
            Confirm my new email address
          </Button>
        </div>
      </div>
    </Page>
  );
}
