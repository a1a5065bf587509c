import { Link, useSearchParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { pageCount } from '../../components/pagination-pages';
import { Table } from '../../components/Table';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { useAccountEvents } from './account-queries';
import { describeAccountEvent, describeAccountEventDetail } from './describe-account-event';

const PAGE_SIZE = 20;

/** Every sign-in to your account and change to its password and address, a page at a time. */
export function AccountActivityPage() {
  const [search] = useSearchParams();
  const asked = Number(search.get('page') ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1;
  const events = useAccountEvents(page, PAGE_SIZE);
  const pages = events.data ? pageCount(events.data.total, PAGE_SIZE) : 1;
  const title = 'Your sign-ins and password changes';

  return (
    <Page
      title={pages > 1 ? `${title} (page ${page} of ${pages})` : title}
      breadcrumbs={[
        { to: paths.workspaces, text: 'Your workspaces' },
        { to: paths.account, text: 'Your account' },
      ]}
      hasError={events.isError}
    >
      {events.isError && <ApiErrorSummary error={events.error} />}
      <h1>{title}</h1>
      <p>
        Newest first: every sign-in to your account, every attempt with a wrong password, and every
        change to your password, your email address and where you are signed in. If you do not
        recognise something, <Link to={paths.accountPassword}>change your password</Link>.
      </p>
      {events.isPending && <Loading what="your sign-ins" />}
      {events.data && events.data.events.length === 0 && (
        <p>{page > 1 ? 'There is nothing on this page.' : 'Nothing yet.'}</p>
      )}
      {events.data && events.data.events.length > 0 && (
        <>
          <p>
            Showing {(page - 1) * PAGE_SIZE + 1} to{' '}
            {(page - 1) * PAGE_SIZE + events.data.events.length} of {events.data.total}.
          </p>
          <Table
            caption={title}
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
        </>
      )}
      <Pagination page={page} pages={pages} pageLink={paths.accountActivity} />
    </Page>
  );
}
