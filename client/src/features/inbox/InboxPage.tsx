import { Link } from 'react-router';
import type { InboxItem } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { useInbox } from './inbox-queries';

const REASONS: Record<InboxItem['reason'], string> = {
  mention: 'Mentioned you',
  reply: 'New reply',
};

/** Mentions and unread threads across the person's workspaces, newest first. */
export function InboxPage() {
  const inbox = useInbox({ list: true });
  const items = inbox.data?.items ?? [];
  return (
    <Page
      title="Inbox"
      breadcrumbs={[{ to: paths.workspaces, text: 'Your workspaces' }]}
      hasError={inbox.isError}
    >
      {inbox.isError && <ApiErrorSummary error={inbox.error} />}
      <h1>Inbox</h1>
      <p>Comments that mention you, and replies in threads you wrote in.</p>
      {inbox.isPending && <Loading what="your inbox" />}
      {inbox.isSuccess && items.length === 0 && <p>Nothing here yet.</p>}
      {items.length > 0 && (
        <ul className="nhsuk-list coproduce-inbox">
          {items.map((item) => (
            <li key={`${item.threadId}-${item.reason}`} className="coproduce-inbox__item">
              <h2 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">
                <Link to={paths.thread(item.workspaceId, item.specificationId, item.threadId)}>
                  {item.specificationTitle}: “{item.quote}”
                </Link>
              </h2>
              <p className="nhsuk-u-margin-bottom-1">
                <Tag colour={item.reason === 'mention' ? 'blue' : 'grey'}>
                  {REASONS[item.reason]}
                </Tag>{' '}
                {item.unread && <Tag colour="orange">Unread</Tag>}
              </p>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <strong>{item.latest.author.name}</strong>, {formatDateTime(item.latest.at)}
              </p>
              <p className="coproduce-inbox__body">{item.latest.body}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
