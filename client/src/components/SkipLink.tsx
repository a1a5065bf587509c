import type { MouseEvent } from 'react';
import { focusMain } from './focus-main';

// The router owns the URL fragment, so move focus to the main landmark directly.
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  if (focusMain()) event.preventDefault();
}

export function SkipLink() {
  return (
    <a className="nhsuk-skip-link" href="#maincontent" onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
