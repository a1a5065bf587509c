// Publishing notices: new and withdrawn versions, answered questions (providers) and
// new questions (commissioners). Opening the page marks them read.
import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { markNoticesRead } from '../../api/publishing';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { describeNotice } from './describe-notice';
import { noticesKey, useNotices } from './notice-queries';

const breadcrumbs = [{ to: paths.workspaces, text: 'Your workspaces' }];

export function NoticesPage() {
  const notices = useNotices({ list: true });
  const queryClient = useQueryClient();
  const marking = useMutation({
    mutationFn: markNoticesRead,
    // The list keeps its "New" tags for this visit; only the header's count drops.
    onSuccess: () =>
      queryClient.setQueryData(noticesKey, (current: typeof notices.data) =>
        current ? { ...current, unreadCount: 0 } : current,
      ),
  });
  const unread = notices.data?.unreadCount ?? 0;
  const { mutate } = marking;
  useEffect(() => {
    if (unread > 0) mutate();
  }, [unread, mutate]);

  return (
    <Page title="Notices" breadcrumbs={breadcrumbs}>
      <h1>Notices</h1>
      <p>New and withdrawn versions of specifications, and clarification questions.</p>
      {notices.isPending && <Loading what="your notices" />}
      {notices.isError && <ApiErrorSummary error={notices.error} />}
      {notices.data?.items.length === 0 && <p>You have no notices.</p>}
      {notices.data && notices.data.items.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--border">
          {notices.data.items.map((notice) => {
            const { text, to } = describeNotice(notice);
            return (
              <li key={notice.id}>
                {notice.unread && (
                  <>
                    <Tag colour="blue">New</Tag>{' '}
                  </>
                )}
                <Link to={to}>{text}</Link>
                <br />
                <span className="nhsuk-body-s">{formatDateTime(notice.at)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
