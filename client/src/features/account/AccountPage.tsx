import { Link, useLocation } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessBanner } from '../../components/SuccessBanner';
import { SummaryList } from '../../components/SummaryList';
import { Table } from '../../components/Table';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import {
  isAccountChanged,
  useAccount,
  useAccountEvents,
  type AccountChanged,
} from './account-queries';
import { describeAccountEvent, describeAccountEventDetail } from './describe-account-event';
import { SessionsSection } from './SessionsSection';

/** How many of the newest events the account page shows; the rest are a link away. */
const RECENT_EVENTS = 5;

/** "Your account": name, email address, password, where you are signed in, what happened lately. */
export function AccountPage() {
  const account = useAccount();
  const events = useAccountEvents(1, RECENT_EVENTS);
  const state: unknown = useLocation().state;

  return (
    <Page
      title="Your account"
      breadcrumbs={[{ to: paths.workspaces, text: 'Your workspaces' }]}
      hasError={account.isError}
    >
      {isAccountChanged(state) && <ChangedBanner change={state} />}
      {account.isError && <ApiErrorSummary error={account.error} />}
      <h1>Your account</h1>
      {account.isPending && <Loading what="your account" />}
      {account.data && (
        <>
          <SummaryList
            rows={[
              {
                key: 'Name',
                value: account.data.name,
                action: { to: paths.accountName, text: 'Change', visuallyHiddenText: 'your name' },
              },
              {
                key: 'Email address',
                value: (
                  <>
                    <span className="app-break-anywhere">{account.data.email}</span>
                    {account.data.pendingEmail && (
                      <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                        Waiting for you to confirm{' '}
                        <strong className="app-break-anywhere">
                          {account.data.pendingEmail.email}
                        </strong>
                        : open the link we emailed there before{' '}
                        {formatDateTime(account.data.pendingEmail.expiresAt)}.
                      </p>
                    )}
                  </>
                ),
                action: {
                  to: paths.accountEmail,
                  text: 'Change',
                  visuallyHiddenText: 'your email address',
                },
              },
              {
                key: 'Password',
                value: 'Only you know it',
                action: {
                  to: paths.accountPassword,
                  text: 'Change',
                  visuallyHiddenText: 'your password',
                },
              },
            ]}
          />
          <SessionsSection />
          <h2>Sign-ins and password changes</h2>
          <p>
            The latest sign-ins to your account, attempts with a wrong password, and changes to your
            password and email address. If you do not recognise one, change your password.
          </p>
          {events.isError && <ApiErrorSummary error={events.error} />}
          {events.isPending && <Loading what="your sign-ins" />}
          {events.data && events.data.events.length === 0 && <p>Nothing yet.</p>}
          {events.data && events.data.events.length > 0 && (
            <Table
              caption="Your latest sign-ins and password changes"
              captionHidden
              headers={['When', 'What happened', 'Details']}
              rows={events.data.events.map((event) => ({
                key: event.id,
                cells: [
                  formatDateTime(event.at),
                  describeAccountEvent(event),
                  describeAccountEventDetail(event).join('. '),
                ],
              }))}
            />
          )}
          <p>
            <Link to={paths.accountActivity()}>See all your sign-ins and password changes</Link>
          </p>
        </>
      )}
    </Page>
  );
}

function ChangedBanner({ change }: { change: AccountChanged }) {
  if (change.changed === 'name') return <SuccessBanner heading="Your name has been changed" />;
  if (change.changed === 'email') {
    return <SuccessBanner heading="Your email address has been changed" />;
  }
  const others = change.otherSessionsEnded ?? 0;
  return (
    <SuccessBanner heading="Your password has been changed">
      <p>
        {others === 0
          ? 'You were not signed in anywhere else.'
          : `You have been signed out of ${others === 1 ? '1 other browser or device' : `${others} other browsers or devices`}.`}
      </p>
    </SuccessBanner>
  );
}
