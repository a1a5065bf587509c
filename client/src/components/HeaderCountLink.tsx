import { Link } from 'react-router';

/** A link in the header's account list with how many things there are unread. */
export function HeaderCountLink({ to, text, count }: { to: string; text: string; count: number }) {
  return (
    <li className="nhsuk-header__account-item">
      <Link className="nhsuk-header__account-link" to={to}>
        {text}
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
