import { HeaderCountLink } from '../../components/HeaderCountLink';
import { paths } from '../../paths';
import { useNotices } from './notice-queries';

/** The header's way to publishing notices, with how many are unread. */
export function NoticesLink() {
  const notices = useNotices();
  return (
    <HeaderCountLink to={paths.notices} text="Notices" count={notices.data?.unreadCount ?? 0} />
  );
}
