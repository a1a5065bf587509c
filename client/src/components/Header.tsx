import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { NhsLogo } from './NhsLogo';

interface HeaderProps {
  /** The signed-in person's name; the account links show only when someone is signed in. */
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
              <li className="nhsuk-header__account-item">{userName}</li>
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
