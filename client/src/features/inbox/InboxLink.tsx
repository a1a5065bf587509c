import { Link } from 'react-router';
import { paths } from '../../paths';
import { useInbox } from './inbox-queries';

/** The header's way to the inbox, with how many threads are unread or mention the person. */
export function InboxLink() {
  const inbox = useInbox();
  const count = inbox.data?.unreadCount ?? 0;
  return (
    <li className="nhsuk-header__account-item">
      <Link className="nhsuk-header__account-link" to={paths.inbox}>
        Inbox
        {count > 0 && (
          <span className="coproduce-inbox-count">
            {' '}
            {count}
            <span className="nhsuk-u-visually-hidden"> unread</span>
          </span>
        )}
      </Link>
    </li>
  );
}
