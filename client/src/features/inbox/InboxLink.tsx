import { HeaderCountLink } from '../../components/HeaderCountLink';
import { paths } from '../../paths';
import { useInbox } from './inbox-queries';

/** The header's way to the inbox, with how many threads are unread or mention the person. */
export function InboxLink() {
  const inbox = useInbox();
  return <HeaderCountLink to={paths.inbox} text="Inbox" count={inbox.data?.unreadCount ?? 0} />;
}
