import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../paths';
import { NhsLogo } from './NhsLogo';

interface HeaderProps {
  /**
   * The signed-in person's name, linking to their account; the account links show only
   * when someone is signed in.
   */
  userName?: string;
  onSignOut?: () => void;
  signingOut?: boolean;
  /** Links shown before the person's name, e.g. their inbox. */
  accountLinks?: ReactNode;
}

export function Header({ userName, onSignOut, signingOut = false, accountLinks }: HeaderProps) {
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/" aria-label="NHS Coproduce homepage">
            <NhsLogo />
            <span className="nhsuk-header__service-name">Coproduce</span>
          </Link>
        </div>
        {userName !== undefined && onSignOut && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              {accountLinks}
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to={paths.account}>
                  <UserIcon />
                  {userName}
                  <span className="nhsuk-u-visually-hidden"> – your account</span>
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <button
                  type="button"
                  className="nhsuk-header__account-button"
                  onClick={onSignOut}
                  disabled={signingOut}
                >
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

/** NHS.UK's user icon, beside the link to the person's account. */
function UserIcon() {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--user"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
    </svg>
  );
}
