import { Link } from 'react-router';
import { paths } from '../../paths';
import { useNotices } from './notice-queries';

/** The header's way to publishing notices, with how many are unread. */
export function NoticesLink() {
  const notices = useNotices();
  const count = notices.data?.unreadCount ?? 0;
  return (
    <li className="nhsuk-header__account-item">
      <Link className="nhsuk-header__account-link" to={paths.notices}>
        Notices
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
